/**
 * Like house-hukou-match, with a bank mortgage on the home (a mortgage does not block). For
 * every seed: the flat was registered 9 years to 15 months ago with a mortgage running past
 * asOf, its only current restriction; the child's hukou moved there within 40 days (13
 * months ago or earlier).
 */
import { districtName } from '../../../src/domain/districts.js';
import { addMonths, addYears } from '../dates.js';
import { registerFamily } from './registry.js';
import { childAndParents, ownHomeFamily, ownership, schoolFor } from './shared.js';

registerFamily({
  name: 'mortgaged-property',
  description: "The child's hukou has been for over a year at the parents' own flat, which carries a bank mortgage (抵押) and no other restriction.",
  build(b) {
    const f = ownHomeFamily(b, { registeredBetween: [addYears(b.asOf, -9), addMonths(b.asOf, -15)], mortgage: true });
    const m = f.property.restrictions.find((r) => r.kind === 'mortgage')!;
    return {
      description: `The parents' ${ownership(f.property)} flat in ${districtName(f.district)}, the child's hukou address since ${f.since}, carries a mortgage of ${m.authority} registered on ${m.registeredOn} and running until ${m.until}.`,
      members: childAndParents(f),
      schoolCode: schoolFor(b, f.home),
    };
  },
});
