/** A migrant family that meets the rule for non-local children: permits, lease, insurance. */
import { districtName } from '../../../src/domain/districts.js';
import { employLong } from '../families.js';
import { registerFamily } from './registry.js';
import { childAndParents, migrantFamily, schoolFor } from './shared.js';

registerFamily({
  name: 'migrant-lease-permit',
  description: 'A family with hukou outside Qingdao whose parents hold valid residence permits, a registered lease valid today and at least 12 months of continuous social insurance.',
  build(b) {
    const f = migrantFamily(b);
    employLong(b, f.father, 12);
    employLong(b, f.mother, 12);
    return {
      description: `A family registered in ${f.origin.city}${f.origin.county} rents a flat in ${districtName(f.district)} with a registered lease, valid residence permits and over a year of insurance in Qingdao.`,
      members: childAndParents(f),
      schoolCode: schoolFor(b, f.home),
    };
  },
});
