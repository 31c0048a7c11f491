/**
 * Issue 5 §10: the rules the registries apply, proved over a generated population (not a
 * hand-written fixture), end to end through the gateway and the mocks:
 *  - NRP answers a certificate's current restrictions only (ended ones are not in force);
 *  - PSB answers a person's latest residence permit only (renewals leave earlier ones);
 *  - every person has a hukou history beginning with a birth registration, the deceased too.
 */
import t from 'tap';
import { generatePopulation } from '../../mocks/population/generator.js';
import { psbAddress } from '../../mocks/psb/render.js';
import { parseAddress } from '../../src/domain/address.js';
import type { Person, Property } from '../../schemas/population.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';

const pop = generatePopulation({ seed: 20260901, households: 300, asOf: '2026-09-01' });
const inForce = (r: Property['restrictions'][number]) => r.registeredOn <= pop.asOf && (r.until === null || r.until >= pop.asOf);

function chunks<T>(items: T[], size = 8): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

async function ask(gw: TestGateway, subjects: Array<Record<string, string>>, facts: string[]) {
  const res = await gw.post('/v1/verifications', {
    purpose: 'enrollment.primary',
    subjects,
    facts: Object.fromEntries(subjects.map((s) => [s.ref, facts])),
  });
  if (res.status !== 200 || res.body.status !== 'complete') throw new Error(`unexpected answer: ${JSON.stringify(res.body).slice(0, 400)}`);
  return res.body;
}

const asPerson = (p: Person, i: number) => ({ ref: `p${i}`, idNumber: p.idNumber, name: p.name });

t.test('the generated population holds what the rules are about', async (t) => {
  const restrictions = pop.properties.flatMap((p) => p.restrictions);
  for (const kind of ['mortgage', 'seizure', 'sale_restriction', 'objection'] as const) {
    t.ok(restrictions.some((r) => r.kind === kind && inForce(r)), `a ${kind} in force`);
    t.ok(restrictions.some((r) => r.kind === kind && !inForce(r)), `a ${kind} that has ended`);
  }
  const permits = new Map<string, number>();
  for (const r of pop.residencePermits) permits.set(r.idNumber, (permits.get(r.idNumber) ?? 0) + 1);
  t.ok([...permits.values()].filter((n) => n >= 2).length >= 10, 'persons with renewed permits');
  t.ok(pop.persons.filter((p) => p.deceasedOn).length >= 3, 'deceased persons');
});

t.test('NRP: only restrictions in force are answered', async (t) => {
  const gw = await startTestGateway(t, { population: pop });
  const restricted = pop.properties.filter((p) => p.restrictions.length > 0);
  let ended = 0;
  for (const batch of chunks(restricted)) {
    const subjects = batch.map((p, i) => ({ ref: `c${i}`, certificateNumber: p.certificateNumber }));
    const body = await ask(gw, subjects, ['properties']);
    batch.forEach((p, i) => {
      const got = body.facts[`c${i}`].properties.value[0].restrictions as Array<{ kind: string; registeredOn: string; until: string | null; authority: string }>;
      const want = p.restrictions.filter(inForce).map((r) => ({ kind: r.kind, registeredOn: r.registeredOn, until: r.until, authority: r.authority }));
      ended += p.restrictions.length - want.length;
      t.same(got, want, `certificate ${i}: ${want.length} in force of ${p.restrictions.length}`);
    });
  }
  t.ok(ended >= 10, `${ended} ended restrictions were left out`);
});

t.test('PSB: the latest residence permit is answered', async (t) => {
  const gw = await startTestGateway(t, { population: pop });
  const byPerson = new Map<string, typeof pop.residencePermits>();
  for (const r of pop.residencePermits) byPerson.set(r.idNumber, [...(byPerson.get(r.idNumber) ?? []), r]);
  const renewed = [...byPerson.entries()].filter(([, list]) => list.length >= 2);
  for (const batch of chunks(renewed)) {
    const subjects = batch.map(([id], i) => asPerson(pop.persons.find((p) => p.idNumber === id)!, i));
    const body = await ask(gw, subjects, ['residencePermit']);
    batch.forEach(([, list], i) => {
      const latest = list.reduce((a, b) => (b.issuedOn > a.issuedOn ? b : a));
      const got = body.facts[`p${i}`].residencePermit.value;
      t.same(got, { permitNumber: latest.number, address: psbAddress(latest.address), addressNormalized: parseAddress(psbAddress(latest.address)), issuedOn: latest.issuedOn, validUntil: latest.validUntil, authority: latest.authority },
        `person ${i}: the latest of ${list.length} permits`);
    });
  }
});

t.test('PSB: every hukou history begins with a birth registration, the deceased included', async (t) => {
  const gw = await startTestGateway(t, { population: pop });
  const deceased = pop.persons.filter((p) => p.deceasedOn);
  const sample = [...deceased, ...pop.persons.filter((p) => !p.deceasedOn).slice(0, 16)];
  for (const batch of chunks(sample)) {
    const body = await ask(gw, batch.map(asPerson), ['hukouMoves', 'identity']);
    batch.forEach((p, i) => {
      const moves = body.facts[`p${i}`].hukouMoves;
      t.equal(moves.status, 'found', `person ${i}: a hukou history`);
      t.equal(moves.value[0]?.kind, 'birth', `person ${i}: begins with the birth registration`);
      t.equal(moves.value[0]?.from, null);
      t.equal(body.facts[`p${i}`].identity.value.alive, p.deceasedOn === undefined, `person ${i}: alive is right`);
    });
  }
});
