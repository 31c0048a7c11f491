/**
 * How the client classifies everything the exchange can answer besides a result. A
 * throwaway server plays the exchange, so that any answer (job error codes, HTTP statuses,
 * broken bodies) can be produced on purpose, on submission or on a poll.
 */
import Fastify from 'fastify';
import t from 'tap';
import { marriage } from '../../connectors/mca/index.js';
import { MCA_JOBS_PATH } from '../../connectors/mca/types.js';
import { UpstreamError } from '../../src/connectors/types.js';
import { callThrough, clientFor, people } from './fixtures/helpers.js';

type Reply = { status: number; type?: string; body: unknown };
const json = (status: number, body: unknown): Reply => ({ status, body });
const ACCEPTED = json(202, { jobId: 'job-1' });
const running = json(200, { jobId: 'job-1', status: 'running' });
const failed = (code: string, message = '…') => json(200, { jobId: 'job-1', status: 'failed', error: { code, message } });
const done = (result: unknown) => json(200, { jobId: 'job-1', status: 'done', result });

t.test('the client classifies every kind of answer once', async (t) => {
  let onSubmit: Reply = ACCEPTED;
  /** Answers to the polls, in order; the last one repeats. */
  let onPoll: Reply[] = [running];
  let polls = 0;
  const app = Fastify({ logger: false });
  const send = (reply: import('fastify').FastifyReply, r: Reply) =>
    reply.code(r.status).type(r.type ?? 'application/json').send(typeof r.body === 'string' ? r.body : JSON.stringify(r.body));
  app.post(MCA_JOBS_PATH, async (_req, reply) => send(reply, onSubmit));
  app.get(`${MCA_JOBS_PATH}/:id`, async (_req, reply) => send(reply, onPoll[Math.min(polls++, onPoll.length - 1)]!));
  await app.listen({ host: '127.0.0.1', port: 0 });
  t.teardown(() => app.close());
  const { port } = app.server.address() as { port: number };
  const client = clientFor(t, `http://127.0.0.1:${port}`, { maxPolls: 5 });
  const idNumber = people().divorced;

  const answer = (submit: Reply, ...sequence: Reply[]) => {
    onSubmit = submit;
    onPoll = sequence.length > 0 ? sequence : [running];
    polls = 0;
    return callThrough(client, marriage, { idNumber });
  };
  async function failure(submit: Reply, ...sequence: Reply[]): Promise<UpstreamError> {
    try {
      await answer(submit, ...sequence);
    } catch (err) {
      if (err instanceof UpstreamError) {
        t.notOk(err.message.includes(idNumber), 'the message holds no ID number');
        t.notOk(err.message.includes('身份证'), 'the message holds none of the exchange\'s text');
        return err;
      }
      throw err;
    }
    throw new Error('expected an UpstreamError');
  }
  const kind = (err: UpstreamError) => [err.outcome, err.status];
  const record = { spouseIdNumber: '370202199001010018', registeredOn: '2015-05-20', status: '结婚', divorcedOn: null, authority: '青岛市市南区民政局' };

  t.test('failed job NO_RECORD: not_found, an outcome, not an error', async (t) => {
    t.same(await answer(ACCEPTED, running, failed('NO_RECORD')), { status: 'not_found' });
  });

  t.test('failed job BAD_REQUEST: fatal, invalid_request (our request is at fault, not the registry)', async (t) => {
    t.same(kind(await failure(ACCEPTED, failed('BAD_REQUEST', `身份证号${idNumber}校验位错误`))), ['fatal', 'invalid_request']);
  });

  t.test('failed job BUSY: retryable, upstream_error', async (t) => {
    const err = await failure(ACCEPTED, running, failed('BUSY', `身份证号${idNumber}`));
    t.same(kind(err), ['retryable', 'upstream_error']);
    t.equal(err.message, 'MCA marriage: job failed with code BUSY (exchange busy)');
  });

  t.test('failed job INTERNAL_ERROR, or a code the table does not know: fatal, upstream_error', async (t) => {
    t.same(kind(await failure(ACCEPTED, failed('INTERNAL_ERROR'))), ['fatal', 'upstream_error']);
    const err = await failure(ACCEPTED, failed('QUOTA_EXCEEDED_FOR_TODAY'));
    t.same(kind(err), ['fatal', 'upstream_error']);
    t.match(err.message, /QUOTA_EXCEEDED_FOR_TODAY \(unknown job error code\)/);
    const odd = await failure(ACCEPTED, failed(`身份证号${idNumber}`));
    t.match(odd.message, /\(unrecognised code\)/, 'a code that is not a code is not repeated');
  });

  t.test('a failed job without an error: fatal, invalid_response', async (t) => {
    t.same(kind(await failure(ACCEPTED, json(200, { jobId: 'job-1', status: 'failed' }))), ['fatal', 'invalid_response']);
  });

  t.test('a done job without a result, or with a malformed one: fatal, invalid_response', async (t) => {
    t.same(kind(await failure(ACCEPTED, json(200, { jobId: 'job-1', status: 'done' }))), ['fatal', 'invalid_response']);
    const err = await failure(ACCEPTED, done({ records: [{ ...record, registeredOn: 20150520 }] }));
    t.same(kind(err), ['fatal', 'invalid_response']);
    t.match(err.message, /\/result\/records\/0\/registeredOn/);
  });

  t.test('a done job without records: not_found (what NO_RECORD says)', async (t) => {
    t.same(await answer(ACCEPTED, done({ records: [] })), { status: 'not_found' });
  });

  t.test('a done job with records, extra fields tolerated: found', async (t) => {
    const res = await answer(ACCEPTED, running, done({ records: [{ ...record, certificateNo: 'J370202-2015-001' }], total: 1 }));
    t.equal(res.status, 'found');
  });

  t.test('a poll answered about another job, or with an unknown status: fatal, invalid_response', async (t) => {
    t.same(kind(await failure(ACCEPTED, json(200, { jobId: 'job-2', status: 'running' }))), ['fatal', 'invalid_response']);
    t.same(kind(await failure(ACCEPTED, json(200, { jobId: 'job-1', status: 'queued' }))), ['fatal', 'invalid_response']);
  });

  t.test('404 JOB_NOT_FOUND to a poll: the job expired before it was read: retryable, upstream_error', async (t) => {
    const err = await failure(ACCEPTED, running, json(404, { code: 'JOB_NOT_FOUND', message: '任务不存在或已过期' }));
    t.same(kind(err), ['retryable', 'upstream_error']);
    t.match(err.message, /^MCA marriage poll: code JOB_NOT_FOUND/);
  });

  t.test('any other 404 (a wrong base URL): fatal, upstream_error', async (t) => {
    t.same(kind(await failure(ACCEPTED, json(404, { code: 'NOT_FOUND' }))), ['fatal', 'upstream_error']);
    t.same(kind(await failure(ACCEPTED, { status: 404, type: 'text/html', body: '<html>Not Found</html>' })), ['fatal', 'upstream_error']);
    t.same(kind(await failure(json(404, { code: 'NOT_FOUND' }))), ['fatal', 'upstream_error'], 'on submission too');
  });

  t.test('HTTP 400 to a submission: fatal, invalid_request', async (t) => {
    t.same(kind(await failure(json(400, { code: 'BAD_REQUEST', message: '请求参数错误' }))), ['fatal', 'invalid_request']);
  });

  t.test('HTTP 401: fatal, upstream_error (credentials)', async (t) => {
    t.same(kind(await failure(json(401, { code: 'UNAUTHORIZED' }))), ['fatal', 'upstream_error']);
    t.same(kind(await failure(ACCEPTED, json(401, { code: 'UNAUTHORIZED' }))), ['fatal', 'upstream_error'], 'on a poll too');
  });

  t.test('HTTP 429 to a submission: retryable, rate_limited, with Retry-After', async (t) => {
    const app2 = Fastify({ logger: false });
    app2.post(MCA_JOBS_PATH, async (_req, reply) => reply.code(429).header('retry-after', '2').send({ code: 'RATE_LIMITED' }));
    await app2.listen({ host: '127.0.0.1', port: 0 });
    t.teardown(() => app2.close());
    const c2 = clientFor(t, `http://127.0.0.1:${(app2.server.address() as { port: number }).port}`);
    const err = await callThrough(c2, marriage, { idNumber }).then(() => undefined, (e: unknown) => e);
    t.ok(err instanceof UpstreamError);
    if (err instanceof UpstreamError) {
      t.same(kind(err), ['retryable', 'rate_limited']);
      t.equal(err.retryAfterMs, 2000);
    }
  });

  t.test('HTTP 500 or 503: retryable, upstream_error', async (t) => {
    t.same(kind(await failure(json(503, { code: 'BUSY' }))), ['retryable', 'upstream_error']);
    t.same(kind(await failure(ACCEPTED, json(500, { code: 'INTERNAL_ERROR' }))), ['retryable', 'upstream_error']);
  });

  t.test('a submission answer that is not JSON, or holds no usable job id: fatal, invalid_response', async (t) => {
    t.same(kind(await failure({ status: 202, type: 'text/html', body: '<html>系统维护中</html>' })), ['fatal', 'invalid_response']);
    t.same(kind(await failure(json(202, { id: 'job-1' }))), ['fatal', 'invalid_response']);
    t.same(kind(await failure(json(202, { jobId: '../admin' }))), ['fatal', 'invalid_response']);
  });

  t.test('a poll answer that is not JSON: fatal, invalid_response', async (t) => {
    t.same(kind(await failure(ACCEPTED, { status: 200, type: 'text/plain', body: 'running' })), ['fatal', 'invalid_response']);
  });
});
