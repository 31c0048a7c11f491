/**
 * The token is fetched once and reused until shortly before it expires; calls that need
 * one at the same moment share one token request (single flight).
 */
import t from 'tap';
import { leaseRegistration, saleContract } from '../../connectors/hud/index.js';
import { HUD_TOKEN_LIFETIME_SECONDS } from '../../connectors/hud/types.js';
import { usableForMs } from '../../connectors/hud/token.js';
import { callThrough, clientFor, population, queries, startHud, tokenRequests } from './fixtures/harness.js';

const pop = population();
const buyers = [...new Set(pop.saleContracts.flatMap((c) => c.buyers))];
const tenants = [...new Set(pop.leases.flatMap((l) => l.tenants))];

t.test('one token serves every call while it is fresh', async (t) => {
  const { client, sent } = await startHud(t);
  for (const idNumber of buyers) await callThrough(client, saleContract, { idNumber });
  for (const idNumber of tenants) await callThrough(client, leaseRegistration, { idNumber });
  t.equal(tokenRequests(sent), 1, 'one token request');
  t.equal(queries(sent).length, buyers.length + tenants.length);
  t.equal(new Set(queries(sent).map((q) => q.token)).size, 1, 'every query carries the same token');
});

t.test('concurrent calls on a client without a token share one token request', async (t) => {
  const { mock } = await startHud(t);
  const { client, sent } = clientFor(t, mock.url);
  const results = await Promise.all([
    ...buyers.map((idNumber) => callThrough(client, saleContract, { idNumber })),
    ...tenants.map((idNumber) => callThrough(client, leaseRegistration, { idNumber })),
  ]);
  t.ok(results.every((r) => r.status === 'found'));
  t.equal(tokenRequests(sent), 1, 'single flight');
});

t.test('the token is renewed shortly before it expires, without waiting for a 401', async (t) => {
  let clock = Date.parse('2026-09-01T08:00:00Z');
  const { mock } = await startHud(t, { mock: { now: () => clock } });
  const { client, sent } = clientFor(t, mock.url, { now: () => clock });
  const idNumber = buyers[0]!;

  await callThrough(client, saleContract, { idNumber });
  clock += usableForMs(HUD_TOKEN_LIFETIME_SECONDS) - 1;
  await callThrough(client, saleContract, { idNumber });
  t.equal(tokenRequests(sent), 1, 'still fresh: reused');

  clock += 1; // the margin before expiry begins: the mock would still take the old token
  await callThrough(client, saleContract, { idNumber });
  t.equal(tokenRequests(sent), 2, 'renewed in the margin');
  const [first, , third] = queries(sent);
  t.not(third!.token, first!.token, 'with the new token');
  t.equal(sent.filter((r) => r.path !== '/oauth/token').length, 3, 'no query was refused and repeated');
});

t.test('the renewal margin is at most half a short lifetime', async (t) => {
  t.equal(usableForMs(300), 270_000, '300 s: used for 270 s');
  t.equal(usableForMs(40), 20_000, '40 s: used for 20 s');
  t.equal(usableForMs(0), 0, '0 s: used for the request that fetched it only');
});
