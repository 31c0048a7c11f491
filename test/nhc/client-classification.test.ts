/**
 * How the client classifies what the platform can answer besides data. A throwaway server
 * plays the agency, so that any answer (every code, HTML, 5xx) can be produced on purpose.
 */
import Fastify from 'fastify';
import t from 'tap';
import { birthCertificate } from '../../connectors/nhc/index.js';
import { NHC_CODES } from '../../connectors/nhc/codes.js';
import { UpstreamError } from '../../src/connectors/types.js';
import { callThrough, clientFor } from './fixtures/helpers.js';

type Reply = { status: number; type: string; body: string };
const envelope = (code: unknown, data: unknown = null, msg = '…'): Reply =>
  ({ status: 200, type: 'application/json', body: JSON.stringify({ code, msg, data }) });

const CHILD = '370202201905150010';
const MOTHER = '37020219870821002X';
const GOOD = {
  certificateNo: 'Q370123456', childName: '张小明', childIdNumber: CHILD, birthDate: '2019-05-15',
  birthOrgName: '青岛市妇女儿童医院', motherName: '李秀英', motherIdNumber: MOTHER, fatherName: '', fatherIdNumber: '',
};

t.test('the client classifies every kind of answer once', async (t) => {
  let next: Reply = envelope(0);
  let seen: { path: string; headers: Record<string, unknown>; body: string } | undefined;
  const app = Fastify({ logger: false });
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  app.post('/api/v1/:service/query', async (req, reply) => {
    seen = { path: req.url, headers: req.headers, body: req.body as string };
    return reply.code(next.status).type(next.type).send(next.body);
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  t.teardown(() => app.close());
  const { port } = app.server.address() as { port: number };
  const client = clientFor(t, `http://127.0.0.1:${port}`);

  async function failure(reply: Reply): Promise<UpstreamError> {
    next = reply;
    try {
      await callThrough(client, birthCertificate, { idNumber: CHILD });
    } catch (err) {
      if (err instanceof UpstreamError) {
        t.notOk(err.message.includes(CHILD), 'the message holds no ID number');
        t.notOk(err.message.includes('张小明'), 'the message holds no name');
        return err;
      }
      throw err;
    }
    throw new Error('expected an UpstreamError');
  }
  const kind = (err: UpstreamError) => [err.outcome, err.status];

  t.test('the request: POST /api/v1/birth/query, the platform’s field name, four signing headers', async (t) => {
    next = envelope(10404);
    await callThrough(client, birthCertificate, { idNumber: CHILD });
    t.equal(seen?.path, '/api/v1/birth/query');
    t.same(JSON.parse(seen!.body), { childIdNumber: CHILD });
    t.equal(seen?.headers['x-nhc-appid'], 'tongban-test');
    t.match(seen?.headers['x-nhc-timestamp'], /^\d{10}$/, 'seconds');
    t.match(seen?.headers['x-nhc-nonce'], /^[0-9a-f]{32}$/);
    t.match(seen?.headers['x-nhc-signature'], /^[0-9A-F]{64}$/, 'upper-case hex SM3 HMAC');
  });

  t.test('10404 is an outcome, not an error', async (t) => {
    next = envelope(10404);
    t.same(await callThrough(client, birthCertificate, { idNumber: CHILD }), { status: 'not_found' });
  });

  t.test('42901 too many requests: retryable, rate_limited', async (t) => {
    t.same(kind(await failure(envelope(42901))), ['retryable', 'rate_limited']);
  });

  t.test('50001 system busy: retryable, upstream_error', async (t) => {
    t.same(kind(await failure(envelope(50001))), ['retryable', 'upstream_error']);
  });

  t.test('10001 parameters refused: fatal, invalid_request (our request, not the registry, is at fault)', async (t) => {
    t.same(kind(await failure(envelope(10001, null, `请求参数错误：${CHILD}`))), ['fatal', 'invalid_request']);
  });

  t.test('20001-20004 (app id, signature, timestamp, nonce): fatal, upstream_error, naming the code', async (t) => {
    for (const code of [20001, 20002, 20003, 20004]) {
      const err = await failure(envelope(code, null, `身份证号${CHILD}校验失败`));
      t.same(kind(err), ['fatal', 'upstream_error'], String(code));
      t.match(err.message, String(code), 'the message names the code');
      t.notMatch(err.message, /校验失败/, "the platform's text is not repeated");
    }
  });

  t.test('every code of the table is classified as declared', async (t) => {
    for (const [code, entry] of Object.entries(NHC_CODES.entries)) {
      if (entry.outcome === 'ok' || entry.outcome === 'not_found') continue;
      t.same(kind(await failure(envelope(Number(code)))), [entry.outcome, entry.status], code);
    }
  });

  t.test('an unknown code: fatal, upstream_error', async (t) => {
    t.same(kind(await failure(envelope(30000))), ['fatal', 'upstream_error']);
  });

  t.test('a code sent as text, or not an integer: a malformed envelope (fatal, invalid_response)', async (t) => {
    t.same(kind(await failure(envelope('0', GOOD))), ['fatal', 'invalid_response']);
    t.same(kind(await failure(envelope(0.5, GOOD))), ['fatal', 'invalid_response']);
    t.same(kind(await failure({ status: 200, type: 'application/json', body: '{"status":"ok"}' })), ['fatal', 'invalid_response']);
  });

  t.test('HTTP 400: fatal, invalid_request', async (t) => {
    t.same(kind(await failure({ status: 400, type: 'text/plain', body: 'bad request' })), ['fatal', 'invalid_request']);
  });

  t.test('HTTP 502 from a front end: retryable, upstream_error', async (t) => {
    const err = await failure({ status: 502, type: 'text/html', body: '<html><body>Bad Gateway</body></html>' });
    t.same(kind(err), ['retryable', 'upstream_error']);
    t.match(err.message, /HTTP 502/);
  });

  t.test('HTTP 403: fatal, upstream_error', async (t) => {
    t.same(kind(await failure({ status: 403, type: 'text/plain', body: 'forbidden' })), ['fatal', 'upstream_error']);
  });

  t.test('a body that is not JSON: fatal, invalid_response', async (t) => {
    t.same(kind(await failure({ status: 200, type: 'text/html', body: '<html>系统维护中</html>' })), ['fatal', 'invalid_response']);
  });

  t.test('0 with data that breaks the service schema: fatal, invalid_response, no value in the message', async (t) => {
    const err = await failure(envelope(0, { ...GOOD, birthDate: '20190515' }));
    t.same(kind(err), ['fatal', 'invalid_response']);
    t.match(err.message, /\/data\/birthDate/);
    t.same(kind(await failure(envelope(0, null))), ['fatal', 'invalid_response'], 'success without data');
    t.same(kind(await failure(envelope(0, { ...GOOD, fatherIdNumber: null }))), ['fatal', 'invalid_response'], 'null where the platform writes empty strings');
  });

  t.test('0 with good data: ok (extra fields tolerated)', async (t) => {
    next = envelope(0, { ...GOOD, childGender: '1' });
    const res = await callThrough(client, birthCertificate, { idNumber: CHILD });
    t.same(res, {
      status: 'found',
      value: {
        certificateNumber: 'Q370123456', birthDate: '2019-05-15', hospital: '青岛市妇女儿童医院', childName: '张小明',
        mother: { name: '李秀英', idNumberMasked: '370202********002X' }, father: null,
      },
    });
  });
});
