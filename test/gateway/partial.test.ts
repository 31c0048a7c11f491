/** A registry that goes away mid-test makes answers partial; the other registry's facts stay intact. */
import t from 'tap';
import { family, startTestGateway } from '../helpers/gateway.js';

t.test('stopping the NRP mock gives a partial answer naming the failed sources', async (t) => {
  const gw = await startTestGateway(t);
  const f = family(gw.population, 'house-hukou-match');
  const subjects = [
    { ref: 'child', idNumber: f.child!.idNumber, name: f.child!.name },
    { ref: 'father', idNumber: f.father!.idNumber, name: f.father!.name },
  ];
  const facts = { child: ['hukou', 'identity'], father: ['properties', 'hukou'] };

  const before = await gw.post('/v1/verifications', { purpose: 'enrollment.primary', subjects, facts });
  t.equal(before.body.status, 'complete');

  await gw.gateway.mocks.get('nrp')!.close();
  // A person the cache has not seen, so the call really goes to the stopped registry.
  const mother = f.mother!;
  const after = await gw.post('/v1/verifications', {
    purpose: 'enrollment.primary',
    subjects: [...subjects, { ref: 'mother', idNumber: mother.idNumber, name: mother.name }],
    facts: { ...facts, mother: ['properties', 'hukou'] },
  });
  t.equal(after.status, 200, 'a failing registry never fails the request');
  const body = after.body;
  t.equal(body.status, 'partial');
  t.equal(body.facts.mother.properties.status, 'unavailable');
  t.notOk('value' in body.facts.mother.properties);
  const failed = body.sources.filter((s: { status: string }) => s.status !== 'ok' && s.status !== 'not_found');
  t.ok(failed.length >= 1);
  for (const s of failed) {
    t.equal(s.agency, 'nrp');
    t.equal(s.status, 'upstream_error');
    t.match(s.message, /connection failed|ECONNREFUSED/);
  }
  t.ok(failed.some((s: { connector: string; subjects: string[] }) => s.connector === 'nrp.property-by-owner' && s.subjects.includes('mother')));

  // The PSB facts are whole, and so is what the cache still held from before.
  t.equal(body.facts.child.hukou.status, 'found');
  t.equal(body.facts.child.identity.status, 'found');
  t.equal(body.facts.mother.hukou.status, 'found');
  t.same(body.facts.father.properties.value, before.body.facts.father.properties.value);
  t.equal(body.facts.father.properties.provenance[0].cache, 'hit');
});
