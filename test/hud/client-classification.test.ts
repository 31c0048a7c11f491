/**
 * How the client classifies what HUD can answer besides data, at the token endpoint and at
 * a query. A stand-in server plays the agency, so that any answer can be produced on purpose.
 */
import t from 'tap';
import { saleContract } from '../../connectors/hud/index.js';
import { HUD_TOKEN_PATH } from '../../connectors/hud/types.js';
import type { UpstreamError } from '../../src/connectors/types.js';
import { CREDENTIALS, TOKEN_OK, callThrough, clientFor, startFakeHud, upstreamError, type FakeReply } from './fixtures/harness.js';

const idNumber = '370202198503120017';
const json = (status: number, body: unknown, headers: Record<string, string> = {}): FakeReply => ({ status, body: JSON.stringify(body), headers });
const error = (status: number, code: string, headers: Record<string, string> = {}) =>
  json(status, { error: code, errorDescription: `身份证号${idNumber}的请求被拒绝` }, headers);
const item = {
  contractNumber: 'WQ20210212000001', houseAddress: '市南区福州南路88号3-2-501', filingDate: '2021-05-12', filingStatus: '已备案',
  totalPrice: 1234567, developer: { creditCode: '91370200MA3C1234X5', name: '某开发公司' }, buyers: [{ name: '张建国', idNumber }],
};

