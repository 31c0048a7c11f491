/**
 * A migrant family whose residence permits ran out. For every seed: both parents' latest
 * permits (for the rented flat) expired 6 months to 1 day before asOf and none is valid on
 * asOf; the lease (started 19-23 months ago, two or three years) is active on asOf; both
 * parents have been employed and insured for 13 months or more.
 */
import { districtName } from '../../../src/domain/districts.js';
import { employLong } from '../families.js';
import { registerFamily } from './registry.js';
import { childAndParents, migrantFamily, schoolFor } from './shared.js';

registerFamily({
  name: 'expired-permit',
  description: "A migrant family with a lease valid today and over a year of insurance, but both parents' residence permits expired in the last six months.",
  build(b) {
    const f = migrantFamily(b, { permits: 'expired' });
    employLong(b, f.father, 12);
    employLong(b, f.mother, 12);
    const [fp, mp] = f.permits;
    return {
      description: `A family registered in ${f.origin.city}${f.origin.county} rents a flat in ${districtName(f.district)} until ${f.lease.endOn}; the father's residence permit expired on ${fp.validUntil}, the mother's on ${mp.validUntil}.`,
      members: childAndParents(f),
      schoolCode: schoolFor(b, f.home),
    };
  },
});
