/**
 * How the client classifies what an agency can answer besides data. A throwaway server
 * plays the agency, so that any answer (codes, HTML, 5xx) can be produced on purpose.
 */
import Fastify from 'fastify';
import t from 'tap';
import { hukouPerson } from '../../connectors/psb/index.js';
import { UpstreamError } from '../../src/connectors/types.js';
import { callThrough, clientFor, idOf } from './fixtures/helpers.js';

type Reply = { status: number; type: string; body: string };
const envelope = (code: string, data: unknown = null, msg = '…'): Reply =>
  ({ status: 200, type: 'application/json', body: JSON.stringify({ code, msg, data }) });

t.test('the client classifies every kind of answer once', async (t) => {
  let next: Reply = envelope('0000');
  const app = Fastify({ logger: false });
  app.post('/api/v2/query/:service', async (_req, reply) => reply.code(next.status).type(next.type).send(next.body));
  await app.listen({ host: '127.0.0.1', port: 0 });
  t.teardown(() => app.close());
  const { port } = app.server.address() as { port: number };
  const client = clientFor(t, `http://127.0.0.1:${port}`);
  const idNumber = idOf('张建国');

  async function failure(reply: Reply): Promise<UpstreamError> {
    next = reply;
    try {
      await callThrough(client, hukouPerson, { idNumber });
    } catch (err) {
      if (err instanceof UpstreamError) {
        t.notOk(err.message.includes(idNumber), 'the message holds no ID number');
        t.notOk(err.message.includes('张建国'), 'the message holds no name');
        return err;
      }
      throw err;
    }
    throw new Error('expected an UpstreamError');
  }
  const kind = (err: UpstreamError) => [err.outcome, err.status];

  t.test('4290 too many requests: retryable, rate_limited', async (t) => {
    t.same(kind(await failure(envelope('4290'))), ['retryable', 'rate_limited']);
  });

  t.test('9999 system busy: retryable, upstream_error', async (t) => {
    t.same(kind(await failure(envelope('9999'))), ['retryable', 'upstream_error']);
  });

  t.test('1002 parameters refused: fatal, invalid_request (our request, not the registry, is at fault)', async (t) => {
    t.same(kind(await failure(envelope('1002'))), ['fatal', 'invalid_request']);
  });

  t.test('HTTP 400: fatal, invalid_request', async (t) => {
    t.same(kind(await failure({ status: 400, type: 'text/plain', body: 'bad request' })), ['fatal', 'invalid_request']);
  });

  t.test('2001, 2002, 2003: fatal, upstream_error', async (t) => {
    for (const code of ['2001', '2002', '2003']) {
      const err = await failure(envelope(code, null, `身份证号${idNumber}参数错误`));
      t.same(kind(err), ['fatal', 'upstream_error'], code);
      t.match(err.message, code, 'the message names the code');
    }
  });

  t.test('an unknown code: fatal, upstream_error', async (t) => {
    t.same(kind(await failure(envelope('5000'))), ['fatal', 'upstream_error']);
  });

  t.test('1001 is an outcome, not an error', async (t) => {
    next = envelope('1001');
    t.same(await callThrough(client, hukouPerson, { idNumber }), { status: 'not_found' });
  });

  t.test('HTTP 500: retryable, upstream_error', async (t) => {
    const err = await failure({ status: 500, type: 'text/html', body: '<html><body>Internal Server Error</body></html>' });
    t.same(kind(err), ['retryable', 'upstream_error']);
    t.match(err.message, /HTTP 500/);
  });

  t.test('another non-200 status: fatal, upstream_error', async (t) => {
    t.same(kind(await failure({ status: 403, type: 'text/plain', body: 'forbidden' })), ['fatal', 'upstream_error']);
  });

  t.test('a body that is not JSON: fatal, invalid_response', async (t) => {
    t.same(kind(await failure({ status: 200, type: 'text/html', body: '<html>系统维护中</html>' })), ['fatal', 'invalid_response']);
  });

  t.test('a malformed envelope: fatal, invalid_response', async (t) => {
    t.same(kind(await failure({ status: 200, type: 'application/json', body: '{"status":"ok"}' })), ['fatal', 'invalid_response']);
    t.same(kind(await failure({ status: 200, type: 'application/json', body: '{"code":0,"msg":"ok"}' })), ['fatal', 'invalid_response']);
  });

  t.test('0000 with data that breaks the service schema: fatal, invalid_response, no value in the message', async (t) => {
    const err = await failure(envelope('0000', { sfzh: idNumber, xm: '张建国', xb: '9', csrq: '1985-03-12' }));
    t.same(kind(err), ['fatal', 'invalid_response']);
    t.match(err.message, /\/data\/xb/);
  });

  t.test('0000 with good data: ok', async (t) => {
    next = envelope('0000', {
      sfzh: idNumber, xm: '张建国', xb: '1', csrq: '19850312', mz: '汉族', hjdz: '山东省青岛市市南区福州南路88号',
      ssxq: '370202', hh: '370202012345', yhzgx: '02', qrrq: '20150601', hklx: '家庭户', extraField: 'tolerated',
    });
    const res = await callThrough(client, hukouPerson, { idNumber });
    t.equal(res.status, 'found');
  });
});
