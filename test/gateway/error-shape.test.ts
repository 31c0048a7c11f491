/**
 * Issue 5 §7: every error the gateway sends has the project's shape and code and carries
 * the request id, whichever layer refuses the request: the URL decoder, the HTTP parser,
 * the media-type check, the router.
 */
import { connect } from 'node:net';
import t from 'tap';
import { ERRORS } from '../../src/errors.js';
import { startTestGateway } from '../helpers/gateway.js';

/** Sends raw bytes, returns the parsed answer. */
function raw(url: string, bytes: string): Promise<{ status: number; headers: Record<string, string>; body: any }> {
  const { port, hostname } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(bytes));
    let data = '';
    socket.on('data', (c) => { data += c.toString('utf8'); });
    socket.on('error', reject);
    socket.on('close', () => {
      const [head, ...rest] = data.split('\r\n\r\n');
      const lines = head!.split('\r\n');
      const headers = Object.fromEntries(lines.slice(1).map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      resolve({ status: Number(lines[0]!.split(' ')[1]), headers, body: JSON.parse(rest.join('\r\n\r\n')) });
    });
  });
}

t.test('errors from every layer', async (t) => {
  const gw = await startTestGateway(t);
  const cases: Array<[string, string, number, string]> = [
    ['a badly encoded URL', 'GET /v1/%zz HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n', 400, 'TONGBAN_ERR_BAD_REQUEST'],
    ['a badly encoded URL with an ID number', 'GET /v1/370202201905150010%zz?q=%E5%BC%A0 HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n', 400, 'TONGBAN_ERR_BAD_REQUEST'],
    ['bytes that are not HTTP', 'HELLO THERE\r\n\r\n', 400, 'TONGBAN_ERR_BAD_REQUEST'],
    ['a broken header line', 'GET /healthz HTTP/1.1\r\nno colon here\r\n\r\n', 400, 'TONGBAN_ERR_BAD_REQUEST'],
    ['headers over the limit', `GET /healthz HTTP/1.1\r\nhost: x\r\nx-big: ${'a'.repeat(20_000)}\r\n\r\n`, 431, 'TONGBAN_ERR_HEADERS_TOO_LARGE'],
    ['a text body', 'POST /v1/verifications HTTP/1.1\r\nhost: x\r\ncontent-type: text/plain\r\ncontent-length: 5\r\nconnection: close\r\n\r\nhello', 415, 'TONGBAN_ERR_UNSUPPORTED_MEDIA_TYPE'],
    ['a body without a content type', 'POST /v1/verifications HTTP/1.1\r\nhost: x\r\ncontent-length: 2\r\nconnection: close\r\n\r\n{}', 415, 'TONGBAN_ERR_UNSUPPORTED_MEDIA_TYPE'],
    ['an empty JSON body', 'POST /v1/verifications HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 0\r\nconnection: close\r\n\r\n', 400, 'TONGBAN_ERR_MALFORMED_JSON'],
    ['the wrong method', 'GET /v1/verifications HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n', 405, 'TONGBAN_ERR_METHOD_NOT_ALLOWED'],
    ['an unknown endpoint', 'GET /v1/people/370202201905150010 HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n', 404, 'TONGBAN_ERR_NOT_FOUND'],
    ['an unknown method', 'BREW /v1/verifications HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n', 400, 'TONGBAN_ERR_BAD_REQUEST'],
  ];
  for (const [label, bytes, status, code] of cases) {
    const res = await raw(gw.url, bytes);
    t.equal(res.status, status, `${label}: HTTP ${status}`);
    t.same(Object.keys(res.body), ['error', 'requestId'], `${label}: the project's shape`);
    t.equal(res.body.error.code, code, `${label}: ${code}`);
    t.equal(res.body.error.message.length > 0, true);
    t.equal(ERRORS[code as keyof typeof ERRORS].status, status, `${label}: ${code} is in the table with ${status}`);
    t.type(res.body.requestId, 'string');
    t.equal(res.headers['x-request-id'], res.body.requestId, `${label}: the header carries the same id`);
    t.notOk(JSON.stringify(res.body).includes('370202201905150010'), `${label}: the URL is not reflected`);
    t.notOk(JSON.stringify(res.body).includes('FST_'), `${label}: no framework code`);
  }
  const wrong = await raw(gw.url, 'GET /v1/verifications HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n');
  t.equal(wrong.headers.allow, 'POST', 'a 405 says which methods the endpoint takes');
});
