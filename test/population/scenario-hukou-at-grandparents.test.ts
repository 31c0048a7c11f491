import t from 'tap';
import { householdOf, memberOf, propertiesOfAny, ref, samePlace, samples, scenariosOf } from './fixtures/populations.js';

t.test("hukou-at-grandparents: the child is a grandchild in the grandparents' household at their own property", async (t) => {
  for (const { label, pop } of samples()) {
    for (const s of scenariosOf(pop, 'hukou-at-grandparents')) {
      const [child, father, mother, gf, gm] = ['child', 'father', 'mother', 'grandfather', 'grandmother'].map((r) => ref(s, r)) as [string, string, string, string, string];
      const h = householdOf(pop, child)!;
      t.equal(memberOf(h, child)?.relation, 'grandchild', `${label}: relation grandchild`);
      t.equal(memberOf(h, gf)?.relation, 'head', `${label}: grandfather heads the household`);
      t.equal(memberOf(h, gm)?.relation, 'spouse', `${label}: grandmother is in it`);
      const grandOwned = propertiesOfAny(pop, [gf, gm]).filter((p) => samePlace(p.address, h.address));
      t.ok(grandOwned.length >= 1, `${label}: the grandparents own the address`);
      const parentsOwned = propertiesOfAny(pop, [father, mother]).filter((p) => samePlace(p.address, h.address));
      t.equal(parentsOwned.length, 0, `${label}: the parents do not own it`);
      for (const parent of [father, mother]) {
        const ph = householdOf(pop, parent)!;
        t.ok(ph, `${label}: parent has a household`);
        if (ph !== h) {
          t.ok(propertiesOfAny(pop, [father, mother]).some((p) => samePlace(p.address, ph.address)), `${label}: living apart, the parents own their own home`);
        }
      }
    }
  }
});
