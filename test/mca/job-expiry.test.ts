/**
 * Finished jobs expire `jobTtlMs` (of the mock clock) after they finish: after that, and
 * for a job id the exchange never issued, a poll is `404 {code: JOB_NOT_FOUND}`. A job that
 * expires before the client read its result is a retryable upstream_error: asking again
 * makes a new job.
 */
import t from 'tap';
import { assistance, marriage } from '../../connectors/mca/index.js';
import { UpstreamError } from '../../src/connectors/types.js';
import { callThrough, clientFor, people, runtimeFor, startMock } from './fixtures/helpers.js';
import { rawPoll, rawSubmit } from './fixtures/raw.js';

t.test('a done job is readable until jobTtlMs after it finished, then gone', async (t) => {
  let clock = Date.UTC(2026, 8, 1, 2, 0, 0);
  const mock = await startMock(t, { jobTtlMs: 60_000 }, { now: () => clock });
  const { jobId } = (await rawSubmit(mock.url, { type: 'marriage', idNumber: people().divorced })).body as { jobId: string };
  await rawPoll(mock.url, jobId);
  await rawPoll(mock.url, jobId);
  t.equal((await rawPoll(mock.url, jobId)).body.status, 'done', 'finished at the third poll');
  clock += 59_999;
  t.equal((await rawPoll(mock.url, jobId)).body.status, 'done', 'still there just before it expires');
  clock += 1;
  const expired = await rawPoll(mock.url, jobId);
  t.equal(expired.status, 404);
  t.same(expired.body, { code: 'JOB_NOT_FOUND', message: '任务不存在或已过期' });
  clock -= 60_000;
  t.equal((await rawPoll(mock.url, jobId)).status, 404, 'gone for good');
});

t.test('a job id the exchange never issued: 404 JOB_NOT_FOUND', async (t) => {
  const mock = await startMock(t);
  const res = await rawPoll(mock.url, 'no-such-job');
  t.equal(res.status, 404);
  t.equal(res.body.code, 'JOB_NOT_FOUND');
});

t.test('an unfinished job nobody polls for ten minutes is dropped', async (t) => {
  let clock = Date.UTC(2026, 8, 1, 2, 0, 0);
  const mock = await startMock(t, {}, { now: () => clock });
  const { jobId } = (await rawSubmit(mock.url, { type: 'assistance', idNumber: people().twoEntitlements })).body as { jobId: string };
  t.equal((await rawPoll(mock.url, jobId)).body.status, 'pending');
  clock += 10 * 60_000;
  await rawSubmit(mock.url, { type: 'assistance', idNumber: people().twoEntitlements }); // the exchange tidies up as jobs come in
  t.equal((await rawPoll(mock.url, jobId)).status, 404);
});

t.test('a job that expires before its result is read: retryable upstream_error', async (t) => {
  // jobTtlMs 0: the job is gone the moment it finishes, so the poll that would read it gets 404.
  const mock = await startMock(t, { jobTtlMs: 0 });
  const err = await callThrough(clientFor(t, mock.url), marriage, { idNumber: people().divorced }).then(() => undefined, (e: unknown) => e);
  t.ok(err instanceof UpstreamError);
  if (err instanceof UpstreamError) {
    t.same([err.outcome, err.status], ['retryable', 'upstream_error']);
    t.equal(err.message, 'MCA marriage poll: code JOB_NOT_FOUND (job expired before its result was read)');
  }
  t.same(mock.stats, { submissions: 1, polls: 3 });
  const call = await runtimeFor(t, assistance, clientFor(t, mock.url)).call({ idNumber: people().twoEntitlements });
  t.equal(call.source.status, 'upstream_error', 'the runtime reports it as the registry failing');
});
