/**
 * Every way the bureau can answer, against codes.ts and the kit's table. A stand-in bureau
 * plays what the mock never sends. EDU's one special status: a 404 is "no record" only with
 * its STUDENT_NOT_FOUND code; any other 404 is a fatal upstream_error, so that a wrong base
 * URL never reads as "this child has no 学籍".
 */
import t from 'tap';
import { schoolDistrict, studentStatus } from '../../connectors/edu/index.js';
import { clientFor, signal, startFakeEdu, upstreamError } from './fixtures/harness.js';

const ID = '370202201805150016';
const json = (body: unknown) => JSON.stringify(body);
const student = { studentNumber: `G${ID}`, schoolCode: '1370202101', schoolName: '市南区福州路小学', grade: 2, status: '在读' };

const cases: { name: string; answer: () => { status?: number; type?: string; body: string }; outcome: string; status: string }[] = [
  { name: '404 with another code', answer: () => ({ status: 404, body: json({ code: 'NOT_FOUND', message: '请求的资源不存在' }) }), outcome: 'fatal', status: 'upstream_error' },
  { name: '404 from a proxy (HTML)', answer: () => ({ status: 404, type: 'text/html', body: '<html><body>404 Not Found</body></html>' }), outcome: 'fatal', status: 'upstream_error' },
  { name: '404 with a code that is no identifier', answer: () => ({ status: 404, body: json({ code: `STUDENT_NOT_FOUND ${ID}`, message: 'x' }) }), outcome: 'fatal', status: 'upstream_error' },
  { name: '400 INVALID_PARAMETER', answer: () => ({ status: 400, body: json({ code: 'INVALID_PARAMETER', message: '请求参数错误' }) }), outcome: 'fatal', status: 'invalid_request' },
  { name: '403', answer: () => ({ status: 403, body: json({ code: 'FORBIDDEN', message: '无权访问' }) }), outcome: 'fatal', status: 'upstream_error' },
  { name: '429', answer: () => ({ status: 429, body: json({ code: 'TOO_MANY_REQUESTS', message: '请求过于频繁' }) }), outcome: 'retryable', status: 'rate_limited' },
  { name: '500 INTERNAL_ERROR', answer: () => ({ status: 500, body: json({ code: 'INTERNAL_ERROR', message: '系统繁忙，请稍后再试' }) }), outcome: 'retryable', status: 'upstream_error' },
  { name: '503 from the front end', answer: () => ({ status: 503, type: 'text/plain', body: 'Service Unavailable' }), outcome: 'retryable', status: 'upstream_error' },
  { name: '200 that is not JSON', answer: () => ({ type: 'text/html', body: '<html>维护中</html>' }), outcome: 'fatal', status: 'invalid_response' },
  { name: '200 without a field', answer: () => ({ body: json({ ...student, grade: undefined }) }), outcome: 'fatal', status: 'invalid_response' },
  { name: '200 with a grade as text', answer: () => ({ body: json({ ...student, grade: '二年级' }) }), outcome: 'fatal', status: 'invalid_response' },
  { name: '200 larger than 1 MiB', answer: () => ({ body: json({ ...student, note: 'x'.repeat(1024 * 1024) }) }), outcome: 'fatal', status: 'invalid_response' },
];

t.test('student-status: every answer is classified, with a message free of personal data', async (t) => {
  for (const c of cases) {
    const bureau = await startFakeEdu(t, c.answer);
    const err = await upstreamError(() => studentStatus.fetch(clientFor(t, bureau.url), { idNumber: ID }, signal()));
    t.same({ outcome: err.outcome, status: err.status }, { outcome: c.outcome, status: c.status }, c.name);
    t.match(err.message, /^EDU students: /, `${c.name}: names the agency and operation`);
    t.notMatch(err.message, ID, `${c.name}: no ID number in the message`);
    t.notMatch(err.message, /[\u4e00-\u9fff]/, `${c.name}: not the bureau's own message text`);
  }
});

t.test('404 STUDENT_NOT_FOUND is not_found; 200 is the record; the request is what the protocol says', async (t) => {
  const missing = await startFakeEdu(t, () => ({ status: 404, body: json({ code: 'STUDENT_NOT_FOUND', message: '未查询到该学生的学籍信息' }) }));
  t.same(await studentStatus.fetch(clientFor(t, missing.url), { idNumber: ID }, signal()), { outcome: 'not_found' });

  const found = await startFakeEdu(t, () => ({ body: json({ ...student, extra: 'fields the bureau adds later are tolerated' }) }));
  const answer = await studentStatus.fetch(clientFor(t, found.url, { basePath: '/gw/edu', token: 'a-token-of-sixteen-chars' }), { idNumber: ID }, signal());
  t.equal(answer.outcome, 'ok');
  t.same(found.paths, [`/gw/edu/api/v1/students/${ID}`], 'GET under the base path');
  t.equal(found.headers[0]!.authorization, 'Bearer a-token-of-sixteen-chars');
});

t.test('school-district: an answer about another door is refused; 404 is never "no zone"', async (t) => {
  const input = { district: '370202', street: '福州南路', number: '88' };
  const other = await startFakeEdu(t, () => ({ body: json({ address: '市南区福州南路86号', schools: [] }) }));
  const err = await upstreamError(() => schoolDistrict.fetch(clientFor(t, other.url), input, signal()));
  t.same({ outcome: err.outcome, status: err.status }, { outcome: 'fatal', status: 'invalid_response' }, 'another number');
  t.notMatch(err.message, /福州南路|86|88/, 'no address in the message');

  const otherDistrict = await startFakeEdu(t, () => ({ body: json({ address: '市北区福州南路88号', schools: [] }) }));
  t.equal((await upstreamError(() => schoolDistrict.fetch(clientFor(t, otherDistrict.url), input, signal()))).status, 'invalid_response', 'another district');

  const plain = await startFakeEdu(t, () => ({ body: json({ address: '福州南路 88号', schools: [] }) }));
  t.same(await schoolDistrict.fetch(clientFor(t, plain.url), input, signal()), { outcome: 'ok', data: { address: '福州南路 88号', schools: [] } }, 'the door written without district, with a space');
  t.match(plain.paths[0], /^\/api\/v1\/zones\?district=370202&street=%E7%A6%8F%E5%B7%9E%E5%8D%97%E8%B7%AF&number=88$/, 'the query percent-encoded');

  const notFound = await startFakeEdu(t, () => ({ status: 404, body: json({ code: 'STUDENT_NOT_FOUND', message: 'x' }) }));
  const err404 = await upstreamError(() => schoolDistrict.fetch(clientFor(t, notFound.url), input, signal()));
  t.same({ outcome: err404.outcome, status: err404.status }, { outcome: 'fatal', status: 'upstream_error' },
    'a 404 from the zoning service is the kit\'s 404, whatever its body: a door in no zone is 200 with no schools');
});

t.test('a refused connection is a retryable upstream_error', async (t) => {
  const bureau = await startFakeEdu(t, () => ({ body: '' }));
  const err = await upstreamError(() => studentStatus.fetch(clientFor(t, bureau.url.replace(/:\d+$/, ':1')), { idNumber: ID }, signal()));
  t.same({ outcome: err.outcome, status: err.status }, { outcome: 'retryable', status: 'upstream_error' });
});
