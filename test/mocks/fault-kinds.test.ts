/**
 * Every kind of fault against every mock agency, as a client sees it over real HTTP: the
 * agency's own error, busy and quota answers, a reset, a refused connection, a body that
 * cannot be read, one that is too large, one that trickles, an answer that never comes.
 * `interface` narrows a fault to one interface; clearing a fault brings the mock's normal
 * answer back (after an outage: on the same port). Nothing here is timed: where a test must
 * know that the mock is holding an answer, it waits on the switch's `held` count.
 *
 * The probes carry no credentials: a mock's normal answer to them is its refusal, which is
 * the same every time and is what "normal" means below. (What `corrupt` does to a found
 * answer of every connector is held by test/framework/conformance.test.ts.)
 */
import type { IncomingHttpHeaders } from 'node:http';
import iconv from 'iconv-lite';
import t, { type Test } from 'tap';
import { request } from 'undici';
import { parseXml } from '../../connectors/nrp/xml.js';
import { MCA_TOKEN_HEADER } from '../../connectors/mca/types.js';
import { MOCKS } from '../../mocks/index.js';
import type { MockAgency, RunningMock } from '../../mocks/types.js';
import { loadConfig } from '../../src/config/load.js';
import { smallPopulation } from '../helpers/gateway.js';

interface Probe { method: 'GET' | 'POST'; path: string; body?: string; contentType?: string }
interface Expected { status: number; text: RegExp }

interface AgencyCase {
  /** A request for the `target` interface, and one for another (or for none). */
  one: Probe;
  other: Probe;
  target: string;
  /** The status of `one`'s success (malformed and oversized answers keep it). */
  success: number;
  error: Expected;
  busy: Expected;
  rateLimit: Expected;
}

const ID = '370202198503120017';
const json = (body: unknown): Pick<Probe, 'body' | 'contentType'> => ({ body: JSON.stringify(body), contentType: 'application/json' });
const nrpQuery = (method: string): Probe => ({
  method: 'POST',
  path: '/bdcdj/api/query',
  contentType: 'application/xml',
  body: `<?xml version="1.0" encoding="UTF-8"?><Request><Header><Token>not-the-token</Token><RequestId>probe-1</RequestId></Header><Body><Method>${method}</Method><QLRZJH>${ID}</QLRZJH></Body></Request>`,
});

