/**
 * Issue 5 §5: a slow client cannot hold a socket. Headers or a body trickled a byte at a
 * time get 408 in the project's error shape once the header or request timeout passes; a
 * silent connection and an idle kept-alive one are closed. The timeouts are set small here
 * (the defaults are in the README); no duration is asserted, the connection just has to end.
 */
import { connect, type Socket } from 'node:net';
import t from 'tap';
import { startTestGateway } from '../helpers/gateway.js';

const TIMEOUTS = { headersTimeoutMs: 300, requestTimeoutMs: 600, idleTimeoutMs: 1500, keepAliveTimeoutMs: 300 };

function open(url: string): Promise<Socket> {
  const { port, hostname } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => resolve(socket));
    socket.on('error', reject);
  });
}

/** Everything the server sends until it closes the connection. */
function untilClosed(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    let data = '';
    socket.on('data', (chunk) => { data += chunk.toString('utf8'); });
    socket.on('error', () => {});
    socket.on('close', () => resolve(data));
  });
}

/** Writes `text` one byte every `ms` until the socket closes. */
function trickle(socket: Socket, text: string, ms = 40): void {
  let i = 0;
  const timer = setInterval(() => {
    if (socket.destroyed || i >= text.length) return clearInterval(timer);
    socket.write(text[i++]!);
  }, ms);
  socket.on('close', () => clearInterval(timer));
}

function errorOf(raw: string) {
  const [head, body] = raw.split('\r\n\r\n') as [string, string];
  return { statusLine: head.split('\r\n')[0], headers: head.toLowerCase(), body: JSON.parse(body) };
}

t.test('slow clients', async (t) => {
  const gw = await startTestGateway(t, { overrides: { server: TIMEOUTS } });

  t.test('a body sent a byte at a time is cut off with 408', async (t) => {
    const socket = await open(gw.url);
    const closed = untilClosed(socket);
    socket.write('POST /v1/verifications HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n');
    trickle(socket, `{"purpose":"enrollment.primary","reference":"${'x'.repeat(900)}"}`);
    const { statusLine, headers, body } = errorOf(await closed);
    t.equal(statusLine, 'HTTP/1.1 408 Request Timeout');
    t.equal(body.error.code, 'TONGBAN_ERR_REQUEST_TIMEOUT');
    t.type(body.requestId, 'string');
    t.match(headers, `x-request-id: ${body.requestId}`);
  });

  t.test('headers sent a byte at a time are cut off with 408', async (t) => {
    const socket = await open(gw.url);
    const closed = untilClosed(socket);
    socket.write('GET /healthz HTTP/1.1\r\n');
    trickle(socket, `x-slow: ${'a'.repeat(200)}\r\n\r\n`);
    const { statusLine, body } = errorOf(await closed);
    t.equal(statusLine, 'HTTP/1.1 408 Request Timeout');
    t.equal(body.error.code, 'TONGBAN_ERR_REQUEST_TIMEOUT');
  });

  t.test('a connection that sends nothing is cut off with 408', async (t) => {
    const socket = await open(gw.url);
    const { statusLine, body } = errorOf(await untilClosed(socket));
    t.equal(statusLine, 'HTTP/1.1 408 Request Timeout');
    t.equal(body.error.code, 'TONGBAN_ERR_REQUEST_TIMEOUT');
  });

  t.test('an idle kept-alive connection is closed after its answer', async (t) => {
    const socket = await open(gw.url);
    const closed = untilClosed(socket);
    socket.write('GET /healthz HTTP/1.1\r\nhost: x\r\n\r\n');
    const raw = await closed;
    t.match(raw, /^HTTP\/1\.1 200 OK/);
    t.match(raw.toLowerCase(), /keep-alive/);
  });

  t.test('the refusals are logged with their request ids', async (t) => {
    const refused = gw.logs().filter((l) => l.msg === 'request refused before routing');
    t.ok(refused.length >= 2);
    t.ok(refused.every((l) => l.code === 'TONGBAN_ERR_REQUEST_TIMEOUT' && typeof l.reqId === 'string'));
  });
});

t.test('a header timeout longer than the request timeout is refused at start', async (t) => {
  await t.rejects(startTestGateway(t, { overrides: { server: { headersTimeoutMs: 5000, requestTimeoutMs: 1000 } } }), /headersTimeoutMs: must not be longer than \/server\/requestTimeoutMs/);
});
