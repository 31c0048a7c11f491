/**
 * A filed purchase contract for a new flat, no certificate for it yet, and the family's
 * hukou already at that flat. For every seed: nobody in the family holds any property
 * certificate; the contract (filed, the father and/or the mother among the buyers) was
 * filed 4 years to 14 months ago; the child's and the parents' hukou moved to the flat
 * after the filing and 13 months ago or earlier.
 */
import { districtName } from '../../../src/domain/districts.js';
import { addDays, addMonths, addYears } from '../dates.js';
import { employLong, parentsOf } from '../families.js';
import { NEW_DEVELOPMENT_DISTRICTS } from '../names.js';
import { registerFamily } from './registry.js';
import { childAndParents, schoolFor } from './shared.js';

registerFamily({
  name: 'contract-no-certificate',
  description: "The family owns no property: the parents filed a purchase contract for a new flat over a year ago, hold no certificate for it yet, and the family's hukou has been at that flat for over a year.",
  build(b) {
    const asOf = b.asOf;
    const d = b.rng.pick(NEW_DEVELOPMENT_DISTRICTS);
    const childBirth = b.applicantBirth();
    const { husband: father, wife: mother } = parentsOf(b, childBirth, d);
    const flat = b.places.address(d, 'flat');
    const filedOn = b.between(addYears(asOf, -4), addMonths(asOf, -14));
    const buyers = b.rng.weighted([[[father, mother], 6], [[father], 2], [[mother], 2]]);
    b.property.saleContract({ buyers, address: flat, filedOn, developer: b.work.developer() });
    // The developer hands over the keys before the certificate exists; the hukou follows.
    const moveOn = b.between(addDays(filedOn, 20), addMonths(asOf, -13));
    const h = b.people.household(flat);
    const child = b.people.child({ mother, father, birthDate: childBirth, regPlace: moveOn <= childBirth ? flat : b.people.firstPlace(father) });
    b.people.join(h, father, 'head', moveOn);
    b.people.join(h, mother, 'spouse', moveOn);
    b.people.join(h, child, 'child', moveOn);
    employLong(b, father, 12);
    employLong(b, mother, 12);
    const who = buyers.length === 2 ? 'The parents' : buyers[0] === father ? 'The father' : 'The mother';
    return {
      description: `${who} filed a purchase contract for a new flat in ${districtName(d)} on ${filedOn}, the family's hukou has been there since ${moveOn}, and nobody holds a property certificate.`,
      members: childAndParents({ child, father, mother }),
      schoolCode: schoolFor(b, flat),
    };
  },
});
