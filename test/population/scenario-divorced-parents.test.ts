import t from 'tap';
import { householdOf, married, ref, samples, scenariosOf } from './fixtures/populations.js';

t.test("divorced-parents: the marriage is dissolved and the child's hukou is with one parent", async (t) => {
  for (const { label, pop } of samples()) {
    for (const s of scenariosOf(pop, 'divorced-parents')) {
      const [child, father, mother] = [ref(s, 'child'), ref(s, 'father'), ref(s, 'mother')];
      const m = married(pop, father, mother)!;
      t.equal(m.status, 'divorced', `${label}: divorced`);
      t.ok(m.divorcedOn !== null && m.registeredOn < m.divorcedOn && m.divorcedOn <= pop.asOf, `${label}: divorcedOn set and plausible`);
      const h = householdOf(pop, child)!;
      const withChild = [father, mother].filter((p) => h.members.some((x) => x.idNumber === p));
      t.equal(withChild.length, 1, `${label}: exactly one parent in the child's household`);
      t.ok(householdOf(pop, father) && householdOf(pop, mother), `${label}: both parents have a hukou`);
    }
  }
});
