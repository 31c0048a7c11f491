/**
 * A wrong exchange token: the exchange refuses submissions and polls with HTTP 401 and its
 * own `{code, message}`; the client reports a fatal upstream_error (a credentials problem,
 * which no retry fixes) without repeating anything of the request.
 */
import t from 'tap';
import { assistance, marriage } from '../../connectors/mca/index.js';
import { UpstreamError } from '../../src/connectors/types.js';
import { callThrough, clientFor, people, runtimeFor, startMock } from './fixtures/helpers.js';
import { rawPoll, rawSubmit } from './fixtures/raw.js';

t.test('the mock refuses a missing or wrong token with 401 UNAUTHORIZED, on submission and on poll', async (t) => {
  const mock = await startMock(t);
  const idNumber = people().divorced;
  for (const token of [null, 'wrong-token-0123456789abcdef', '']) {
    const res = await rawSubmit(mock.url, { type: 'marriage', idNumber }, token);
    t.equal(res.status, 401);
    t.same(res.body, { code: 'UNAUTHORIZED', message: '交换令牌无效' });
  }
  const ok = await rawSubmit(mock.url, { type: 'marriage', idNumber });
  t.equal(ok.status, 202);
  const polled = await rawPoll(mock.url, ok.body.jobId, 'wrong-token-0123456789abcdef');
  t.equal(polled.status, 401);
  t.equal(polled.body.code, 'UNAUTHORIZED');
  t.equal((await rawPoll(mock.url, ok.body.jobId)).body.status, 'pending', 'the refused poll did not count');
});

t.test('the client with a wrong token: fatal upstream_error, for both interfaces', async (t) => {
  const mock = await startMock(t);
  const client = clientFor(t, mock.url, { token: 'wrong-token-0123456789abcdef' });
  const idNumber = people().twoEntitlements;
  for (const call of [() => callThrough(client, marriage, { idNumber }), () => callThrough(client, assistance, { idNumber })]) {
    const err = await call().then(() => undefined, (e: unknown) => e);
    t.ok(err instanceof UpstreamError);
    if (!(err instanceof UpstreamError)) continue;
    t.equal(err.outcome, 'fatal');
    t.equal(err.status, 'upstream_error');
    t.match(err.message, /^MCA (marriage|assistance) submit: HTTP 401 \(credentials refused\)$/);
    t.notOk(err.message.includes(idNumber));
  }
  t.same(mock.stats, { submissions: 2, polls: 0 }, 'no job, nothing to poll');
});

t.test('through the runtime: the source reports upstream_error', async (t) => {
  const mock = await startMock(t);
  const client = clientFor(t, mock.url, { token: 'wrong-token-0123456789abcdef' });
  const call = await runtimeFor(t, marriage, client).call({ idNumber: people().divorced });
  t.same(call.resolution, { status: 'unavailable' });
  t.equal(call.source.status, 'upstream_error');
});
