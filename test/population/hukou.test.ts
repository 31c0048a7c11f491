import t from 'tap';
import { movesOf, samePlace, samples } from './fixtures/populations.js';

t.test('households and hukou moves agree: every living person is in exactly one household, reached by their latest move; everyone has a birth registration', async (t) => {
  for (const { label, pop } of samples()) {
    const membership = new Map<string, number>();
    pop.households.forEach((h) => h.members.forEach((m) => membership.set(m.idNumber, (membership.get(m.idNumber) ?? 0) + 1)));
    const problems: string[] = [];
    for (const p of pop.persons) {
      const n = membership.get(p.idNumber) ?? 0;
      const moves = movesOf(pop, p.idNumber);
      if (moves[0]?.kind !== 'birth' || moves[0].from !== null) problems.push('a person whose history does not begin with a birth registration');
      if (p.deceasedOn !== undefined) {
        if (n !== 0) problems.push('a deceased person is still in a household');
      } else if (n !== 1) {
        problems.push(`a living person is in ${n} households`);
      }
    }
    for (const h of pop.households) {
      if (h.kind === 'family' && h.members.filter((m) => m.relation === 'head').length !== 1) problems.push('a family household without exactly one head');
      if (h.kind === 'collective' && h.members.some((m) => m.relation !== 'other')) problems.push('a collective household with family relations');
      for (const m of h.members) {
        const moves = movesOf(pop, m.idNumber);
        const last = moves.at(-1);
        if (!last) { problems.push('a member without hukou moves'); continue; }
        if (!samePlace(last.to, h.address)) problems.push('latest move does not lead to the household');
        if (last.date !== m.since) problems.push('member since differs from the latest move');
        const birth = pop.persons.find((p) => p.idNumber === m.idNumber)!.birthDate;
        if (m.since < birth) problems.push('member since before birth');
        moves.forEach((mv, i) => {
          if (i === 0 && (mv.kind !== 'birth' || mv.from !== null)) problems.push('first move is not a birth registration');
          if (i > 0) {
            const prev = moves[i - 1]!;
            if (mv.from === null || !samePlace(mv.from, prev.to)) problems.push('a move does not start where the previous ended');
            const within = !('outside' in prev.to) && !('outside' in mv.to);
            if (mv.kind !== (within ? 'move_within_city' : 'move_in')) problems.push('wrong move kind');
          }
        });
      }
    }
    t.same(problems, [], `${label}: ${pop.households.length} households, ${pop.hukouMoves.length} moves consistent`);
    const numbers = pop.households.map((h) => h.number);
    t.equal(new Set(numbers).size, numbers.length, `${label}: household numbers unique`);
    t.ok(numbers.every((n) => /^\d{9,12}$/.test(n)), `${label}: household numbers have 9-12 digits`);
    t.ok(pop.households.some((h) => 'outside' in h.address), `${label}: some households are outside the city`);
    const relations = new Set(pop.households.flatMap((h) => h.members.map((m) => m.relation)));
    for (const r of ['head', 'spouse', 'child', 'grandchild']) t.ok(relations.has(r as never), `${label}: relation ${r} occurs`);
  }
});