const CASES: Record<string, AgencyCase> = {
  psb: {
    one: { method: 'POST', path: '/api/v2/query/czrk', ...json({ sfzh: ID }) },
    other: { method: 'POST', path: '/api/v2/query/jzz', ...json({ sfzh: ID }) },
    target: 'czrk',
    success: 200,
    error: { status: 500, text: /"code":"9999"/ },
    busy: { status: 200, text: /"code":"9999"/ },
    rateLimit: { status: 200, text: /"code":"4290"/ },
  },
  nrp: {
    one: nrpQuery('QueryByOwner'),
    other: nrpQuery('QueryByCertificate'),
    target: 'QueryByOwner',
    success: 200,
    error: { status: 500, text: /^<html>.*500 Internal Server Error/ },
    busy: { status: 200, text: /<Code>4<\/Code><Message>系统繁忙<\/Message><RequestId>probe-1<\/RequestId>/ },
    rateLimit: { status: 429, text: /^<html>.*429 Too Many Requests/ },
  },
  hud: {
    one: { method: 'GET', path: `/api/v1/leases?tenantIdNumber=${ID}` },
    other: { method: 'GET', path: `/api/v1/sale-contracts?buyerIdNumber=${ID}` },
    target: 'leases',
    success: 200,
    error: { status: 500, text: /"error":"server_error"/ },
    busy: { status: 503, text: /"error":"temporarily_unavailable"/ },
    rateLimit: { status: 429, text: /"error":"rate_limit_exceeded"/ },
  },
  hrss: {
    one: { method: 'GET', path: `/api/v2/insurance/${ID}/status` },
    other: { method: 'GET', path: `/api/v2/employment/${ID}` },
    target: 'status',
    success: 200,
    error: { status: 500, text: /"errcode":50000,"errmsg":"系统内部错误"/ },
    busy: { status: 500, text: /"errcode":50000,"errmsg":"系统繁忙/ },
    rateLimit: { status: 429, text: /"errcode":42900/ },
  },
  amr: {
    one: { method: 'GET', path: '/api/entity?key=not-the-key&code=91370202MA3C5X8R2K' },
    other: { method: 'GET', path: `/api/entity/by-person?key=not-the-key&idNumber=${ID}` },
    target: 'entity',
    success: 200,
    error: { status: 500, text: /"状态码":"503"/ },
    busy: { status: 200, text: /"状态码":"503"/ },
    rateLimit: { status: 429, text: /"状态码":"429"/ },
  },
  mca: {
    one: { method: 'POST', path: '/exchange/jobs', ...json({ type: 'marriage', idNumber: ID }) },
    other: { method: 'POST', path: '/exchange/jobs', ...json({ type: 'assistance', idNumber: ID }) },
    target: 'marriage',
    success: 202,
    error: { status: 500, text: /"code":"INTERNAL_ERROR"/ },
    // The exchange's busy is a job that fails with BUSY: the submission is accepted (below, the poll).
    busy: { status: 202, text: /^\{"jobId":"[0-9a-f-]{36}"\}$/ },
    rateLimit: { status: 429, text: /"code":"RATE_LIMITED"/ },
  },
  nhc: {
    one: { method: 'POST', path: '/api/v1/birth/query', ...json({ idNumber: ID }) },
    // The platform has one service: the other request is for a path it does not have.
    other: { method: 'POST', path: '/api/v1/death/query', ...json({ idNumber: ID }) },
    target: 'birth',
    success: 200,
    error: { status: 500, text: /"code":50001/ },
    busy: { status: 200, text: /"code":50001/ },
    rateLimit: { status: 200, text: /"code":42901/ },
  },
  edu: {
    one: { method: 'GET', path: `/api/v1/students/${ID}` },
    other: { method: 'GET', path: '/api/v1/zones?district=370202&street=%E7%A6%8F%E5%B7%9E%E5%8D%97%E8%B7%AF&number=88' },
    target: 'students',
    success: 200,
    error: { status: 500, text: /"code":"INTERNAL_ERROR"/ },
    busy: { status: 500, text: /"code":"INTERNAL_ERROR"/ },
    rateLimit: { status: 429, text: /"code":"TOO_MANY_REQUESTS"/ },
  },
};

interface Answer { status: number; headers: IncomingHttpHeaders; body: Buffer }

/** One exchange on a connection of its own (so that a reset or a refused connection is this request's). */
async function call(url: string, probe: Probe, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await request(url + probe.path, {
    method: probe.method,
    reset: true,
    headers: { ...(probe.contentType ? { 'content-type': probe.contentType } : {}), ...headers },
    ...(probe.body !== undefined ? { body: probe.body } : {}),
  });
  return { status: res.statusCode, headers: res.headers, body: Buffer.from(await res.body.arrayBuffer()) };
}

/** The transport error a call ends in (undefined: it was answered). */
async function failureOf(answer: Promise<Answer>): Promise<string | undefined> {
  try {
    await answer;
    return undefined;
  } catch (err) {
    return (err as { code?: string }).code ?? 'error';
  }
}

/** The body as text, in the charset its Content-Type names. */
function textOf(answer: Answer): string {
  return /gb18030/i.test(String(answer.headers['content-type'])) ? iconv.decode(answer.body, 'gb18030') : answer.body.toString('utf8');
}

/** Reads the body in the agency's format: XML or JSON, GB18030 where it says so. Throws when it cannot. */
function parseBody(answer: Answer): unknown {
  const type = String(answer.headers['content-type']);
  if (/gb18030/i.test(type)) {
    // Strictly: bytes that are not GB18030 are not read as replacement characters.
    const text = iconv.decode(answer.body, 'gb18030');
    if (text.includes('\uFFFD') || !iconv.encode(text, 'gb18030').equals(answer.body)) throw new Error('not GB18030');
    return JSON.parse(text) as unknown;
  }
  if (/xml/i.test(type)) return parseXml(answer.body.toString('utf8'));
  return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(answer.body)) as unknown;
}

/** Waits (without a clock) until the switch holds `n` answers. */
async function untilHeld(mock: RunningMock, n: number): Promise<void> {
  while (mock.faults.held !== n) await new Promise((resolve) => setTimeout(resolve, 5));
}

const population = smallPopulation();

