/**
 * Like house-hukou-match, but no Qingdao birth certificate: the child was born in another
 * city's hospital. For every seed: no birth record names the child; the child, the father
 * (head) and the mother (spouse) are one household at the flat the parents own (registered
 * 9 years to 15 months ago, the hukou there 13 months ago or earlier).
 */
import { districtName } from '../../../src/domain/districts.js';
import { addMonths, addYears } from '../dates.js';
import { registerFamily } from './registry.js';
import { childAndParents, ownHomeFamily, ownership, schoolFor } from './shared.js';

registerFamily({
  name: 'no-birth-certificate',
  description: "The child's hukou has been for over a year at the parents' own flat, but no birth certificate (出生医学证明) of the child is on record.",
  build(b) {
    const f = ownHomeFamily(b, { registeredBetween: [addYears(b.asOf, -9), addMonths(b.asOf, -15)], birthCertificate: false });
    return {
      description: `The child, born on ${f.child.birthDate} outside the city's hospitals, has had the hukou at the parents' ${ownership(f.property)} flat in ${districtName(f.district)} since ${f.since}, with no birth certificate on record.`,
      members: childAndParents(f),
      schoolCode: schoolFor(b, f.home),
    };
  },
});
