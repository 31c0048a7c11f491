/**
 * The log of a whole run (good requests, refused ones, failing sources) holds no ID
 * number and no name from the requests, and every request line carries a request id.
 */
import t from 'tap';
import { family, startTestGateway } from '../helpers/gateway.js';

t.test('no ID number or name reaches the log', async (t) => {
  const gw = await startTestGateway(t);
  const people = [
    ...Object.values(family(gw.population, 'house-hukou-match')),
    ...Object.values(family(gw.population, 'migrant-lease-permit')),
    ...Object.values(family(gw.population, 'unknown-person')),
    ...Object.values(family(gw.population, 'name-mismatch')),
  ];
  const fresh = Object.values(family(gw.population, 'house-hukou-match', 1));
  people.push(...fresh);
  const subjects = people.slice(0, 8).map((p, i) => ({ ref: `s${i}`, idNumber: p.idNumber, name: p.name }));
  const facts = Object.fromEntries(subjects.map((s) => [s.ref, ['identity', 'hukou', 'household', 'hukouMoves', 'residencePermit', 'properties']]));

  const ok = await gw.post('/v1/verifications', { purpose: 'enrollment.primary', subjects, facts }, { 'x-request-id': 'trace-abc-123' });
  t.equal(ok.status, 200);
  t.equal(ok.headers['x-request-id'], 'trace-abc-123');
  // Refused requests log their problems too.
  await gw.post('/v1/verifications', { purpose: 'enrollment.primary', subjects: [{ ...subjects[0], idNumber: subjects[0]!.idNumber.slice(0, 17) + 'Z' }], facts: { s0: ['hukou'] } });
  await gw.post('/v1/verifications', `{"purpose":"x","subjects":[{"ref":"a","idNumber":"${subjects[1]!.idNumber}"`);
  // Hostile keys: an ID number as a facts key, ID numbers and names as unknown field names.
  const victim = subjects[2]!;
  const hostile = [
    { purpose: 'enrollment.primary', subjects: [subjects[0]], facts: { [victim.idNumber]: ['hukou'] } },
    { purpose: 'enrollment.primary', subjects: [{ ...subjects[0], [victim.idNumber]: 1 }], facts: { s0: ['hukou'] } },
    { purpose: 'enrollment.primary', subjects: [subjects[0]], facts: { s0: ['hukou'] }, [victim.name]: victim.idNumber },
    { purpose: 'enrollment.primary', subjects: [subjects[0]], facts: { s0: ['hukou'], [`x${victim.idNumber}`]: ['hukou'] } },
  ];
  for (const body of hostile) {
    const res = await gw.post('/v1/verifications', body);
    t.equal(res.status, 400);
    t.notOk(JSON.stringify(res.body).includes(victim.idNumber), 'the error does not echo an ID number used as a key');
    t.notOk(JSON.stringify(res.body).includes(victim.name), 'the error does not echo a name used as a key');
  }
  // Profile requests and checks, decided and refused (an ID number where a ref belongs).
  const applicants = family(gw.population, 'seized-property');
  const roles = Object.values(applicants).map((p) => ({ ref: p.ref, idNumber: p.idNumber, name: p.name, role: p.ref === 'child' ? 'child' : 'guardian' }));
  people.push(...Object.values(applicants));
  const school = gw.population.scenarios.find((s) => s.family === 'seized-property')!.schoolCode;
  const judged = await gw.post('/v1/verifications', { purpose: 'enrollment.primary', profile: 'qingdao.primary.local', schoolCode: school, subjects: roles });
  t.equal(judged.body.outcome, 'review');
  const byCheck = await gw.post('/v1/verifications', { purpose: 'enrollment.primary', subjects: [subjects[0]], checks: [{ type: 'identity.matches', subject: victim.idNumber }] });
  t.equal(byCheck.status, 400);
  t.notOk(JSON.stringify(byCheck.body).includes(victim.idNumber), 'the error does not echo an ID number sent as a ref');
  // A request id that could be an ID number is replaced, not logged.
  const chosen = await gw.post('/v1/verifications', { purpose: 'enrollment.primary', subjects: [subjects[0]], facts: { s0: ['identity'] } }, { 'x-request-id': victim.idNumber.replace('X', '9') });
  t.equal(chosen.status, 200);
  t.not(chosen.headers['x-request-id'], victim.idNumber.replace('X', '9'), 'an ID number is not taken as a request id');
  // Query strings and paths: an ID number and a name, raw and percent-encoded.
  const encodedName = encodeURIComponent(victim.name);
  for (const path of [
    `/v1/verifications?idNumber=${victim.idNumber}&name=${encodedName}`,
    `/v1/people/${victim.idNumber}`,
    `/v1/people/${encodedName}?q=${victim.idNumber}`,
    `/healthz?who=${victim.idNumber}`,
  ]) {
    const res = path.startsWith('/v1/verifications')
      ? await gw.post(path, { purpose: 'enrollment.primary', subjects: [subjects[0]], facts: { s0: ['identity'] } })
      : await gw.get(path);
    t.ok(res.status < 500, `${path.split('?')[0]} answered`);
    t.notOk(JSON.stringify(res.body).includes(victim.idNumber), 'the answer does not reflect the URL');
  }
  // Failing sources log their failures.
  await gw.gateway.mocks.get('psb')!.close();
  const partial = await gw.post('/v1/verifications', {
    purpose: 'enrollment.primary',
    subjects: fresh.map((p, i) => ({ ref: `f${i}`, idNumber: p.idNumber, name: p.name })),
    facts: { f0: ['hukouMoves', 'identity'] },
  });
  t.equal(partial.body.status, 'partial');

  const text = gw.logText();
  t.ok(text.length > 0);
  t.match(text, /connector call failed/, 'the failures were logged');
  t.match(text, /request refused/, 'the refusals were logged');
  t.notOk(text.includes(encodeURIComponent(victim.name)), 'the percent-encoded name is absent');
  t.notOk(text.includes(encodeURIComponent(victim.name).toLowerCase()), 'the percent-encoded name is absent (lower case)');
  const completed = gw.logs().filter((l) => l.msg === 'request completed');
  t.ok(completed.length >= 10, 'one line per request');
  t.ok(completed.every((l) => typeof l.url === 'string' && !String(l.url).includes('=')), 'no query string is logged');
  for (const p of people) {
    t.notOk(text.includes(p.idNumber), `ID number of ${p.ref} absent`);
    t.notOk(text.includes(p.idNumber.slice(0, 17)), `ID number stem of ${p.ref} absent`);
    t.notOk(text.includes(p.name), `name of ${p.ref} absent`);
    if (p.registeredName) t.notOk(text.includes(p.registeredName), `registered name of ${p.ref} absent`);
  }
  const requestLines = gw.logs().filter((l) => l.msg === 'request completed' && typeof l.verification === 'string');
  t.ok(requestLines.length >= 2, 'an answered verification is on its request line');
  t.ok(requestLines.some((l) => l.reqId === 'trace-abc-123'));
  t.ok(requestLines.some((l) => l.outcome === 'partial' && Array.isArray(l.failed) && (l.failed as string[]).every((f) => /^[a-z]+\.[a-z-]+:[a-z_]+$/.test(f))),
    'a partial answer names its failed sources on that line');
  const failures = gw.logs().filter((l) => l.msg === 'connector call failed');
  t.ok(failures.length >= 1 && failures.every((l) => typeof l.reqId === 'string' && typeof l.connector === 'string' && l.status === 'upstream_error'),
    'a failed call is logged with its request id, connector and status');
});
