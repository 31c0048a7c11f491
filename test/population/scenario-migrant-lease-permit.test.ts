import t from 'tap';
import { assertRentingMigrant } from './fixtures/migrants.js';
import { continuousMonths, householdOf, ref, samples, scenariosOf } from './fixtures/populations.js';

t.test('migrant-lease-permit: hukou outside, valid permits and lease, ≥ 12 months of insurance', async (t) => {
  for (const { label, pop } of samples()) {
    for (const s of scenariosOf(pop, 'migrant-lease-permit')) {
      const [child, father, mother] = [ref(s, 'child'), ref(s, 'father'), ref(s, 'mother')];
      const h = householdOf(pop, child)!;
      t.ok('outside' in h.address, `${label}: child's hukou outside the city`);
      for (const parent of [father, mother]) {
        assertRentingMigrant(t, pop, parent, label);
        t.ok(continuousMonths(pop, parent) >= 12, `${label}: insured ≥ 12 continuous months`);
        t.ok(pop.employment.some((e) => e.idNumber === parent && e.until === null), `${label}: employed`);
      }
    }
  }
});
