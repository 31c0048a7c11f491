/**
 * The mock speaks the bureau's protocol where the client never strays: parameters it refuses
 * (HTTP 400 INVALID_PARAMETER, which the client reports as invalid_request), a path it does
 * not have (404 NOT_FOUND, which must not read as "no 学籍"), and its fault seam by interface.
 */
import t from 'tap';
import { request } from 'undici';
import { schoolDistrict, studentStatus } from '../../connectors/edu/index.js';
import { EDU_MAX_STREET_LENGTH } from '../../connectors/edu/types.js';
import { clientFor, population, signal, startEdu, TOKEN, upstreamError } from './fixtures/harness.js';

const pop = population();
const auth = { authorization: `Bearer ${TOKEN}` };

async function get(url: string) {
  const res = await request(url, { headers: auth });
  return { status: res.statusCode, body: await res.body.json() };
}

t.test('malformed parameters are 400 INVALID_PARAMETER', async (t) => {
  const { mock } = await startEdu(t, pop);
  const refused = { status: 400, body: { code: 'INVALID_PARAMETER', message: '请求参数错误' } };
  t.same(await get(`${mock.url}/api/v1/students/37020220180515001x`), refused, 'lower-case x');
  t.same(await get(`${mock.url}/api/v1/students/123`), refused, 'too short');
  const zones = `${mock.url}/api/v1/zones`;
  t.same(await get(`${zones}?district=370202&street=${encodeURIComponent('福州南路')}`), refused, 'no number');
  t.same(await get(`${zones}?district=370202&street=${encodeURIComponent('福州南路')}&number=0`), refused, 'door number 0');
  t.same(await get(`${zones}?district=370202&street=${encodeURIComponent('福州南路')}&number=88&number=90`), refused, 'number twice');
  t.same(await get(`${zones}?district=370202&street=${encodeURIComponent('路'.repeat(EDU_MAX_STREET_LENGTH + 1))}&number=8`), refused, 'road name too long');
  t.same(await get(`${zones}?district=370202&street=${encodeURIComponent('福州南路')}&number=88&page=1`), refused, 'an unknown parameter');
});

t.test('the client reports 400 as invalid_request (never counted against the breaker)', async (t) => {
  const { client } = await startEdu(t, pop);
  // The connector's input schema keeps this from being sent by the gateway; the client alone sends it.
  const err = await upstreamError(() => schoolDistrict.fetch(client, { district: '370202', street: '福州南路', number: '0' }, signal()));
  t.same({ outcome: err.outcome, status: err.status }, { outcome: 'fatal', status: 'invalid_request' });
});

t.test('a path the bureau does not have is 404 NOT_FOUND: a wrong base URL is an error, not "no record"', async (t) => {
  const { mock } = await startEdu(t, pop);
  t.same(await get(`${mock.url}/api/v2/students/${pop.students[0]!.idNumber}`), { status: 404, body: { code: 'NOT_FOUND', message: '请求的资源不存在' } });
  const misconfigured = clientFor(t, mock.url, { basePath: '/edu' });
  const err = await upstreamError(() => studentStatus.fetch(misconfigured, { idNumber: pop.students[0]!.idNumber }, signal()));
  t.same({ outcome: err.outcome, status: err.status }, { outcome: 'fatal', status: 'upstream_error' });
  t.match(err.message, /HTTP 404 NOT_FOUND/);
});

t.test('a fault can target one interface: students or zones', async (t) => {
  const { mock, client } = await startEdu(t, pop);
  const pupil = pop.students[0]!;
  mock.faults.set({ kind: 'corrupt', interface: 'zones' });
  const answer = await studentStatus.fetch(client, { idNumber: pupil.idNumber }, signal());
  t.same(answer.outcome === 'ok' && answer.data.schoolCode, pupil.schoolCode, 'students untouched');
  mock.faults.set({ kind: 'corrupt', interface: 'students' });
  const corrupted = await studentStatus.fetch(client, { idNumber: pupil.idNumber }, signal());
  t.match(corrupted.outcome === 'ok' && corrupted.data.schoolCode, /^\d{9}O$/, 'students corrupted: a letter O in the school code');
  mock.faults.clear();
});
