/**
 * A 401 on a query means the token died before we thought (revoked, or the agency's clock
 * runs ahead): the client fetches a new token ONCE and retries the query ONCE.
 */
import t from 'tap';
import { saleContract } from '../../connectors/hud/index.js';
import { callThrough, expectedSaleContracts, population, queries, startHud, tokenRequests, withoutAddressText } from './fixtures/harness.js';

const pop = population();
const buyers = [...new Set(pop.saleContracts.flatMap((c) => c.buyers))];

t.test('a token the agency no longer takes is refreshed once, and the query answered', async (t) => {
  let agencyClock = Date.parse('2026-09-01T08:00:00Z');
  const { client, sent } = await startHud(t, { mock: { now: () => agencyClock } });
  const idNumber = buyers[0]!;
  await callThrough(client, saleContract, { idNumber });

  agencyClock += 301_000; // the agency's token has expired; ours looks fresh on our clock
  const res = await callThrough(client, saleContract, { idNumber });
  if (res.status !== 'found') throw new Error(`expected found, got ${res.status}`);
  t.same(withoutAddressText(res.value), expectedSaleContracts(pop, idNumber), 'the answer after the retry');
  t.equal(tokenRequests(sent), 2, 'one new token');
  const [, refused, retried] = queries(sent);
  t.equal(queries(sent).length, 3, 'the refused query and its one retry');
  t.not(retried!.token, refused!.token, 'the retry carries the new token');

  await callThrough(client, saleContract, { idNumber });
  t.equal(tokenRequests(sent), 2, 'the new token is cached');
});

t.test('concurrent queries refused with the same token share one refresh', async (t) => {
  let agencyClock = Date.parse('2026-09-01T08:00:00Z');
  const { client, sent } = await startHud(t, { mock: { now: () => agencyClock } });
  await callThrough(client, saleContract, { idNumber: buyers[0]! });
  agencyClock += 301_000;
  const results = await Promise.all(buyers.map((idNumber) => callThrough(client, saleContract, { idNumber })));
  t.ok(results.every((r) => r.status === 'found'), 'every query answered');
  t.equal(tokenRequests(sent), 2, 'one refresh for all of them');
});
