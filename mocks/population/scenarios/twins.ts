/**
 * Like house-hukou-match, with twins. For every seed: two children born the same day, each
 * with a birth certificate naming both parents, both 'child' in the household the father
 * heads with the mother as spouse, at the flat the parents own (registered 9 years to 15
 * months ago, the hukou there 13 months ago or earlier). Members: child, twin, father, mother.
 */
import { districtName } from '../../../src/domain/districts.js';
import { addMonths, addYears } from '../dates.js';
import { registerFamily } from './registry.js';
import { member, ownHomeFamily, ownership, schoolFor } from './shared.js';

registerFamily({
  name: 'twins',
  description: "Twins whose hukou has been for over a year at the parents' own flat, both with birth certificates naming both parents.",
  build(b) {
    const f = ownHomeFamily(b, { registeredBetween: [addYears(b.asOf, -9), addMonths(b.asOf, -15)], twin: true });
    const twin = f.twin!;
    return {
      description: `Twins born on ${f.child.birthDate} whose hukou has been at the parents' ${ownership(f.property)} flat in ${districtName(f.district)} since ${f.since}.`,
      members: [member('child', f.child), member('twin', twin), member('father', f.father), member('mother', f.mother)],
      schoolCode: schoolFor(b, f.home),
    };
  },
});