async function start(t: Test, mock: MockAgency): Promise<{ running: RunningMock; agencyConfig: Record<string, unknown> }> {
  const loaded = loadConfig({ env: { TONGBAN_DATA_DIR: t.testdir(), TONGBAN_SUBJECT_KEY_SECRET: 'x'.repeat(40) } });
  const agencyConfig = mock.sandboxConfig(loaded.sandboxSecret) as Record<string, unknown>;
  const running = await mock.start({ population, agencyConfig });
  return { running, agencyConfig };
}

t.test('every mock has a case here', async (t) => {
  t.same(MOCKS.map((m) => m.agency).filter((a) => !CASES[a]), [], 'add a case for a new mock');
});

for (const mock of MOCKS) {
  const c = CASES[mock.agency];
  if (!c) continue;

  t.test(`${mock.agency}: every kind of fault over HTTP`, async (t) => {
    const { running, agencyConfig } = await start(t, mock);
    t.teardown(() => running.close());
    const { url, faults } = running;
    const normalOne = await call(url, c.one);
    const normalOther = await call(url, c.other);
    t.ok(faults.interfaces.includes(c.target), `${c.target} is one of the mock's interfaces (${faults.interfaces.join(', ')})`);

    /** Cleared, the mock answers as before. */
    const restored = async (t: Test, after: string) => {
      await faults.clear();
      t.equal(faults.current, undefined, `${after}: no fault is left`);
      const again = await call(url, c.one);
      t.same([again.status, textOf(again)], [normalOne.status, textOf(normalOne)], `${after}: cleared, the normal answer is back`);
    };

    await t.test('latency holds the answer until it is due (here: until cleared)', async (t) => {
      await faults.set({ kind: 'latency', ms: 600_000 });
      t.same(faults.current, { kind: 'latency', ms: 600_000, jitterMs: 0 }, 'jitterMs defaults to 0');
      const answer = call(url, c.one);
      await untilHeld(running, 1);
      await faults.clear();
      const got = await answer;
      t.same([got.status, textOf(got)], [normalOne.status, textOf(normalOne)], 'the held request is answered normally once let go');
    });

    await t.test('error: the agency\'s own server error, for that share of requests', async (t) => {
      await faults.set({ kind: 'error' });
      t.same(faults.current, { kind: 'error', rate: 1 }, 'rate defaults to 1');
      const got = await call(url, c.one);
      t.equal(got.status, c.error.status);
      t.match(textOf(got), c.error.text, 'in the agency\'s own format');

      await faults.set({ kind: 'error', rate: 0.5 });
      const statuses = [];
      for (let i = 0; i < 6; i++) statuses.push((await call(url, c.one)).status);
      t.same(statuses, [500, normalOne.status, 500, normalOne.status, 500, normalOne.status], 'rate 0.5: every other request, the first included');

      await faults.set({ kind: 'error', rate: 0 });
      t.equal((await call(url, c.one)).status, normalOne.status, 'rate 0: none');
      await restored(t, 'error');
    });

    await t.test('hang: no answer; clearing the fault closes the connection', async (t) => {
      await faults.set({ kind: 'hang' });
      const answer = failureOf(call(url, c.one));
      await untilHeld(running, 1);
      await faults.clear();
      t.equal(await answer, 'UND_ERR_SOCKET', 'the connection is closed, never answered late');
      t.equal(faults.held, 0);
      await restored(t, 'hang');
    });

    await t.test('reset: the connection is reset without an answer', async (t) => {
      await faults.set({ kind: 'reset' });
      t.match(await failureOf(call(url, c.one)), /^(ECONNRESET|UND_ERR_SOCKET)$/);
      await restored(t, 'reset');
    });

    await t.test('malformed: a success whose body is not the agency\'s format', async (t) => {
      await faults.set({ kind: 'malformed' });
      const got = await call(url, c.one);
      t.equal(got.status, c.success);
      t.ok(got.body.length > 0, 'a body');
      t.throws(() => parseBody(got), 'that cannot be read');
      await restored(t, 'malformed');
    });

    await t.test('oversized: a success with a body of the size asked, streamed', async (t) => {
      await faults.set({ kind: 'oversized' });
      t.same(faults.current, { kind: 'oversized', bytes: 12 * 1024 * 1024 }, 'bytes defaults to 12 MiB');
      await faults.set({ kind: 'oversized', bytes: 300_000 });
      const got = await call(url, c.one);
      t.equal(got.status, c.success);
      t.equal(got.headers['content-length'], undefined, 'no length declared: the client must count');
      t.equal(got.headers['transfer-encoding'], 'chunked');
      t.equal(got.body.length, 300_000, 'exactly the bytes asked');
      t.doesNotThrow(() => parseBody(got), 'in the agency\'s format: too large, not malformed');
      const small = await (faults.set({ kind: 'oversized', bytes: 10 }), call(url, c.one));
      t.equal(small.body.length, 10, 'any size, even one smaller than the frame');
      await restored(t, 'oversized');
    });

    await t.test('slow-body: the headers at once, then the answer trickles', async (t) => {
      await faults.set({ kind: 'slow-body' });
      t.same(faults.current, { kind: 'slow-body', bytesPerSecond: 64 }, 'bytesPerSecond defaults to 64');
      await faults.set({ kind: 'slow-body', bytesPerSecond: 1 });
      const res = await request(url + c.one.path, {
        method: c.one.method, reset: true,
        headers: c.one.contentType ? { 'content-type': c.one.contentType } : {},
        ...(c.one.body !== undefined ? { body: c.one.body } : {}),
      });
      t.equal(res.statusCode, normalOne.status, 'the status and headers are there');
      t.equal(res.headers['content-length'], String(normalOne.body.length), 'with the length of the whole answer');
      t.equal(faults.held, 1, 'while the body is still being sent');
      const chunks: Buffer[] = [];
      let first = true;
      for await (const chunk of res.body as AsyncIterable<Buffer>) {
        chunks.push(chunk);
        if (first) {
          first = false;
          t.ok(chunk.length < normalOne.body.length, `the first bytes came alone (${chunk.length} of ${normalOne.body.length})`);
          // Let go: the rest at once.
          await faults.clear();
        }
      }
      t.same(Buffer.concat(chunks), normalOne.body, 'the answer is the normal one, whole');
      await restored(t, 'slow-body');
    });

    await t.test('rate-limit: the agency\'s own quota answer with Retry-After', async (t) => {
      await faults.set({ kind: 'rate-limit' });
      t.equal((await call(url, c.one)).headers['retry-after'], '1', 'retryAfterSeconds defaults to 1');
      await faults.set({ kind: 'rate-limit', retryAfterSeconds: 7 });
      const got = await call(url, c.one);
      t.equal(got.status, c.rateLimit.status);
      t.equal(got.headers['retry-after'], '7');
      t.match(textOf(got), c.rateLimit.text, 'in the agency\'s own format');
      await restored(t, 'rate-limit');
    });

    await t.test('busy: the agency\'s own busy answer', async (t) => {
      await faults.set({ kind: 'busy' });
      const got = await call(url, c.one);
      t.equal(got.status, c.busy.status);
      t.match(textOf(got), c.busy.text);
      if (mock.agency === 'mca') {
        const { jobId } = JSON.parse(textOf(got)) as { jobId: string };
        await faults.clear();
        const poll = await call(url, { method: 'GET', path: `/exchange/jobs/${jobId}` }, { [MCA_TOKEN_HEADER]: String(agencyConfig.token) });
        t.same(JSON.parse(textOf(poll)), { jobId, status: 'failed', error: { code: 'BUSY', message: '系统繁忙，请稍后重试' } }, 'the job failed busy');
      }
      await restored(t, 'busy');
    });

    await t.test('outage: connection refused; cleared, the same port answers again', async (t) => {
      await faults.set({ kind: 'outage' });
      t.equal(await failureOf(call(url, c.one)), 'ECONNREFUSED');
      t.equal(await failureOf(call(url, c.other)), 'ECONNREFUSED', 'every interface');
      await faults.set({ kind: 'outage' });
      t.equal(await failureOf(call(url, c.one)), 'ECONNREFUSED', 'set twice, still down');
      await restored(t, 'outage');
      await faults.set({ kind: 'outage' });
      await faults.set({ kind: 'busy' });
      t.equal((await call(url, c.one)).status, c.busy.status, 'another fault in its place: listening again');
      await restored(t, 'outage replaced');
    });

    await t.test('outage of one interface: the port stays open, a request for it has its connection closed', async (t) => {
      await faults.set({ kind: 'outage', interface: c.target });
      t.equal(await failureOf(call(url, c.one)), 'UND_ERR_SOCKET', 'closed without an answer');
      const other = await call(url, c.other);
      t.same([other.status, textOf(other)], [normalOther.status, textOf(normalOther)], 'another interface answers as ever');
      await restored(t, 'outage of one interface');
    });

    await t.test('corrupt: switchable like the others; an answer with nothing to corrupt passes unchanged', async (t) => {
      await faults.set({ kind: 'corrupt' });
      const got = await call(url, c.one);
      t.same([got.status, textOf(got)], [normalOne.status, textOf(normalOne)]);
      await restored(t, 'corrupt');
    });

    await t.test('interface: only that interface misbehaves', async (t) => {
      const kinds = [
        { kind: 'error' }, { kind: 'reset' }, { kind: 'malformed' }, { kind: 'oversized', bytes: 1000 }, { kind: 'rate-limit' },
        { kind: 'busy' }, { kind: 'latency', ms: 600_000 }, { kind: 'slow-body', bytesPerSecond: 1 }, { kind: 'hang' },
      ];
      for (const fault of kinds) {
        await faults.set({ ...fault, interface: c.target });
        const other = await call(url, c.other);
        t.same([other.status, textOf(other)], [normalOther.status, textOf(normalOther)], `${fault.kind}: another interface answers as ever`);
        if (fault.kind === 'hang' || fault.kind === 'latency' || fault.kind === 'slow-body') {
          // Held: the target's answer is not (all) sent until the fault is cleared.
          const answer = failureOf(call(url, c.one));
          await untilHeld(running, 1);
          await faults.clear();
          t.equal(await answer, fault.kind === 'hang' ? 'UND_ERR_SOCKET' : undefined, `${fault.kind}: the target is held`);
          continue;
        }
        const one = await call(url, c.one).then((a) => (a.status === normalOne.status && a.body.equals(normalOne.body) ? 'normal' : 'faulty'), () => 'failed');
        t.not(one, 'normal', `${fault.kind}: the target does not answer normally`);
        await restored(t, `${fault.kind} on ${c.target}`);
      }
    });

    await t.test('parameters are checked when the fault is set', async (t) => {
      const refused = (fault: Record<string, unknown>, parameter: string, message: RegExp) =>
        t.throws(() => faults.set(fault as never), { name: 'FaultParameterError', parameter, message }, `${JSON.stringify(fault)}: ${parameter}`);
      refused({ kind: 'error', rate: 1.5 }, 'rate', /must be a number from 0 to 1/);
      refused({ kind: 'latency' }, 'ms', /is required/);
      refused({ kind: 'latency', ms: 1.5 }, 'ms', /must be an integer/);
      refused({ kind: 'oversized', bytes: 0 }, 'bytes', /from 1 to/);
      refused({ kind: 'slow-body', bytesPerSecond: '64' }, 'bytesPerSecond', /must be an integer/);
      refused({ kind: 'rate-limit', retryAfterSeconds: -1 }, 'retryAfterSeconds', /from 0 to 86400/);
      refused({ kind: 'busy', ms: 5 }, 'ms', /does not apply to 'busy' \(it takes no parameters\)/);
      refused({ kind: 'error', ms: 5 }, 'ms', /does not apply to 'error' \(it takes: rate\)/);
      refused({ kind: 'error', interface: 'nope' }, 'interface', /must be one of this agency's interfaces/);
      refused({ kind: 'meteor-strike' }, 'kind', /unknown fault kind 'meteor-strike'/);
      t.equal(faults.current, undefined, 'a refused fault changes nothing');
    });
  });

  t.test(`${mock.agency}: a hung request is let go when the mock closes`, async (t) => {
    const { running } = await start(t, mock);
    await running.faults.set({ kind: 'hang' });
    const answer = failureOf(call(running.url, c.one));
    await untilHeld(running, 1);
    await running.close();
    t.equal(await answer, 'UND_ERR_SOCKET', 'closed, never answered');
  });

  t.test(`${mock.agency}: a mock closed during an outage closes`, async (t) => {
    const { running } = await start(t, mock);
    await running.faults.set({ kind: 'outage' });
    await running.close();
    t.pass('closed');
  });
}
