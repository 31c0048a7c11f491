/** Over its quota HRSS answers 429 with Retry-After; the client reports rate_limited with retryAfterMs. */
import t from 'tap';
import { insuranceStatus } from '../../connectors/hrss/index.js';
import { HRSS_MOCK_DEFAULTS } from '../../mocks/hrss/index.js';
import { callThrough, clientFor, population, rawGet, startMock, upstreamError } from './fixtures/helpers.js';

const idNumber = () => population().insurance[0]!.idNumber;

t.test('over quotaPerSecond, the mock answers 429 until the next second', async (t) => {
  let clock = 1_700_000_000_250;
  const mock = await startMock(t, { quotaPerSecond: 2, now: () => clock });
  const path = `/api/v2/insurance/${idNumber()}/status`;
  t.equal((await rawGet(mock.url, path)).status, 200);
  t.equal((await rawGet(mock.url, path)).status, 200);
  const refused = await rawGet(mock.url, path);
  t.equal(refused.status, 429);
  t.same(refused.json, { errcode: 42900, errmsg: '请求过于频繁，请稍后再试' });
  t.equal(refused.headers['retry-after'], '1', 'seconds, until the next second');

  const { client } = clientFor(t, mock.url);
  const err = await upstreamError(() => callThrough(client, insuranceStatus, { idNumber: idNumber() }));
  t.same([err.outcome, err.status], ['retryable', 'rate_limited']);
  t.equal(err.retryAfterMs, 1000);
  t.match(err.message, 'errcode 42900');

  clock += 1000;
  t.equal((await callThrough(client, insuranceStatus, { idNumber: idNumber() })).status, 'found', 'the next second, answered again');
});

t.test('a refused key does not use up the quota', async (t) => {
  const mock = await startMock(t, { quotaPerSecond: 1, now: () => 1_700_000_000_000 });
  const path = `/api/v2/insurance/${idNumber()}/status`;
  t.equal((await rawGet(mock.url, path, { 'x-api-key': 'wrong-key-0123456789' })).status, 401);
  t.equal((await rawGet(mock.url, path)).status, 200);
});

t.test('quotaPerSecond 0: no quota', async (t) => {
  const mock = await startMock(t, { quotaPerSecond: 0, now: () => 1_700_000_000_000 });
  const path = `/api/v2/insurance/${idNumber()}/status`;
  const statuses = await Promise.all(Array.from({ length: 30 }, () => rawGet(mock.url, path).then((r) => r.status)));
  t.ok(statuses.every((s) => s === 200));
});

t.test(`the default quota is ${HRSS_MOCK_DEFAULTS.quotaPerSecond} per second`, async (t) => {
  const mock = await startMock(t, { now: () => 1_700_000_000_000 });
  const path = `/api/v2/insurance/${idNumber()}/status`;
  const statuses = await Promise.all(Array.from({ length: 30 }, () => rawGet(mock.url, path).then((r) => r.status)));
  t.ok(statuses.every((s) => s === 200), 'a burst well below it is answered');
  t.equal(HRSS_MOCK_DEFAULTS.quotaPerSecond, 2000);
});
