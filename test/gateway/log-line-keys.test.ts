/**
 * Issue 5 §9: no log line carries a key twice (PSB's debug line had the process's
 * `service` and the registry service's). A whole run at debug level (answers, refusals,
 * a failing registry, a breaker opening) is checked line by line.
 */
import t from 'tap';
import { duplicateKeys } from '../helpers/json-keys.js';
import { family, startTestGateway } from '../helpers/gateway.js';

t.test('the duplicate-key finder finds duplicates', async (t) => {
  t.same(duplicateKeys('{"a":1,"b":{"c":[1,{"d":"x\\"}","d":2}]},"a":3}'), ['/b/c/1/d', '/a']);
  t.same(duplicateKeys('{"a":"{\\"a\\":1}","b":[],"c":{}}'), []);
});

t.test('every log line of a run at debug level has each key once', async (t) => {
  const gw = await startTestGateway(t, { overrides: { logLevel: 'debug', connectors: { volumeThreshold: 2, errorThresholdPercentage: 10 } } });
  const fam = family(gw.population, 'house-hukou-match');
  const subjects = Object.values(fam).map((p) => ({ ref: p.ref, idNumber: p.idNumber, name: p.name }));
  const facts = Object.fromEntries(subjects.map((s) => [s.ref, ['identity', 'hukou', 'household', 'hukouMoves', 'residencePermit', 'properties']]));
  t.equal((await gw.post('/v1/verifications', { purpose: 'enrollment.primary', subjects, facts })).status, 200);
  t.equal((await gw.post('/v1/verifications', { purpose: 'enrollment.primary', subjects, facts })).status, 200, 'again, from cache');
  t.equal((await gw.post('/v1/verifications', { purpose: 'x', subjects: [] })).status, 400);
  t.equal((await gw.get('/v1/nothing?x=1')).status, 404);
  t.equal((await gw.get('/healthz')).status, 200);
  await gw.gateway.mocks.get('psb')!.close();
  const other = Object.values(family(gw.population, 'migrant-lease-permit')).map((p) => ({ ref: p.ref, idNumber: p.idNumber, name: p.name }));
  const failing = await gw.post('/v1/verifications', { purpose: 'enrollment.primary', subjects: other, facts: Object.fromEntries(other.map((s) => [s.ref, ['identity', 'hukouMoves']])) });
  t.equal(failing.body.status, 'partial');

  const lines = gw.logText().split('\n');
  const messages = new Set(lines.map((l) => (JSON.parse(l) as { msg: string }).msg));
  for (const m of ['psb answer', 'nrp answer', 'connector call', 'connector call failed', 'circuit opened', 'request completed', 'request refused']) {
    t.ok(messages.has(m), `the run logged '${m}'`);
  }
  const bad = lines.map((l) => ({ l, dups: duplicateKeys(l) })).filter((x) => x.dups.length > 0);
  t.same(bad.map((x) => `${(JSON.parse(x.l) as { msg: string }).msg}: ${x.dups.join(', ')}`), [], `${lines.length} lines, none with a key twice`);
});
