import t from 'tap';
import { generatePopulation } from '../../mocks/population/generator.js';
import { maskIdNumber } from '../../src/domain/id-number.js';
import { manySamples, movesOf, samePlace, samples } from './fixtures/populations.js';

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

t.test('a household register tells its members apart by masked ID number (first 6, last 4): no child shares a parent\'s or a sibling\'s', async (t) => {
  // A father and son born in the same district with the same sequence digits and check
  // character would read the same, and the register could not show which is the child.
  for (const { label, pop } of manySamples()) {
    for (const h of pop.households.filter((x) => x.kind === 'family')) {
      const masks = h.members.map((m) => maskIdNumber(m.idNumber));
      if (new Set(masks).size !== masks.length) t.fail(`${label}: household ${h.number} lists two members alike`);
    }
    for (const b of pop.births) {
      const child = maskIdNumber(b.childIdNumber);
      t.ok(child !== maskIdNumber(b.motherIdNumber) && (b.fatherIdNumber === null || child !== maskIdNumber(b.fatherIdNumber)), `${label}: a certificate tells child and parents apart`);
    }
  }
  // Seed 202 with 40 households once made a migrant father and son alike (411302…5732).
  const pop = generatePopulation({ seed: 202, households: 40, asOf: '2026-09-01' });
  const s = pop.scenarios.filter((x) => x.family === 'sole-trader');
  for (const x of s) t.not(maskIdNumber(x.members[0]!.idNumber), maskIdNumber(x.members[1]!.idNumber), 'child and father differ');
});
