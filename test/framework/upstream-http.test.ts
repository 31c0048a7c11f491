/**
 * The one upstream HTTP exchange every agency client makes (src/connectors/kit/http.ts):
 * size cap, charsets, no redirects, Retry-After, and the one table of failures.
 */
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import iconv from 'iconv-lite';
import t, { type Test } from 'tap';
import { Pool } from 'undici';
import { classifyStatus, parseRetryAfter, send, transportFailure } from '../../src/connectors/kit/http.js';
import { UpstreamError } from '../../src/connectors/types.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

async function server(t: Test, handler: Handler, poolOptions: Pool.Options = {}) {
  const s = createServer(handler);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const pool = new Pool(`http://127.0.0.1:${(s.address() as AddressInfo).port}`, { connections: 1, ...poolOptions });
  t.teardown(async () => { await pool.close(); s.closeAllConnections(); await new Promise((r) => s.close(r)); });
  return pool;
}

async function failure(p: Promise<unknown>): Promise<UpstreamError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof UpstreamError) return err;
    throw err;
  }
  throw new Error('expected an UpstreamError');
}

t.test('answers within the cap are read whole, declared length or not; over it they are refused', async (t) => {
  const pool = await server(t, (req, res) => {
    const [, mode, size] = req.url!.split('/');
    const buf = Buffer.from('龙'.repeat(Number(size))); // 3 bytes each
    if (mode === 'declared') {
      res.writeHead(200, { 'content-length': buf.length });
      res.end(buf);
    } else {
      res.writeHead(200);
      for (let i = 0; i < buf.length; i += 1000) res.write(buf.subarray(i, i + 1000));
      res.end();
    }
  });
  const get = (path: string, maxBytes: number) => send({ label: 'TEST get', dispatcher: pool, path, method: 'GET', signal: undefined, maxBytes });
  t.equal((await get('/declared/100', 300)).text, '龙'.repeat(100), 'declared, at the cap');
  const over = await failure(get('/declared/101', 300));
  t.same([over.outcome, over.status], ['fatal', 'invalid_response']);
  t.match(over.message, /^TEST get: answer larger than 300 bytes$/);
  t.equal((await get('/chunked/2000', 6000)).text, '龙'.repeat(2000), 'chunked, at the cap, characters split across chunks');
  t.equal((await failure(get('/chunked/2001', 6000))).status, 'invalid_response', 'chunked, over the cap');
  t.equal((await get('/declared/3', 300)).text, '龙龙龙', 'the one connection was released each time');
});

t.test('charsets: GB18030 decoded, an unknown one refused', async (t) => {
  const text = '{"统一社会信用代码":"91370202MA3C1234X5","企业名称":"青岛海信电器股份有限公司"}';
  const pool = await server(t, (req, res) => {
    const body = iconv.encode(text, 'gb18030');
    res.writeHead(200, { 'content-type': req.url === '/weird' ? 'application/json; charset=x-martian' : req.url === '/undeclared' ? 'application/json' : 'application/json; charset=GB18030' });
    res.end(body);
  });
  const get = (path: string, defaultCharset?: string) => send({ label: 'AMR q', dispatcher: pool, path, method: 'GET', signal: undefined, maxBytes: 10_000, ...(defaultCharset ? { defaultCharset } : {}) });
  t.equal((await get('/declared')).text, text);
  t.equal((await get('/undeclared', 'gb18030')).text, text, 'an agency known to send GB18030 says so as the default');
  t.equal((await failure(get('/weird'))).status, 'invalid_response');
});

t.test('redirects are not followed; statuses are classified by the table', async (t) => {
  let hits = 0;
  const pool = await server(t, (req, res) => {
    hits++;
    const status = Number(req.url!.slice(1));
    res.writeHead(status, status === 302 ? { location: '/200' } : status === 429 || status === 503 ? { 'retry-after': '7' } : {});
    res.end('x');
  });
  const res = await send({ label: 'T', dispatcher: pool, path: '/302', method: 'GET', signal: undefined, maxBytes: 100 });
  t.equal(res.status, 302, 'the redirect itself comes back');
  t.equal(hits, 1, 'and was not followed');
  const rows: Array<[number, string | undefined, string | undefined]> = [
    [200, undefined, undefined], [204, undefined, undefined],
    [302, 'fatal', 'upstream_error'], [400, 'fatal', 'invalid_request'], [401, 'fatal', 'upstream_error'], [403, 'fatal', 'upstream_error'],
    [404, 'fatal', 'upstream_error'], [408, 'retryable', 'timeout'], [429, 'retryable', 'rate_limited'],
    [500, 'retryable', 'upstream_error'], [502, 'retryable', 'upstream_error'], [503, 'retryable', 'upstream_error'], [504, 'retryable', 'upstream_error'],
    [501, 'fatal', 'upstream_error'], [418, 'fatal', 'upstream_error'],
  ];
  for (const [status, outcome, reported] of rows) {
    const c = classifyStatus(status);
    t.same([c?.outcome, c?.status], [outcome, reported], `HTTP ${status}`);
  }
  const limited = await send({ label: 'T', dispatcher: pool, path: '/429', method: 'GET', signal: undefined, maxBytes: 100 });
  t.equal(limited.retryAfterMs, 7000, 'Retry-After in seconds');
  t.equal(classifyStatus(429, 7000)?.retryAfterMs, 7000);
});

