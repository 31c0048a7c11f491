/** The mock's token endpoint, spoken to by hand: what HUD answers to good and bad token requests. */
import t from 'tap';
import { request } from 'undici';
import { HUD_TOKEN_LIFETIME_SECONDS, HUD_TOKEN_PATH } from '../../connectors/hud/types.js';
import { CREDENTIALS, startHud } from './fixtures/harness.js';

async function tokenRequest(url: string, form: Record<string, string>, contentType = 'application/x-www-form-urlencoded') {
  const res = await request(url + HUD_TOKEN_PATH, { method: 'POST', headers: { 'content-type': contentType }, body: new URLSearchParams(form).toString() });
  return { status: res.statusCode, headers: res.headers, json: (await res.body.json()) as Record<string, unknown> };
}

const good = { grant_type: 'client_credentials', client_id: CREDENTIALS.clientId, client_secret: CREDENTIALS.clientSecret };

t.test('the token endpoint', async (t) => {
  const { mock } = await startHud(t);

  t.test('good credentials: a bearer token for 300 s, not to be cached by proxies', async (t) => {
    const res = await tokenRequest(mock.url, good);
    t.equal(res.status, 200);
    t.match(res.json, { access_token: /^[\w-]{20,}$/, token_type: 'Bearer', expires_in: HUD_TOKEN_LIFETIME_SECONDS });
    t.equal(res.headers['cache-control'], 'no-store');
    t.not((await tokenRequest(mock.url, good)).json.access_token, res.json.access_token, 'a new token each time');
  });

  t.test('a wrong secret or client: 401 invalid_client', async (t) => {
    for (const form of [{ ...good, client_secret: 'wrong-secret-0123456789' }, { ...good, client_id: 'other' }, { grant_type: 'client_credentials' }]) {
      const res = await tokenRequest(mock.url, form);
      t.equal(res.status, 401);
      t.equal(res.json.error, 'invalid_client');
      t.type(res.json.errorDescription, 'string');
      t.match(String(res.headers['www-authenticate']), /^Basic/);
    }
  });

  t.test('another grant: 400 unsupported_grant_type; none: 400 invalid_request', async (t) => {
    const other = await tokenRequest(mock.url, { ...good, grant_type: 'password' });
    t.same([other.status, other.json.error], [400, 'unsupported_grant_type']);
    const { grant_type: _omitted, ...noGrant } = good;
    const none = await tokenRequest(mock.url, noGrant);
    t.same([none.status, none.json.error], [400, 'invalid_request']);
  });

  t.test('a JSON body instead of a form: 400 invalid_request', async (t) => {
    const res = await request(mock.url + HUD_TOKEN_PATH, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(good) });
    t.equal(res.statusCode, 400);
    t.equal(((await res.body.json()) as { error: string }).error, 'invalid_request');
  });
});
