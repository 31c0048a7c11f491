/**
 * Like house-hukou-match, with the flat always held jointly by both parents. For every seed:
 * the flat (co-ownership joint, owners exactly the father and the mother) was registered 9
 * years to 15 months ago; the child's hukou moved there within 40 days (13 months ago or
 * earlier); no seizure.
 */
import { districtName } from '../../../src/domain/districts.js';
import { addMonths, addYears } from '../dates.js';
import { registerFamily } from './registry.js';
import { childAndParents, ownHomeFamily, schoolFor } from './shared.js';

registerFamily({
  name: 'joint-ownership',
  description: "The child's hukou has been for over a year at a flat both parents own jointly (共同共有).",
  build(b) {
    const f = ownHomeFamily(b, { registeredBetween: [addYears(b.asOf, -9), addMonths(b.asOf, -15)], jointly: true });
    return {
      description: `The parents have owned a flat in ${districtName(f.district)} jointly since ${f.property.registeredOn}, and the child's hukou has been there since ${f.since}.`,
      members: childAndParents(f),
      schoolCode: schoolFor(b, f.home),
    };
  },
});