t.test('Retry-After: seconds or a date, else nothing', async (t) => {
  const now = Date.parse('2026-11-29T12:00:00Z');
  t.equal(parseRetryAfter('120', now), 120_000);
  t.equal(parseRetryAfter('Sun, 29 Nov 2026 12:00:30 GMT', now), 30_000);
  t.equal(parseRetryAfter('Sun, 29 Nov 2026 11:00:00 GMT', now), 0, 'a date past is now');
  t.equal(parseRetryAfter('soon', now), undefined);
  t.equal(parseRetryAfter(undefined, now), undefined);
});

t.test('transport failures: refused and reset are retryable upstream_error, timeouts are timeout', async (t) => {
  const closed = new Pool('http://127.0.0.1:1', { connections: 1 });
  t.teardown(() => closed.close());
  const refused = await failure(send({ label: 'T', dispatcher: closed, path: '/', method: 'GET', signal: undefined, maxBytes: 100 }));
  t.same([refused.outcome, refused.status], ['retryable', 'upstream_error']);
  t.match(refused.message, /request failed \(ECONNREFUSED\)/);

  const reset = await server(t, (req) => req.socket.destroy());
  const r = await failure(send({ label: 'T', dispatcher: reset, path: '/', method: 'GET', signal: undefined, maxBytes: 100 }));
  t.same([r.outcome, r.status], ['retryable', 'upstream_error']);

  const silent = await server(t, () => { /* never answers */ }, { headersTimeout: 100 });
  const s = await failure(send({ label: 'T', dispatcher: silent, path: '/', method: 'GET', signal: undefined, maxBytes: 100 }));
  t.same([s.outcome, s.status], ['retryable', 'timeout']);
  t.match(s.message, /UND_ERR_HEADERS_TIMEOUT/);

  for (const code of ['UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT', 'UND_ERR_BODY_TIMEOUT']) {
    t.equal(transportFailure('T', Object.assign(new Error('x'), { code })).status, 'timeout', `${code} is a timeout`);
  }
  t.equal(transportFailure('T', new Error('no code')).status, 'upstream_error');
});

t.test('a signal ends the exchange at once: while it waits for a connection, and mid-answer', async (t) => {
  const held: ServerResponse[] = [];
  const pool = await server(t, (req, res) => {
    if (req.url === '/hold') { held.push(res); return; }
    res.writeHead(200, { 'content-length': 4 });
    res.write('ab'); // and the rest never comes
    held.push(res);
  });
  t.teardown(() => { for (const res of held) res.destroy(); });
  // The pool's one connection is taken by an answer that never comes.
  const first = send({ label: 'T', dispatcher: pool, path: '/hold', method: 'GET', signal: undefined, maxBytes: 100 }).catch((e: unknown) => e);
  const queued = new AbortController();
  const waiting = send({ label: 'T', dispatcher: pool, path: '/next', method: 'GET', signal: queued.signal, maxBytes: 100 });
  setTimeout(() => queued.abort(new Error('deadline')), 50);
  // Before, undici's request() kept a queued request until a connection freed: this one never would.
  await t.rejects(waiting, { message: 'deadline' }, 'the queued request ends with its signal, without waiting for a connection');
  held.shift()!.end('done');
  t.equal((await first as { text: string }).text, 'done', 'the first answer still arrives');

  const pool2 = await server(t, (_req, res) => {
    res.writeHead(200, { 'content-length': 4 });
    res.write('ab');
    held.push(res);
  });
  const signal = Object.assign(new EventEmitter(), { aborted: false });
  const midAnswer = send({ label: 'T', dispatcher: pool2, path: '/', method: 'GET', signal, maxBytes: 100 });
  setTimeout(() => { signal.aborted = true; signal.emit('abort'); }, 50);
  await t.rejects(midAnswer, { message: 'the call was aborted' }, 'an emitter signal (the runtime\'s) ends an answer half read');
  t.equal(signal.listenerCount('abort'), 0, 'and its listener is gone');
});

t.test('a UTF-8 answer is read without its byte-order mark, declared length or not; no listener stays on the signal', async (t) => {
  const pool = await server(t, (req, res) => {
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"ok":"是"}')]);
    res.writeHead(200, req.url === '/declared' ? { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length } : {});
    res.end(body);
  });
  const signal = Object.assign(new EventEmitter(), { aborted: false });
  for (const path of ['/declared', '/chunked']) {
    const res = await send({ label: 'T', dispatcher: pool, path, method: 'GET', signal, maxBytes: 100 });
    t.equal(res.text, '{"ok":"是"}', path);
  }
  t.equal(signal.listenerCount('abort'), 0);
});
