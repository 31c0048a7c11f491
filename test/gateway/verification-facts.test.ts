/**
 * The README's example, end to end: a child's hukou, household and identity, and the
 * parents' properties with their restrictions, from the PSB and NRP mocks over HTTP.
 */
import t from 'tap';
import { family, startTestGateway } from '../helpers/gateway.js';

t.test('a family is verified from both registries with provenance', async (t) => {
  const gw = await startTestGateway(t);
  const f = family(gw.population, 'house-hukou-match');
  const child = f.child!;
  const father = f.father!;
  const mother = f.mother!;
  const res = await gw.post('/v1/verifications', {
    purpose: 'enrollment.primary',
    reference: 'QD2026-PRI-000123',
    subjects: [
      { ref: 'child', idNumber: child.idNumber, name: child.name },
      { ref: 'father', idNumber: father.idNumber, name: father.name },
      { ref: 'mother', idNumber: mother.idNumber, name: mother.name },
    ],
    facts: { child: ['identity', 'hukou', 'household'], father: ['properties'], mother: ['properties'] },
  });
  t.equal(res.status, 200, JSON.stringify(res.body).slice(0, 500));
  const body = res.body;
  t.match(body.id, /^[0-9a-f-]{36}$/);
  t.equal(body.status, 'complete');
  t.equal(body.reference, 'QD2026-PRI-000123');

  const { identity, hukou, household } = body.facts.child;
  t.equal(identity.status, 'found');
  t.same(identity.value.nameMatches, true);
  t.equal(hukou.status, 'found');
  t.type(hukou.value.address, 'string');
  t.equal(household.status, 'found');
  t.equal(household.value.householdNumber, hukou.value.householdNumber, 'household follows from the hukou');
  t.ok(household.value.members.length >= 2, 'child and parents');
  t.notOk(JSON.stringify(household.value).includes(father.idNumber), 'member ID numbers are masked');

  for (const fact of [identity, hukou, household]) {
    t.ok(fact.provenance.length >= 1);
    for (const p of fact.provenance) {
      t.equal(p.agency, 'psb');
      t.match(p.connector, /^psb\./);
      t.ok(['miss', 'coalesced', 'hit'].includes(p.cache));
      t.type(p.latencyMs, 'number');
      t.ok(!Number.isNaN(Date.parse(p.fetchedAt)));
    }
  }
  t.same(household.provenance.map((p: { connector: string }) => p.connector), ['psb.hukou-person', 'psb.hukou-household'], 'a dependent call');

  const owned = [body.facts.father.properties, body.facts.mother.properties].filter((p) => p.status === 'found');
  t.ok(owned.length >= 1, 'a parent owns the family home');
  for (const props of owned) {
    t.ok(props.value.length >= 1);
    for (const p of props.value) {
      t.match(p.certificateNumber, /不动产权第\d+号$/);
      t.ok(Array.isArray(p.restrictions), 'restrictions looked up for every certificate');
    }
    t.ok(props.provenance.some((p: { connector: string }) => p.connector === 'nrp.property-by-owner'));
    t.ok(props.provenance.some((p: { connector: string }) => p.connector === 'nrp.property-restrictions'));
  }

  // One entry per upstream call: the child's hukou-person call serves hukou and household.
  const personCalls = body.sources.filter((s: { connector: string; subjects: string[] }) => s.connector === 'psb.hukou-person');
  t.equal(personCalls.length, 1);
  t.same(personCalls[0].subjects, ['child']);
  for (const s of body.sources) t.ok(['ok', 'not_found'].includes(s.status), `${s.connector} ${s.status}`);
  t.same(body.checks, []);
});

t.test('the same question again is answered from the cache', async (t) => {
  const gw = await startTestGateway(t);
  const child = family(gw.population, 'house-hukou-match').child!;
  const req = { purpose: 'enrollment.primary', subjects: [{ ref: 'child', idNumber: child.idNumber, name: child.name }], facts: { child: ['hukou'] } };
  const first = await gw.post('/v1/verifications', req);
  const second = await gw.post('/v1/verifications', req);
  t.equal(first.body.facts.child.hukou.provenance[0].cache, 'miss');
  t.equal(second.body.facts.child.hukou.provenance[0].cache, 'hit');
  t.same(second.body.facts.child.hukou.value, first.body.facts.child.hukou.value);
  t.equal(second.body.facts.child.hukou.provenance[0].fetchedAt, first.body.facts.child.hukou.provenance[0].fetchedAt, 'fetchedAt is when the agency answered');
  t.not(second.body.id, first.body.id);
});

t.test('an unknown person is not found everywhere, and the answer is still complete', async (t) => {
  const gw = await startTestGateway(t);
  const nobody = Object.values(family(gw.population, 'unknown-person'))[0]!;
  const res = await gw.post('/v1/verifications', {
    purpose: 'enrollment.primary',
    subjects: [{ ref: 'guardian', idNumber: nobody.idNumber, name: nobody.name }],
    facts: { guardian: ['identity', 'hukou', 'household', 'hukouMoves', 'residencePermit', 'properties'] },
  });
  t.equal(res.status, 200);
  t.equal(res.body.status, 'complete');
  for (const [name, fact] of Object.entries(res.body.facts.guardian as Record<string, { status: string; value?: unknown }>)) {
    t.equal(fact.status, 'not_found', name);
    t.notOk('value' in fact, name);
  }
});

t.test('a property is looked up by its certificate number', async (t) => {
  const gw = await startTestGateway(t);
  const asOf = gw.population.asOf;
  const seized = gw.population.properties.find((p) => p.restrictions.some((r) => r.kind === 'seizure' && r.registeredOn <= asOf && (r.until === null || r.until >= asOf)))!;
  // Platforms type certificate numbers with full-width brackets and spaces.
  const typed = seized.certificateNumber.replace('(', '（').replace(')', '）').replace('第', ' 第');
  const res = await gw.post('/v1/verifications', {
    purpose: 'enrollment.primary',
    subjects: [{ ref: 'home', certificateNumber: typed }],
    facts: { home: ['properties'] },
  });
  t.equal(res.status, 200, JSON.stringify(res.body));
  const props = res.body.facts.home.properties;
  t.equal(props.status, 'found');
  t.equal(props.value.length, 1);
  t.equal(props.value[0].certificateNumber, seized.certificateNumber);
  t.ok(props.value[0].restrictions.some((r: { kind: string }) => r.kind === 'seizure'));
  t.same(props.provenance.map((p: { connector: string }) => p.connector), ['nrp.property-certificate', 'nrp.property-restrictions']);
});
