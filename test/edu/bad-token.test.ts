/**
 * A wrong or missing token: the bureau answers HTTP 401 with INVALID_TOKEN and an RFC 6750
 * challenge; the client reports a fatal upstream_error (a config fault: retrying cannot help)
 * whose message holds no ID number and no token.
 */
import t from 'tap';
import { request } from 'undici';
import { schoolDistrict, studentStatus } from '../../connectors/edu/index.js';
import { population, signal, startEdu, TOKEN, upstreamError } from './fixtures/harness.js';

const pop = population();
const pupil = pop.students[0]!;

t.test('the bureau refuses a wrong or missing token with 401 INVALID_TOKEN', async (t) => {
  const { mock } = await startEdu(t, pop);
  const path = `${mock.url}/api/v1/students/${pupil.idNumber}`;

  const wrong = await request(path, { headers: { authorization: 'Bearer not-the-bureau-token' } });
  t.equal(wrong.statusCode, 401);
  t.match(String(wrong.headers['www-authenticate']), /^Bearer realm="edu-api", error="invalid_token"$/);
  t.same(await wrong.body.json(), { code: 'INVALID_TOKEN', message: '访问令牌无效' });

  const missing = await request(path);
  t.equal(missing.statusCode, 401);
  t.equal(missing.headers['www-authenticate'], 'Bearer realm="edu-api"', 'no error attribute when no token was sent');
  await missing.body.dump();

  const otherScheme = await request(path, { headers: { authorization: `Basic ${TOKEN}` } });
  t.equal(otherScheme.statusCode, 401, 'the token under another scheme');
  await otherScheme.body.dump();

  const right = await request(path, { headers: { authorization: `bearer ${TOKEN}` } });
  t.equal(right.statusCode, 200, 'the scheme is case-insensitive (RFC 7235)');
  await right.body.dump();
});

t.test('the client reports a fatal upstream_error, for both interfaces', async (t) => {
  const { client } = await startEdu(t, pop, { token: 'not-the-bureau-token' });
  const err = await upstreamError(() => studentStatus.fetch(client, { idNumber: pupil.idNumber }, signal()));
  t.same({ outcome: err.outcome, status: err.status }, { outcome: 'fatal', status: 'upstream_error' });
  t.match(err.message, /^EDU students: HTTP 401/);
  t.notMatch(err.message, pupil.idNumber, 'no ID number in the message');
  t.notMatch(err.message, /not-the-bureau-token/, 'no token in the message');

  const zones = await upstreamError(() => schoolDistrict.fetch(client, { district: '370202', street: '福州南路', number: '88' }, signal()));
  t.same({ outcome: zones.outcome, status: zones.status }, { outcome: 'fatal', status: 'upstream_error' });
  t.match(zones.message, /^EDU zones: HTTP 401/);
  t.notMatch(zones.message, /福州南路/, 'no address in the message');
});
