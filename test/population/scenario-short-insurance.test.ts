import t from 'tap';
import { assertRentingMigrant } from './fixtures/migrants.js';
import { continuousMonths, ref, samples, scenariosOf } from './fixtures/populations.js';

t.test('short-insurance: like migrant-lease-permit, but under 12 continuous months of insurance', async (t) => {
  for (const { label, pop } of samples()) {
    for (const s of scenariosOf(pop, 'short-insurance')) {
      const [father, mother] = [ref(s, 'father'), ref(s, 'mother')];
      for (const parent of [father, mother]) {
        assertRentingMigrant(t, pop, parent, label);
        t.ok(continuousMonths(pop, parent) < 12, `${label}: fewer than 12 continuous months`);
      }
      const months = continuousMonths(pop, father);
      t.ok(months >= 4 && months <= 8, `${label}: the father has ${months} months (4-8)`);
      t.ok(pop.employment.some((e) => e.idNumber === father && e.until === null), `${label}: the father is employed now`);
    }
  }
});
