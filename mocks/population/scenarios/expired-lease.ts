/**
 * A migrant family whose lease has ended. For every seed: the family's only lease ended 8
 * months to 1 month before asOf and no lease is active on asOf; both parents' residence
 * permits (issued while the lease ran) are valid on asOf; both have been employed and
 * insured for 13 months or more; nobody in the family owns property.
 */
import { districtName } from '../../../src/domain/districts.js';
import { employLong } from '../families.js';
import { registerFamily } from './registry.js';
import { childAndParents, migrantFamily, schoolFor } from './shared.js';

registerFamily({
  name: 'expired-lease',
  description: 'A migrant family with valid residence permits and over a year of insurance whose only registered lease ended in the last eight months.',
  build(b) {
    const f = migrantFamily(b, { lease: 'ended' });
    employLong(b, f.father, 12);
    employLong(b, f.mother, 12);
    return {
      description: `A family registered in ${f.origin.city}${f.origin.county} rented a flat in ${districtName(f.district)} from ${f.lease.startOn} to ${f.lease.endOn} and has no lease since; the residence permits run until ${f.permits[0].validUntil} and ${f.permits[1].validUntil}.`,
      members: childAndParents(f),
      schoolCode: schoolFor(b, f.home),
    };
  },
});
