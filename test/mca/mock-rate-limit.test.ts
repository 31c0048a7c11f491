/**
 * The exchange's quota counts submissions per second (polls are free): over it, HTTP 429
 * with Retry-After, which the client reports as rate_limited (retryable, with the wait).
 * `quotaPerSecond: 0` lifts the quota (benchmarks).
 */
import t from 'tap';
import { marriage } from '../../connectors/mca/index.js';
import { UpstreamError } from '../../src/connectors/types.js';
import { callThrough, clientFor, people, startMock } from './fixtures/helpers.js';
import { rawPoll, rawSubmit } from './fixtures/raw.js';

const AT = Date.UTC(2026, 8, 1, 2, 0, 0);

t.test('over the quota: 429 RATE_LIMITED with Retry-After; polls do not count', async (t) => {
  let clock = AT;
  const mock = await startMock(t, {}, { quotaPerSecond: 2, now: () => clock });
  const idNumber = people().divorced;
  const first = await rawSubmit(mock.url, { type: 'marriage', idNumber });
  for (let i = 0; i < 5; i++) await rawPoll(mock.url, first.body.jobId);
  t.equal((await rawSubmit(mock.url, { type: 'marriage', idNumber })).status, 202);
  const refused = await rawSubmit(mock.url, { type: 'marriage', idNumber });
  t.equal(refused.status, 429);
  t.equal(refused.headers['retry-after'], '1');
  t.same(refused.body, { code: 'RATE_LIMITED', message: '提交过于频繁，请稍后再试' });
  clock += 1000;
  t.equal((await rawSubmit(mock.url, { type: 'marriage', idNumber })).status, 202, 'the next second has a new quota');
});

t.test('the client reports rate_limited, retryable, with the wait the exchange asked for', async (t) => {
  const mock = await startMock(t, {}, { quotaPerSecond: 1, now: () => AT });
  const client = clientFor(t, mock.url);
  const idNumber = people().divorced;
  t.equal((await callThrough(client, marriage, { idNumber })).status, 'found');
  const err = await callThrough(client, marriage, { idNumber }).then(() => undefined, (e: unknown) => e);
  t.ok(err instanceof UpstreamError);
  if (err instanceof UpstreamError) {
    t.same([err.outcome, err.status], ['retryable', 'rate_limited']);
    t.equal(err.retryAfterMs, 1000);
  }
});

t.test('quotaPerSecond 0: no quota', async (t) => {
  const mock = await startMock(t, {}, { quotaPerSecond: 0, now: () => AT });
  const statuses = await Promise.all(Array.from({ length: 30 }, () => rawSubmit(mock.url, { type: 'assistance', idNumber: people().twoEntitlements }).then((r) => r.status)));
  t.same(new Set(statuses), new Set([202]));
});
