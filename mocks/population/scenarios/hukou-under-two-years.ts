/**
 * A family in 市南区 (where the hukou must have been at the home for two years) whose hukou
 * has been there for between one and two years. For every seed: the flat in 370202 was
 * registered 6 years to 23 months ago; the child's hukou moved there 22 to 14 months
 * before asOf.
 */
import { addMonths, addYears } from '../dates.js';
import { registerFamily } from './registry.js';
import { childAndParents, ownHomeFamily, ownership, schoolFor } from './shared.js';

registerFamily({
  name: 'hukou-under-two-years',
  description: "A family in 市南区 whose child's hukou has been at the parents' own flat for more than a year but less than two.",
  build(b) {
    const asOf = b.asOf;
    const f = ownHomeFamily(b, {
      district: '370202',
      registeredBetween: [addYears(asOf, -6), addMonths(asOf, -23)],
      moveOn: () => b.between(addMonths(asOf, -22), addMonths(asOf, -14)),
    });
    return {
      description: `The parents' ${ownership(f.property)} flat in 市南区 was registered on ${f.property.registeredOn}, and the child's hukou has been there only since ${f.since}.`,
      members: childAndParents(f),
      schoolCode: schoolFor(b, f.home),
    };
  },
});
