import t from 'tap';
import { addYears, yearMonth } from '../../mocks/population/dates.js';
import type { Population } from '../../schemas/population.js';
import { covers, samples } from './fixtures/populations.js';

/** Dates of things that happened: none may lie after asOf. (Validity ends may.) */
function eventDates(pop: Population): [string, string][] {
  const out: [string, string][] = [];
  const add = (what: string, d: string | null | undefined) => { if (d) out.push([what, d]); };
  pop.persons.forEach((p) => { add('birthDate', p.birthDate); add('deceasedOn', p.deceasedOn); });
  pop.households.forEach((h) => h.members.forEach((m) => add('member since', m.since)));
  pop.hukouMoves.forEach((m) => add('move date', m.date));
  pop.residencePermits.forEach((r) => add('permit issuedOn', r.issuedOn));
  pop.properties.forEach((p) => { add('registeredOn', p.registeredOn); p.restrictions.forEach((r) => add('restriction registeredOn', r.registeredOn)); });
  pop.saleContracts.forEach((c) => add('filedOn', c.filedOn));
  pop.leases.forEach((l) => add('lease startOn', l.startOn));
  pop.employment.forEach((e) => { add('employment since', e.since); add('employment until', e.until); });
  pop.enterprises.forEach((e) => add('establishedOn', e.establishedOn));
  pop.marriages.forEach((m) => { add('married', m.registeredOn); add('divorced', m.divorcedOn); });
  pop.assistance.forEach((a) => add('assistance since', a.since));
  pop.births.forEach((b) => add('birth', b.birthDate));
  return out;
}

t.test('no event lies after asOf, and validity mostly covers asOf', async (t) => {
  for (const { label, pop } of samples()) {
    const late = eventDates(pop).filter(([, d]) => d > pop.asOf).map(([what]) => what);
    t.same(late, [], `${label}: no event after ${pop.asOf}`);
    const month = yearMonth(pop.asOf);
    t.ok(pop.insurance.every((r) => r.periods.every((p) => p.from <= p.to && p.to <= month)), `${label}: insurance up to asOf at most`);
    const current = pop.employment.filter((e) => e.until === null);
    t.ok(current.every((e) => pop.insurance.some((r) => r.idNumber === e.idNumber && r.periods.some((p) => p.employerCreditCode === e.employerCreditCode && p.to === month))),
      `${label}: the currently employed are insured up to asOf`);
    const validPermits = pop.residencePermits.filter((r) => covers(r.issuedOn, r.validUntil, pop.asOf)).length;
    t.ok(validPermits > pop.residencePermits.length / 2, `${label}: most residence permits valid (${validPermits}/${pop.residencePermits.length})`);
    const validAid = pop.assistance.filter((a) => covers(a.since, a.validUntil, pop.asOf)).length;
    t.ok(validAid > pop.assistance.length / 2, `${label}: most assistance valid (${validAid}/${pop.assistance.length})`);
    t.ok(pop.leases.every((l) => l.startOn <= l.endOn), `${label}: leases end after they start`);
    t.ok(pop.residencePermits.every((r) => r.issuedOn < r.validUntil), `${label}: permits expire after issue`);
  }
});

t.test('life events happen at plausible ages', async (t) => {
  for (const { label, pop } of samples()) {
    const born = new Map(pop.persons.map((p) => [p.idNumber, p.birthDate]));
    const marriedYoung = pop.marriages.filter((m) => m.spouses.some((s) => m.registeredOn < addYears(born.get(s)!, 20)));
    t.equal(marriedYoung.length, 0, `${label}: nobody married before 20`);
    const youngParents = pop.births.filter((b) => b.birthDate < addYears(born.get(b.motherIdNumber)!, 18));
    t.equal(youngParents.length, 0, `${label}: no mother under 18`);
    const youngWorkers = pop.employment.filter((e) => e.since < addYears(born.get(e.idNumber)!, 18));
    t.equal(youngWorkers.length, 0, `${label}: nobody employed under 18`);
    const youngOwners = pop.properties.filter((p) => p.owners.some((o) => p.registeredOn < addYears(born.get(o.idNumber)!, 18)));
    t.equal(youngOwners.length, 0, `${label}: no property owner under 18`);
  }
});
