/**
 * 房户一致: the child's hukou has been for over a year at a flat the parents own. The first
 * family of the default population is the README's example. For every seed: the flat was
 * registered 9 years to 15 months ago and the child's hukou moved there within 40 days
 * (so 13 months ago or earlier); no seizure (scenario homes get no current restriction but
 * the mortgage some are registered with).
 */
import { districtName } from '../../../src/domain/districts.js';
import { addMonths, addYears } from '../dates.js';
import { registerFamily } from './registry.js';
import { childAndParents, ownHomeFamily, ownership, schoolFor } from './shared.js';

registerFamily({
  name: 'house-hukou-match',
  description: "The child's hukou has been for over a year at a flat the parents own (房户一致), and the married parents have been employed and insured for at least 24 months.",
  build(b) {
    const f = ownHomeFamily(b, { registeredBetween: [addYears(b.asOf, -9), addMonths(b.asOf, -15)] });
    return {
      description: `The child's hukou has been at the parents' ${ownership(f.property)} flat in ${districtName(f.district)} since ${f.since}, and both parents are employed and insured.`,
      members: childAndParents(f),
      schoolCode: schoolFor(b, f.home),
    };
  },
});
