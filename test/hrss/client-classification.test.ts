/**
 * How the client classifies what HRSS can answer besides data. A throwaway server plays the
 * registry, so that any status, errcode or body can be produced on purpose.
 */
import t from 'tap';
import { HRSS_CODES } from '../../connectors/hrss/codes.js';
import { employment, insuranceStatus } from '../../connectors/hrss/index.js';
import type { UpstreamError } from '../../src/connectors/types.js';
import { callThrough, clientFor, startFakeRegistry, upstreamError, type FakeReply } from './fixtures/helpers.js';

const ID = '37020219850312003X';
const failure = (status: number, errcode: number, errmsg = `身份证号${ID}无效`): FakeReply =>
  ({ status, body: JSON.stringify({ errcode, errmsg }) });
const statusAnswer = (over: Record<string, unknown> = {}): FakeReply => ({
  body: JSON.stringify({ idNumber: ID, insuredStatus: '1', employerCreditCode: '91370202MA3C8R8X1B', employerName: '青岛海川物业管理有限公司', city: '青岛市', ...over }),
});

t.test('the client classifies every kind of answer once', async (t) => {
  let next: FakeReply = statusAnswer();
  const registry = await startFakeRegistry(t, () => next);
  const { client } = clientFor(t, registry.url);

  async function fails(reply: FakeReply): Promise<UpstreamError> {
    next = reply;
    const err = await upstreamError(() => callThrough(client, insuranceStatus, { idNumber: ID }));
    t.notOk(err.message.includes(ID), 'the message holds no ID number');
    t.notOk(err.message.includes('身份证号'), 'nor the registry\'s errmsg');
    return err;
  }
  const kind = (err: UpstreamError) => [err.outcome, err.status];

  t.test('200 with the resource: found', async (t) => {
    next = statusAnswer({ extraField: 'tolerated' });
    t.equal((await callThrough(client, insuranceStatus, { idNumber: ID })).status, 'found');
  });

  t.test('404 with errcode 40400 is an outcome, not an error', async (t) => {
    next = failure(404, 40400);
    t.same(await callThrough(client, insuranceStatus, { idNumber: ID }), { status: 'not_found' });
    t.same(await callThrough(client, employment, { idNumber: ID }), { status: 'not_found' });
  });

  t.test('any other 404 is the kit\'s: fatal upstream_error (a wrong baseUrl never reads as "no record")', async (t) => {
    t.same(kind(await fails(failure(404, 40401))), ['fatal', 'upstream_error']);
    t.same(kind(await fails({ status: 404, type: 'text/html', body: '<html>404 Not Found</html>' })), ['fatal', 'upstream_error']);
    t.same(kind(await fails({ status: 404, body: '{"code":"40400"}' })), ['fatal', 'upstream_error']);
  });

  t.test('401 40100: fatal upstream_error, the message says which errcode and what it means', async (t) => {
    const err = await fails(failure(401, 40100));
    t.same(kind(err), ['fatal', 'upstream_error']);
    t.match(err.message, /^HRSS status: HTTP 401/);
    t.match(err.message, 'errcode 40100');
    t.match(err.message, HRSS_CODES.entries['40100'].meaning);
  });

  t.test('429 42900 with Retry-After: retryable, rate_limited, retryAfterMs', async (t) => {
    const err = await fails({ ...failure(429, 42900), headers: { 'retry-after': '3' } });
    t.same(kind(err), ['retryable', 'rate_limited']);
    t.equal(err.retryAfterMs, 3000);
  });

  t.test('400 40001: fatal, invalid_request (our request, not the registry, is at fault)', async (t) => {
    t.same(kind(await fails(failure(400, 40001))), ['fatal', 'invalid_request']);
  });

  t.test('500, 502, 503: retryable upstream_error, with or without the JSON body', async (t) => {
    t.same(kind(await fails(failure(500, 50000))), ['retryable', 'upstream_error']);
    t.same(kind(await fails({ status: 502, type: 'text/html', body: '<html>Bad Gateway</html>' })), ['retryable', 'upstream_error']);
    t.same(kind(await fails({ status: 503, body: '' })), ['retryable', 'upstream_error']);
  });

  t.test('an errcode the table does not know still follows the HTTP status', async (t) => {
    const err = await fails(failure(403, 40399));
    t.same(kind(err), ['fatal', 'upstream_error']);
    t.match(err.message, 'errcode 40399 (unknown answer code)');
  });

  t.test('a 200 that is not the resource: fatal, invalid_response', async (t) => {
    t.same(kind(await fails({ status: 200, type: 'text/html', body: '<html>系统维护中</html>' })), ['fatal', 'invalid_response']);
    t.same(kind(await fails({ status: 200, body: JSON.stringify({ errcode: 0, errmsg: 'ok' }) })), ['fatal', 'invalid_response']);
    const err = await fails(statusAnswer({ insuredStatus: '9' }));
    t.same(kind(err), ['fatal', 'invalid_response']);
    t.match(err.message, /\/insuredStatus/);
  });

  t.test('an answer about another person: fatal, invalid_response', async (t) => {
    const err = await fails(statusAnswer({ idNumber: '370202198503120017' }));
    t.same(kind(err), ['fatal', 'invalid_response']);
    t.match(err.message, /another person/);
  });

  t.test('an ID number the registry would not accept is never sent', async (t) => {
    const before = registry.requests.length;
    const { client } = clientFor(t, registry.url);
    for (const bad of ['../../admin', '37020219850312003x', '3702021985031200']) {
      const err = await upstreamError(() => client.insuranceStatus(bad, AbortSignal.timeout(5000)));
      t.same(kind(err), ['fatal', 'invalid_request'], 'refused');
      t.notOk(err.message.includes(bad), 'without the value');
    }
    t.equal(registry.requests.length, before, 'no request made');
  });
});
