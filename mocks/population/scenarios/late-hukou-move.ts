/**
 * The child's hukou moved to the family's own flat less than six months ago. For every
 * seed: the flat was registered 3 years to 13 months ago (before the cut-off) and the move
 * was within the last six months.
 */
import { districtName } from '../../../src/domain/districts.js';
import { addDays, addMonths, addYears, maxDate } from '../dates.js';
import { registerFamily } from './registry.js';
import { childAndParents, ownHomeFamily, schoolFor } from './shared.js';

registerFamily({
  name: 'late-hukou-move',
  description: "The family has owned its flat for over a year, but the child's hukou moved there less than six months ago.",
  build(b) {
    const asOf = b.asOf;
    const f = ownHomeFamily(b, {
      registeredBetween: [addYears(asOf, -3), addMonths(asOf, -13)],
      moveOn: (registeredOn) => b.between(maxDate(addDays(registeredOn, 1), addDays(addMonths(asOf, -6), 1)), addDays(asOf, -3)),
    });
    return {
      description: `The family bought a flat in ${districtName(f.district)} on ${f.property.registeredOn} and moved the child's hukou there only on ${f.since}.`,
      members: childAndParents(f),
      schoolCode: schoolFor(b, f.home),
    };
  },
});
