/** Each kind of client mistake gets a 400 (or 413/415) that names the field and what was expected. */
import t, { type Test } from 'tap';
import { makeIdNumber } from '../../src/domain/id-number.js';
import { family, startTestGateway, type TestGateway } from '../helpers/gateway.js';

let gw: TestGateway;
let child: { idNumber: string; name: string };
t.before(async () => {
  gw = await startTestGateway(t);
  child = family(gw.population, 'house-hukou-match').child!;
});

function request(over: Record<string, unknown> = {}, subject: Record<string, unknown> = {}) {
  return {
    purpose: 'enrollment.primary',
    subjects: [{ ref: 'child', idNumber: child.idNumber, name: child.name, ...subject }],
    facts: { child: ['hukou'] },
    ...over,
  };
}

async function refused(t: Test, body: unknown, path: string, message: RegExp, status = 400, code = 'TONGBAN_ERR_VALIDATION') {
  const res = await gw.post('/v1/verifications', body);
  t.equal(res.status, status, JSON.stringify(res.body));
  t.equal(res.body.error?.code, code);
  t.type(res.body.requestId, 'string');
  if (path) {
    const detail = (res.body.error.details ?? []).find((d: { path: string }) => d.path === path);
    t.ok(detail, `a detail for ${path} in ${JSON.stringify(res.body.error.details)}`);
    t.match(detail?.message, message);
  }
  t.notOk(JSON.stringify(res.body).includes(child.idNumber.slice(0, 14)), 'the error does not repeat the ID number');
  return res;
}

t.test('malformed JSON', async (t) => {
  await refused(t, '{"purpose": "enrollment.primary", "subjects": [', '', /./, 400, 'TONGBAN_ERR_MALFORMED_JSON');
});

t.test('an ID number sent as a JSON number is refused, not rounded', async (t) => {
  const body = JSON.stringify(request()).replace(`"${child.idNumber}"`, child.idNumber.replace(/X$/, '1'));
  await refused(t, body, '/subjects/0/idNumber', /must be a string/);
});

t.test('a bad check digit', async (t) => {
  const last = child.idNumber.at(-1) === '0' ? '1' : '0';
  await refused(t, request({}, { idNumber: child.idNumber.slice(0, 17) + last }), '/subjects/0/idNumber', /\(check\)/);
});

t.test('an impossible birth date', async (t) => {
  await refused(t, request({}, { idNumber: makeIdNumber('370202', '20190230', 11) }), '/subjects/0/idNumber', /\(date\)/);
});

t.test('a wrong length and a bad region', async (t) => {
  await refused(t, request({}, { idNumber: child.idNumber.slice(0, 17) }), '/subjects/0/idNumber', /\(length\)/);
  await refused(t, request({}, { idNumber: makeIdNumber('990202', '20190228', 11) }), '/subjects/0/idNumber', /\(region\)/);
});

t.test('an unknown field, at the top and in a subject', async (t) => {
  await refused(t, request({ priority: 'high' }), '/priority', /not a known field/);
  await refused(t, request({}, { age: 6 }), '/subjects/0/age', /not a known field/);
});

t.test('a field of the wrong form is told the form expected', async (t) => {
  await refused(t, request({ purpose: 'Enrollment Primary' }), '/purpose', /must be lower-case words joined by dots, e.g. enrollment.primary/);
  await refused(t, request({ facts: { Child: ['hukou'] } }, { ref: 'Child' }), '/subjects/0/ref', /must be a lower-case letter, then/);
});

t.test('an unknown fact', async (t) => {
  await refused(t, request({ facts: { child: ['horoscope'] } }), '/facts/child/0', /must be one of: .*hukou/);
});

t.test('a fact that does not apply to the subject', async (t) => {
  await refused(t, {
    purpose: 'enrollment.primary',
    subjects: [{ ref: 'home', certificateNumber: '鲁(2021)青岛市不动产权第0012345号' }],
    facts: { home: ['hukou'] },
  }, '/facts/home/0', /not a fact about a property/);
});

t.test('facts about a subject that is not there', async (t) => {
  await refused(t, request({ facts: { mother: ['hukou'] } }), '/facts/mother', /no subject has ref 'mother'/);
});

t.test('too many subjects', async (t) => {
  const subjects = Array.from({ length: 9 }, (_, i) => ({ ref: `p${i}`, idNumber: makeIdNumber('370202', '19800101', i * 2 + 1), name: '张三' }));
  await refused(t, { purpose: 'enrollment.primary', subjects, facts: { p0: ['hukou'] } }, '/subjects', /must NOT have more than 8 items/);
});

t.test('missing fields and a half person', async (t) => {
  await refused(t, { subjects: request().subjects, facts: request().facts }, '/purpose', /is required/);
  await refused(t, request({ subjects: [{ ref: 'child', idNumber: child.idNumber }] }), '/subjects/0/name', /required for a person/);
});

t.test('the same person twice and a duplicated ref', async (t) => {
  await refused(t, request({ subjects: [
    { ref: 'child', idNumber: child.idNumber, name: child.name },
    { ref: 'again', idNumber: child.idNumber.toLowerCase(), name: child.name },
  ] }), '/subjects/1/idNumber', /same person as \/subjects\/0/);
  await refused(t, request({ subjects: [
    { ref: 'child', idNumber: child.idNumber, name: child.name },
    { ref: 'child', idNumber: makeIdNumber('370202', '19800101', 3), name: '李四' },
  ] }), '/subjects/1/ref', /duplicates/);
});

t.test('wrong content type and an oversized body', async (t) => {
  const res = await gw.post('/v1/verifications', 'purpose=enrollment', { 'content-type': 'application/x-www-form-urlencoded' });
  t.equal(res.status, 415);
  t.equal(res.body.error.code, 'TONGBAN_ERR_UNSUPPORTED_MEDIA_TYPE');
  const big = await gw.post('/v1/verifications', { ...request(), reference: 'x'.repeat(70_000) });
  t.equal(big.status, 413);
  t.equal(big.body.error.code, 'TONGBAN_ERR_BODY_TOO_LARGE');
});

t.test('a lower-case x and full-width digits are accepted', async (t) => {
  const withX = gw.population.persons.find((p) => p.idNumber.endsWith('X'));
  t.ok(withX, 'the population has an ID number ending in X');
  const fullWidth = withX!.idNumber.toLowerCase().replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
  const res = await gw.post('/v1/verifications', request({}, { idNumber: fullWidth, name: withX!.name }));
  t.equal(res.status, 200, JSON.stringify(res.body));
  t.equal(res.body.facts.child.hukou.status === 'found' || res.body.facts.child.hukou.status === 'not_found', true);
});

t.test('an unknown endpoint', async (t) => {
  const res = await gw.get('/v1/nothing');
  t.equal(res.status, 404);
  t.equal(res.body.error.code, 'TONGBAN_ERR_NOT_FOUND');
});
