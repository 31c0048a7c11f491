/**
 * A family that bought its flat after the cut-off. For every seed: the flat was registered
 * 11 to 2 months before asOf, and the child's hukou moved there after the registration and
 * before asOf.
 */
import { districtName } from '../../../src/domain/districts.js';
import { addDays, addMonths } from '../dates.js';
import { registerFamily } from './registry.js';
import { childAndParents, ownHomeFamily, ownership, schoolFor } from './shared.js';

registerFamily({
  name: 'late-property',
  description: "The child's hukou is at the parents' own flat, but the flat was registered less than a year ago (after the cut-off).",
  build(b) {
    const asOf = b.asOf;
    const f = ownHomeFamily(b, {
      registeredBetween: [addMonths(asOf, -11), addMonths(asOf, -2)],
      moveOn: (registeredOn) => b.between(addDays(registeredOn, 3), addDays(asOf, -1)),
    });
    return {
      description: `The parents' ${ownership(f.property)} flat in ${districtName(f.district)} was registered only on ${f.property.registeredOn}, and the child's hukou moved there on ${f.since}.`,
      members: childAndParents(f),
      schoolCode: schoolFor(b, f.home),
    };
  },
});
