/** Over its quota the mock answers 429 rate_limit_exceeded with Retry-After, which the client reports as rate_limited. */
import t from 'tap';
import { saleContract } from '../../connectors/hud/index.js';
import { callThrough, mockToken, population, rawQuery, startHud, upstreamError } from './fixtures/harness.js';

t.test('the quota, per clock second', async (t) => {
  const clock = Date.parse('2026-09-01T08:00:00Z'); // frozen: every request falls in the same second
  const { mock, client } = await startHud(t, { mock: { now: () => clock }, tuning: { maxRequestsPerSecond: 2 } });
  const buyer = population().saleContracts[0]!.buyers[0]!;
  const auth = { authorization: `Bearer ${await mockToken(mock.url)}` };

  t.equal((await rawQuery(mock.url, 'sale-contracts', `?buyerIdNumber=${buyer}`, auth)).status, 200);
  t.equal((await rawQuery(mock.url, 'sale-contracts', `?buyerIdNumber=${buyer}`, auth)).status, 200);
  const over = await rawQuery(mock.url, 'sale-contracts', `?buyerIdNumber=${buyer}`, auth);
  t.same([over.status, over.json.error, over.headers['retry-after']], [429, 'rate_limit_exceeded', '1']);

  const err = await upstreamError(() => callThrough(client, saleContract, { idNumber: buyer }));
  t.same([err.outcome, err.status, err.retryAfterMs], ['retryable', 'rate_limited', 1000]);
});

t.test('quotaPerSecond 0 means no quota', async (t) => {
  const clock = Date.parse('2026-09-01T08:00:00Z');
  const { client } = await startHud(t, { mock: { now: () => clock, quotaPerSecond: 0 } });
  const buyer = population().saleContracts[0]!.buyers[0]!;
  for (let i = 0; i < 5; i++) t.equal((await callThrough(client, saleContract, { idNumber: buyer })).status, 'found');
});
