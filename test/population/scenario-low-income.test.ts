import t from 'tap';
import { covers, householdOf, samples, scenariosOf } from './fixtures/populations.js';

t.test('low-income: every member has valid minimum-living or extreme-poverty assistance', async (t) => {
  for (const { label, pop } of samples()) {
    for (const s of scenariosOf(pop, 'low-income')) {
      t.ok(s.members.some((m) => m.ref === 'child') && s.members.some((m) => m.ref === 'mother'), `${label}: child and mother`);
      for (const m of s.members) {
        const valid = pop.assistance.filter((a) => a.idNumber === m.idNumber && covers(a.since, a.validUntil, pop.asOf)
          && (a.kind === 'minimum_living' || a.kind === 'extreme_poverty'));
        t.ok(valid.length >= 1, `${label}: ${m.ref} has valid assistance`);
      }
      const h = householdOf(pop, s.members[0]!.idNumber)!;
      t.ok(s.members.every((m) => h.members.some((x) => x.idNumber === m.idNumber)), `${label}: one household`);
    }
  }
});
