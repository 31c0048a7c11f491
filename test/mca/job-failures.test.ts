/**
 * Jobs the mock fails on purpose (tuning `failWith`) and jobs it fails on its own (an ID
 * number whose check character is wrong: BAD_REQUEST when the job runs), as the client and
 * the runtime report them.
 */
import t from 'tap';
import { marriage } from '../../connectors/mca/index.js';
import { UpstreamError } from '../../src/connectors/types.js';
import { callThrough, clientFor, people, runtimeFor, startMock } from './fixtures/helpers.js';
import { rawPoll, rawSubmit } from './fixtures/raw.js';

async function failureOf(promise: Promise<unknown>): Promise<UpstreamError> {
  const err = await promise.then(() => undefined, (e: unknown) => e);
  if (!(err instanceof UpstreamError)) throw new Error(`expected an UpstreamError, got ${String(err)}`);
  return err;
}

t.test('the mock fails a job with its code and message once the job finishes', async (t) => {
  const mock = await startMock(t, { failWith: 'BUSY' });
  const { jobId } = (await rawSubmit(mock.url, { type: 'marriage', idNumber: people().divorced })).body as { jobId: string };
  t.equal((await rawPoll(mock.url, jobId)).body.status, 'pending');
  t.equal((await rawPoll(mock.url, jobId)).body.status, 'running');
  t.same((await rawPoll(mock.url, jobId)).body, { jobId, status: 'failed', error: { code: 'BUSY', message: '系统繁忙，请稍后重试' } });
});

t.test('BUSY: retryable upstream_error', async (t) => {
  const mock = await startMock(t, { failWith: 'BUSY' });
  const err = await failureOf(callThrough(clientFor(t, mock.url), marriage, { idNumber: people().divorced }));
  t.same([err.outcome, err.status], ['retryable', 'upstream_error']);
  t.same(mock.stats, { submissions: 1, polls: 3 });
});

t.test('INTERNAL_ERROR: fatal upstream_error', async (t) => {
  const mock = await startMock(t, { failWith: 'INTERNAL_ERROR' });
  const err = await failureOf(callThrough(clientFor(t, mock.url), marriage, { idNumber: people().divorced }));
  t.same([err.outcome, err.status], ['fatal', 'upstream_error']);
});

t.test('an ID number with a wrong check character: the job fails BAD_REQUEST, reported invalid_request', async (t) => {
  const mock = await startMock(t);
  const good = people().divorced;
  const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
  const err = await failureOf(callThrough(clientFor(t, mock.url), marriage, { idNumber: bad }));
  t.same([err.outcome, err.status], ['fatal', 'invalid_request']);
  t.notOk(err.message.includes(bad));
  const call = await runtimeFor(t, marriage, clientFor(t, mock.url)).call({ idNumber: bad });
  t.equal(call.source.status, 'invalid_request');
});
