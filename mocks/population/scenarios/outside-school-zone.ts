/**
 * Like house-hukou-match, but the family applies to another primary school of its district,
 * whose zone does not cover the home. For every seed: the flat was registered 9 years to 15
 * months ago, the child's hukou moved there within 40 days; the school is a primary school
 * of the same district whose zone does not contain the address.
 */
import { districtName } from '../../../src/domain/districts.js';
import { addMonths, addYears } from '../dates.js';
import { zonesCovering } from '../schools.js';
import { registerFamily } from './registry.js';
import { childAndParents, ownHomeFamily, ownership } from './shared.js';

registerFamily({
  name: 'outside-school-zone',
  description: "The child's hukou has been for over a year at the parents' own flat, but the family applies to a primary school of the district whose zone does not cover it.",
  build(b) {
    const f = ownHomeFamily(b, { registeredBetween: [addYears(b.asOf, -9), addMonths(b.asOf, -15)] });
    const covering = new Set(zonesCovering(b.schoolZones, f.home).map((z) => z.schoolCode));
    const school = b.rng.pick(b.schoolZones.filter((z) => z.district === f.district && z.level === 'primary' && !covering.has(z.schoolCode)));
    return {
      description: `The child's hukou has been at the parents' ${ownership(f.property)} flat in ${districtName(f.district)} since ${f.since}, but the family applies to ${school.schoolName}, whose zone does not cover it.`,
      members: childAndParents(f),
      schoolCode: school.schoolCode,
    };
  },
});
