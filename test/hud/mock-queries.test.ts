/** The mock's query endpoints, spoken to by hand: tokens, parameters, unknown paths, answers. */
import t from 'tap';
import { request } from 'undici';
import { UNKNOWN_ID, mockToken, population, rawQuery, startHud } from './fixtures/harness.js';

t.test('the query endpoints', async (t) => {
  let clock = Date.parse('2026-09-01T08:00:00Z');
  const { mock } = await startHud(t, { mock: { now: () => clock } });
  const token = await mockToken(mock.url);
  const auth = { authorization: `Bearer ${token}` };
  const tenant = population().leases[0]!.tenants[0]!;

  t.test('a valid token: { items, total }, the latest first', async (t) => {
    const res = await rawQuery(mock.url, 'leases', `?tenantIdNumber=${tenant}`, auth);
    t.equal(res.status, 200);
    t.equal(res.json.total, res.json.items.length);
    const starts = res.json.items.map((i: { leaseStartDate: string }) => i.leaseStartDate);
    t.same(starts, [...starts].sort().reverse());
  });

  t.test('nobody: 200 with { items: [], total: 0 }', async (t) => {
    const res = await rawQuery(mock.url, 'sale-contracts', `?buyerIdNumber=${UNKNOWN_ID}`, auth);
    t.same([res.status, res.json], [200, { items: [], total: 0 }]);
  });

  t.test('no token, another scheme, an unknown token: 401 invalid_token', async (t) => {
    for (const headers of [{}, { authorization: `Basic ${token}` }, { authorization: 'Bearer not-a-token' }] as Array<Record<string, string>>) {
      const res = await rawQuery(mock.url, 'leases', `?tenantIdNumber=${tenant}`, headers);
      t.same([res.status, res.json.error], [401, 'invalid_token']);
      t.match(String(res.headers['www-authenticate']), /^Bearer error="invalid_token"/);
    }
  });

  t.test('bad parameters: 400 invalid_request', async (t) => {
    for (const search of ['', '?tenantIdNumber=12345', `?tenantIdNumber=${tenant.toLowerCase()}x`, `?buyerIdNumber=${tenant}`, `?tenantIdNumber=${tenant}&tenantIdNumber=${tenant}`]) {
      const res = await rawQuery(mock.url, 'leases', search, auth);
      t.same([res.status, res.json.error], [400, 'invalid_request'], search || '(none)');
    }
  });

  t.test('an unknown path: 404 not_found, in the API’s format', async (t) => {
    const res = await request(`${mock.url}/api/v2/leases?tenantIdNumber=${tenant}`, { headers: auth });
    t.equal(res.statusCode, 404);
    t.equal(((await res.body.json()) as { error: string }).error, 'not_found');
  });

  t.test('an expired token: 401', async (t) => {
    clock += 300_000;
    const res = await rawQuery(mock.url, 'leases', `?tenantIdNumber=${tenant}`, auth);
    t.same([res.status, res.json.error], [401, 'invalid_token']);
  });
});
