/** The child's hukou moved to the family's own flat less than six months ago. */
import { districtName } from '../../../src/domain/districts.js';
import { addDays, addMonths, addYears, maxDate } from '../dates.js';
import { registerFamily } from './registry.js';
import { childAndParents, ownHomeFamily, schoolFor } from './shared.js';

registerFamily({
  name: 'late-hukou-move',
  description: "The child's hukou moved to the family's own flat less than six months ago.",
  build(b) {
    const asOf = b.asOf;
    const f = ownHomeFamily(b, {
      registeredBetween: [addYears(asOf, -3), addMonths(asOf, -1)],
      moveOn: (registeredOn) => b.between(maxDate(addDays(registeredOn, 1), addDays(addMonths(asOf, -6), 1)), addDays(asOf, -3)),
    });
    return {
      description: `The family bought a flat in ${districtName(f.district)} on ${f.property.registeredOn} and moved the child's hukou there only on ${f.since}.`,
      members: childAndParents(f),
      schoolCode: schoolFor(b, f.home),
    };
  },
});
