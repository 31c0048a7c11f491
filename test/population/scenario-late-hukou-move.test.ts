import t from 'tap';
import { addMonths } from '../../mocks/population/dates.js';
import { householdOf, memberOf, movesOf, propertiesOfAny, ref, samePlace, samples, scenariosOf } from './fixtures/populations.js';

t.test("late-hukou-move: the child's hukou moved to the family's own flat within the last six months", async (t) => {
  for (const { label, pop } of samples()) {
    const sixMonthsAgo = addMonths(pop.asOf, -6);
    for (const s of scenariosOf(pop, 'late-hukou-move')) {
      const [child, father, mother] = [ref(s, 'child'), ref(s, 'father'), ref(s, 'mother')];
      const h = householdOf(pop, child)!;
      t.ok(propertiesOfAny(pop, [father, mother]).some((p) => samePlace(p.address, h.address)), `${label}: the parents own it`);
      const since = memberOf(h, child)!.since;
      t.ok(since > sixMonthsAgo && since <= pop.asOf, `${label}: member since ${since}, within six months`);
      const moves = movesOf(pop, child);
      t.ok(moves.length >= 2, `${label}: registered elsewhere before`);
      const last = moves.at(-1)!;
      t.equal(last.date, since, `${label}: the move and the membership agree`);
      t.equal(last.kind, 'move_within_city');
      t.same(last.to, h.address);
    }
  }
});