t.test('the client classifies every kind of answer once', async (t) => {
  let token: FakeReply = TOKEN_OK;
  let query: FakeReply = json(200, { items: [], total: 0 });
  const { url } = await startFakeHud(t, (req) => (req.path === HUD_TOKEN_PATH ? token : query));

  async function failure(): Promise<UpstreamError> {
    // A new client each time: nothing cached from the previous case.
    const { client } = clientFor(t, url);
    const err = await upstreamError(() => callThrough(client, saleContract, { idNumber }));
    t.notOk(err.message.includes(idNumber), 'no ID number in the message');
    t.notOk(err.message.includes('请求被拒绝'), 'not the agency’s own text');
    t.notOk(err.message.includes(CREDENTIALS.clientSecret), 'no secret in the message');
    return err;
  }
  const kind = (err: UpstreamError) => [err.outcome, err.status];
  const withToken = (reply: FakeReply) => { token = TOKEN_OK; query = reply; };
  const atTokenEndpoint = (reply: FakeReply) => { token = reply; };

  t.test('query: { items: [], total: 0 } is not_found', async (t) => {
    withToken(json(200, { items: [], total: 0 }));
    const { client } = clientFor(t, url);
    t.same(await callThrough(client, saleContract, { idNumber }), { status: 'not_found' });
  });

  t.test('query: items are ok, extra fields tolerated', async (t) => {
    withToken(json(200, { items: [{ ...item, newField: 1 }], total: 1, pageInfo: null }));
    const { client } = clientFor(t, url);
    const res = await callThrough(client, saleContract, { idNumber });
    t.equal(res.status, 'found');
  });

  t.test('query: 400 invalid_request is invalid_request (our request, not the registry, is at fault)', async (t) => {
    withToken(error(400, 'invalid_request'));
    const err = await failure();
    t.same(kind(err), ['fatal', 'invalid_request']);
    t.match(err.message, /^HUD sale-contracts \(invalid_request\): HTTP 400/);
  });

  t.test('query: 429 is rate_limited with its Retry-After', async (t) => {
    withToken(error(429, 'rate_limit_exceeded', { 'retry-after': '3' }));
    const err = await failure();
    t.same(kind(err), ['retryable', 'rate_limited']);
    t.equal(err.retryAfterMs, 3000);
  });

  t.test('query: 500 and 503 are retryable', async (t) => {
    withToken(error(500, 'server_error'));
    t.same(kind(await failure()), ['retryable', 'upstream_error']);
    withToken(error(503, 'temporarily_unavailable'));
    t.same(kind(await failure()), ['retryable', 'upstream_error']);
  });

  t.test('query: 404 (a wrong baseUrl) is fatal', async (t) => {
    withToken(error(404, 'not_found'));
    t.same(kind(await failure()), ['fatal', 'upstream_error']);
  });

  t.test('query: 403 is fatal, and an unknown code is not repeated', async (t) => {
    withToken(error(403, `forbidden for ${idNumber}`));
    const err = await failure();
    t.same(kind(err), ['fatal', 'upstream_error']);
    t.match(err.message, /^HUD sale-contracts: HTTP 403/);
  });

  t.test('query: a body that is not JSON is invalid_response', async (t) => {
    withToken({ status: 200, type: 'text/html', body: '<html>系统维护中</html>' });
    t.same(kind(await failure()), ['fatal', 'invalid_response']);
  });

  t.test('query: a malformed answer is invalid_response, named by its path', async (t) => {
    withToken(json(200, { items: [{ ...item, filingDate: '2021/05/12' }], total: 1 }));
    const err = await failure();
    t.same(kind(err), ['fatal', 'invalid_response']);
    t.match(err.message, /\/items\/0\/filingDate/);
    withToken(json(200, { data: [] }));
    t.same(kind(await failure()), ['fatal', 'invalid_response']);
  });

  t.test('query: a total that disagrees with the items is invalid_response', async (t) => {
    withToken(json(200, { items: [item], total: 2 }));
    t.same(kind(await failure()), ['fatal', 'invalid_response']);
    withToken(json(200, { items: [], total: 1 }));
    t.same(kind(await failure()), ['fatal', 'invalid_response'], 'not a not_found');
  });

  t.test('token: 400 invalid_client is the credentials refused, not our request malformed', async (t) => {
    atTokenEndpoint(error(400, 'invalid_client'));
    const err = await failure();
    t.same(kind(err), ['fatal', 'upstream_error']);
    t.match(err.message, /credentials refused/);
  });

  t.test('token: 401 is the credentials refused', async (t) => {
    atTokenEndpoint({ status: 401, type: 'text/plain', body: 'Unauthorized' });
    const err = await failure();
    t.same(kind(err), ['fatal', 'upstream_error']);
    t.match(err.message, /^HUD token: client credentials refused/);
  });

  t.test('token: 400 unsupported_grant_type follows the kit: invalid_request', async (t) => {
    atTokenEndpoint(error(400, 'unsupported_grant_type'));
    t.same(kind(await failure()), ['fatal', 'invalid_request']);
  });

  t.test('token: 503 and 429 follow the kit: retryable', async (t) => {
    atTokenEndpoint(error(503, 'temporarily_unavailable'));
    t.same(kind(await failure()), ['retryable', 'upstream_error']);
    atTokenEndpoint(error(429, 'rate_limit_exceeded', { 'retry-after': '2' }));
    const err = await failure();
    t.same(kind(err), ['retryable', 'rate_limited']);
    t.equal(err.retryAfterMs, 2000);
  });

  t.test('token: an answer that is not a bearer token is invalid_response', async (t) => {
    for (const body of [
      '<html>login</html>',
      JSON.stringify({ access_token: '', token_type: 'Bearer', expires_in: 300 }),
      JSON.stringify({ access_token: 'x', token_type: 'Bearer' }),
      JSON.stringify({ access_token: 'x', token_type: 'mac', expires_in: 300 }),
      JSON.stringify({ access_token: 'x', token_type: 'Bearer', expires_in: '300' }),
    ]) {
      atTokenEndpoint({ body });
      t.same(kind(await failure()), ['fatal', 'invalid_response'], body);
    }
  });

  t.test('token: token_type is case-insensitive (RFC 6749 §5.1)', async (t) => {
    token = { body: JSON.stringify({ access_token: 'x', token_type: 'bearer', expires_in: 300 }) };
    query = json(200, { items: [], total: 0 });
    const { client } = clientFor(t, url);
    t.same(await callThrough(client, saleContract, { idNumber }), { status: 'not_found' });
  });
});

t.test('requests as sent: a form-encoded token request, then GET with the bearer token under the basePath', async (t) => {
  const seen: Array<{ method: string; path: string; authorization: string | undefined; body: string }> = [];
  const { url } = await startFakeHud(t, (req) => {
    seen.push(req);
    return req.path.endsWith(HUD_TOKEN_PATH) ? TOKEN_OK : json(200, { items: [], total: 0 });
  });
  const { client } = clientFor(t, url, { basePath: '/gw/hud' });
  await callThrough(client, saleContract, { idNumber });
  t.equal(seen.length, 2);
  t.same([seen[0]!.method, seen[0]!.path], ['POST', '/gw/hud/oauth/token']);
  t.same(Object.fromEntries(new URLSearchParams(seen[0]!.body)), { grant_type: 'client_credentials', client_id: CREDENTIALS.clientId, client_secret: CREDENTIALS.clientSecret });
  t.same([seen[1]!.method, seen[1]!.path, seen[1]!.authorization], ['GET', `/gw/hud/api/v1/sale-contracts?buyerIdNumber=${idNumber}`, 'Bearer fake-token']);
});
