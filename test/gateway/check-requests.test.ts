/**
 * Requests that name checks or a profile: each client mistake gets a 400 naming the field
 * and what was expected; the catalog and the profiles are listed for platforms.
 */
import t, { type Test } from 'tap';
import { family, startTestGateway, type TestGateway } from '../helpers/gateway.js';

let gw: TestGateway;
let f: ReturnType<typeof family>;
t.before(async () => {
  gw = await startTestGateway(t);
  f = family(gw.population, 'house-hukou-match');
});

const subjects = (roles = true) => [
  { ref: 'child', idNumber: f.child!.idNumber, name: f.child!.name, ...(roles ? { role: 'child' } : {}) },
  { ref: 'father', idNumber: f.father!.idNumber, name: f.father!.name, ...(roles ? { role: 'guardian' } : {}) },
];

async function refused(t: Test, body: Record<string, unknown>, path: string, message: RegExp) {
  const res = await gw.post('/v1/verifications', { purpose: 'enrollment.primary', subjects: subjects(), ...body });
  t.equal(res.status, 400, JSON.stringify(res.body));
  t.equal(res.body.error?.code, 'TONGBAN_ERR_VALIDATION');
  const detail = (res.body.error.details ?? []).find((d: { path: string }) => d.path === path);
  t.ok(detail, `a detail for ${path} in ${JSON.stringify(res.body.error.details)}`);
  t.match(detail?.message, message);
  t.notOk(JSON.stringify(res.body).includes(f.child!.idNumber.slice(0, 14)), 'the error does not repeat the ID number');
}

t.test('a request must name facts, checks or a profile', async (t) => {
  await refused(t, {}, '/', /facts, checks or a profile/);
});

t.test("a check's parameters are checked against its schema, with their paths", async (t) => {
  await refused(t, { checks: [{ type: 'socialInsurance.continuousMonths', subject: 'father', atLeast: '12' }], asOf: '2026-09-01' }, '/checks/0/atLeast', /must be integer/);
  await refused(t, { checks: [{ type: 'identity.matches' }] }, '/checks/0/subject', /is required/);
  // A ref is never an ID number: one sent in its place is refused without being repeated.
  await refused(t, { checks: [{ type: 'identity.matches', subject: f.child!.idNumber }] }, '/checks/0/subject', /must be a lower-case letter/);
  await refused(t, { checks: [{ type: 'identity.matches', id: `c${f.child!.idNumber}`, subject: 'child' }] }, '/checks/0/id', /at most three in a row/);
  await refused(t, { checks: [{ type: 'identity.matches', subject: 'child', extra: 1 }] }, '/checks/0/extra', /not a known field/);
  await refused(t, { checks: [{ type: 'identity.guess', subject: 'child' }] }, '/checks/0/type', /must be one of: identity.matches, relationship.parentChild/);
  await refused(t, { checks: [{ type: 'residence.hukouMatchesProperty', child: 'child', owners: ['father', 'uncle'] }] }, '/checks/0/owners/1', /no subject has ref 'uncle'/);
  await refused(t, { checks: [{ type: 'identity.matches', subject: 'child' }, { type: 'identity.matches', id: 'checks/0', subject: 'father' }] }, '/checks/1/id', /duplicates the id/);
});

t.test('a check that judges dates needs a reference date: never the clock', async (t) => {
  await refused(t, { checks: [{ type: 'residencePermit.validOn', subject: 'father' }] }, '/asOf', /required by check residencePermit.validOn/);
  await refused(t, { checks: [{ type: 'residencePermit.validOn', subject: 'father' }], asOf: '2026-02-30' }, '/asOf', /real calendar date/);
});

t.test('a profile: known, for the purpose, with one child, guardians and the school applied to', async (t) => {
  await refused(t, { profile: 'qingdao.primary.nowhere', schoolCode: '1370202101' }, '/profile', /is no configured profile; profiles: .*qingdao.primary.local/);
  await refused(t, { profile: 'qingdao.junior.local', schoolCode: '1370202201' }, '/purpose', /profile qingdao.junior.local is for purpose enrollment.junior/);
  await refused(t, { profile: 'qingdao.primary.local' }, '/schoolCode', /required by profile qingdao.primary.local/);
  const res = await gw.post('/v1/verifications', { purpose: 'enrollment.primary', profile: 'qingdao.primary.local', schoolCode: '1370202101', subjects: subjects(false) });
  t.equal(res.status, 400);
  t.match(res.body.error.details, [{ path: '/subjects', message: /exactly one subject with role child/ }, { path: '/subjects', message: /at least one subject with role guardian/ }]);
});

t.test('checks alone: facts are read for them, not returned', async (t) => {
  const res = await gw.post('/v1/verifications', {
    purpose: 'enrollment.primary', subjects: subjects(false), asOf: '2026-09-01',
    facts: { father: ['identity'] },
    checks: [{ type: 'identity.matches', id: 'who', subject: 'child' }, { type: 'residence.hukouMatchesProperty', child: 'child', owners: ['father'] }],
  });
  t.equal(res.status, 200, JSON.stringify(res.body));
  t.same(Object.keys(res.body.facts), ['father'], 'only the fact asked for is returned');
  t.same(Object.keys(res.body.facts.father), ['identity']);
  t.same(res.body.checks.map((c: { id: string }) => c.id), ['who', 'checks/1']);
  t.equal(res.body.checks[0].result, 'pass');
  t.same(res.body.checks[1].params, { child: 'child', owners: ['father'] });
  t.notOk('outcome' in res.body, 'no profile, no outcome');
  const read = new Set(res.body.sources.map((s: { connector: string }) => s.connector));
  t.ok(read.has('psb.hukou-person') && read.has('nrp.property-by-owner'), 'the checks’ facts were read');
});

t.test('GET /v1/checks lists the catalog; GET /v1/profiles the configured profiles', async (t) => {
  const checks = await gw.get('/v1/checks');
  t.equal(checks.status, 200);
  const types = checks.body.checks.map((c: { type: string }) => c.type);
  t.ok(types.includes('residence.hukouMatchesProperty') && types.includes('socialInsurance.continuousMonths'));
  const si = checks.body.checks.find((c: { type: string }) => c.type === 'socialInsurance.continuousMonths');
  t.equal(si.usesAsOf, true);
  t.same(si.params.required.sort(), ['atLeast', 'subject']);
  const profiles = await gw.get('/v1/profiles');
  t.equal(profiles.status, 200);
  const names = profiles.body.profiles.map((p: { name: string }) => p.name).sort();
  t.same(names, ['qingdao.junior.local', 'qingdao.primary.local', 'qingdao.primary.migrant', 'shinan.primary.local']);
  const shinan = profiles.body.profiles.find((p: { name: string }) => p.name === 'shinan.primary.local');
  const since = shinan.requirements.find((r: { id: string }) => r.id === 'hukouSince');
  t.equal(since.anyOf[0].checks[0].params.onOrBefore, '2024-08-31', 'the district tightens the city’s cut-off by a year');
  t.same(shinan.requirements.map((r: { id: string }) => r.id), ['identity', 'relationship', 'residence', 'hukouSince', 'zone'], 'the rest is the city’s');
});
