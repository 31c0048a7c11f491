/**
 * Through the whole gateway (EDU added to the registered agencies, every mock over HTTP):
 * every EDU fact about the members of every scenario family, and about their homes by
 * certificate, equals what the population says. A house-hukou-match child's schoolDistrict
 * lists exactly the schools whose zone covers the household's address.
 */
import t from 'tap';
import { location } from '../../mocks/nrp/render.js';
import { psbAddress } from '../../mocks/psb/render.js';
import type { Population } from '../../schemas/population.js';
import { parseAddress } from '../../src/domain/address.js';
import { family, smallPopulation } from '../helpers/gateway.js';
import { bureauName, expectedSchools, population, startEduGateway, structured } from './fixtures/harness.js';

const pop = smallPopulation();

/** What `studentStatus` must say about a person. */
function expectedStudent(p: Population, idNumber: string) {
  const s = p.students.find((x) => x.idNumber === idNumber);
  if (!s) return { status: 'not_found' };
  const zone = p.schoolZones.find((z) => z.schoolCode === s.schoolCode);
  return {
    status: 'found',
    value: { studentNumber: s.studentNumber, schoolCode: s.schoolCode, schoolName: zone ? bureauName(zone.schoolName) : null, grade: s.grade, status: s.status },
  };
}

/** What `schoolDistrict` must say about a person: their household's address as PSB writes it, and its zone. */
function expectedPersonDistrict(p: Population, idNumber: string) {
  const h = p.households.find((x) => x.members.some((m) => m.idNumber === idNumber));
  if (!h) return { status: 'not_found' };
  const address = psbAddress(h.address);
  if ('outside' in h.address) {
    // Outside the city: what the normalizer makes of it, and no zone.
    return { status: 'found', value: { address, addressNormalized: parseAddress(address), schools: [] } };
  }
  return { status: 'found', value: { address, addressNormalized: structured(h.address), schools: expectedSchools(p, h.address) } };
}

const strip = (fact: { status: string; value?: unknown }) => ('value' in fact ? { status: fact.status, value: fact.value } : { status: fact.status });

t.test('every EDU fact about every scenario family equals the population', async (t) => {
  const gw = await startEduGateway(t, pop);
  let zoned = 0;
  let outside = 0;
  let homes = 0;
  for (const [i, scenario] of pop.scenarios.entries()) {
    const persons = scenario.members.map((m) => ({ ref: m.ref, idNumber: m.idNumber, name: m.name }));
    const ids = new Set(persons.map((p) => p.idNumber));
    const owned = pop.properties.filter((p) => p.owners.some((o) => ids.has(o.idNumber))).slice(0, 8 - persons.length);
    const properties = owned.map((p, k) => ({ ref: `home${k}`, certificateNumber: p.certificateNumber }));
    const res = await gw.verify({
      purpose: 'enrollment.primary',
      subjects: [...persons, ...properties],
      facts: Object.fromEntries([...persons.map((p) => [p.ref, ['studentStatus', 'schoolDistrict']]), ...properties.map((p) => [p.ref, ['schoolDistrict']])]),
    });
    const label = `${scenario.family} #${i}`;
    t.equal(res.status, 200, label);
    t.equal(res.body.status, 'complete', `${label}: every source answered`);
    for (const p of persons) {
      const facts = res.body.facts[p.ref];
      const student = expectedStudent(pop, p.idNumber);
      const district = expectedPersonDistrict(pop, p.idNumber);
      t.same(strip(facts.studentStatus), student, `${label} ${p.ref}: studentStatus`);
      t.same(strip(facts.schoolDistrict), district, `${label} ${p.ref}: schoolDistrict`);
      if (district.status === 'found') {
        const schools = (district.value as { schools: unknown[] }).schools;
        if (schools.length > 0) zoned++;
        else outside++;
        t.same(facts.schoolDistrict.provenance.map((s: { connector: string }) => s.connector),
          schools.length > 0 ? ['psb.hukou-person', 'edu.school-district'] : ['psb.hukou-person'], `${label} ${p.ref}: the calls made`);
      }
    }
    owned.forEach((property, k) => {
      const fact = res.body.facts[`home${k}`].schoolDistrict;
      t.same(strip(fact), {
        status: 'found',
        value: { address: location(property.address), addressNormalized: structured(property.address), schools: expectedSchools(pop, property.address) },
      }, `${label} home ${k}: schoolDistrict`);
      t.same(fact.provenance.map((s: { connector: string }) => s.connector), ['nrp.property-certificate', 'edu.school-district']);
      homes++;
    });
  }
  t.ok(zoned >= 20 && outside >= 1 && homes >= 10, `covered: ${zoned} zoned hukou, ${outside} hukou outside the city, ${homes} homes`);
});

t.test('every pupil of the population: studentStatus and schoolDistrict equal the population', async (t) => {
  // Scenario children are of pre-school age (they are applying): pupils are among the other
  // households, and 40 of them hold only a few.
  const pupils = population(5, 120);
  const gw = await startEduGateway(t, pupils);
  t.ok(pupils.students.length >= 10, `${pupils.students.length} pupils`);
  for (let i = 0; i < pupils.students.length; i += 8) {
    const batch = pupils.students.slice(i, i + 8).map((s, k) => {
      const person = pupils.persons.find((p) => p.idNumber === s.idNumber)!;
      return { ref: `pupil${k}`, idNumber: person.idNumber, name: person.name };
    });
    const res = await gw.verify({ purpose: 'enrollment.primary', subjects: batch, facts: Object.fromEntries(batch.map((p) => [p.ref, ['studentStatus', 'schoolDistrict']])) });
    t.equal(res.body.status, 'complete');
    for (const p of batch) {
      const student = expectedStudent(pupils, p.idNumber);
      t.equal(student.status, 'found');
      t.same(strip(res.body.facts[p.ref].studentStatus), student, `${p.ref}: studentStatus`);
      t.same(strip(res.body.facts[p.ref].schoolDistrict), expectedPersonDistrict(pupils, p.idNumber), `${p.ref}: schoolDistrict`);
    }
  }
});

t.test("a house-hukou-match child's schoolDistrict is the zone of the household's address", async (t) => {
  const gw = await startEduGateway(t, pop);
  const child = family(pop, 'house-hukou-match').child!;
  const household = pop.households.find((h) => h.members.some((m) => m.idNumber === child.idNumber))!;
  if ('outside' in household.address) throw new Error('a house-hukou-match household lies in the city');
  const want = expectedSchools(pop, household.address);
  t.same(want.map((s) => s.level).sort(), ['junior', 'primary'], 'the population zones the address for a primary and a junior school');

  const res = await gw.verify({ purpose: 'enrollment.primary', subjects: [{ ref: 'child', idNumber: child.idNumber, name: child.name }], facts: { child: ['schoolDistrict'] } });
  const fact = res.body.facts.child.schoolDistrict;
  t.equal(fact.status, 'found');
  t.equal(fact.value.address, psbAddress(household.address), 'the hukou address as PSB wrote it');
  t.same(fact.value.addressNormalized, structured(household.address));
  t.same(fact.value.schools, want);
});
