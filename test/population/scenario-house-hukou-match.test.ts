import t from 'tap';
import { addYears, ageOn } from '../../mocks/population/dates.js';
import {
  continuousMonths, householdOf, married, memberOf, movesOf, person, propertiesOfAny, ref, samePlace, samples, scenariosOf,
} from './fixtures/populations.js';

t.test('house-hukou-match: the child is registered for over a year at a flat the married, insured parents own', async (t) => {
  for (const { label, pop } of samples()) {
    const yearAgo = addYears(pop.asOf, -1);
    for (const s of scenariosOf(pop, 'house-hukou-match')) {
      const [child, father, mother] = [ref(s, 'child'), ref(s, 'father'), ref(s, 'mother')];
      const age = ageOn(person(pop, child)!.birthDate, pop.asOf);
      t.ok(age >= 5 && age <= 6, `${label}: child aged ${age}`);
      const h = householdOf(pop, child)!;
      t.ok(h, `${label}: child has a household`);
      const owned = propertiesOfAny(pop, [father, mother])
        .filter((p) => p.use === 'residential' && p.coOwnership !== 'shares' && samePlace(p.address, h.address));
      t.equal(owned.length, 1, `${label}: the parents own the hukou address`);
      t.same(h.address, owned[0]!.address, `${label}: addresses deep-equal`);
      t.ok(owned[0]!.registeredOn < yearAgo, `${label}: property registered over a year ago`);
      const since = memberOf(h, child)!.since;
      t.ok(since < yearAgo, `${label}: child registered there over a year ago`);
      const last = movesOf(pop, child).at(-1)!;
      t.same(last.to, h.address, `${label}: latest hukou move leads there`);
      t.equal(last.date, since);
      t.equal(married(pop, father, mother)?.status, 'married', `${label}: parents married`);
      for (const parent of [father, mother]) {
        t.ok(pop.employment.some((e) => e.idNumber === parent && e.until === null), `${label}: parent employed`);
        t.ok(continuousMonths(pop, parent) >= 24, `${label}: parent insured ≥ 24 months`);
      }
      const birth = pop.births.find((b) => b.childIdNumber === child);
      t.match(birth?.certificateNumber, /^Q\d{9}$/, `${label}: birth certificate`);
      t.equal(birth?.motherIdNumber, mother);
      t.equal(birth?.fatherIdNumber, father);
    }
  }
});
