/** A filed purchase contract for a new flat, and no certificate for it yet. */
import { districtName } from '../../../src/domain/districts.js';
import { addDays, addMonths, addYears } from '../dates.js';
import { employLong, parentsOf } from '../families.js';
import { NEW_DEVELOPMENT_DISTRICTS } from '../names.js';
import { registerFamily } from './registry.js';
import { childAndParents, schoolFor } from './shared.js';

registerFamily({
  name: 'contract-no-certificate',
  description: 'The parents have a filed purchase contract for a new flat but no property certificate for it.',
  build(b) {
    const asOf = b.asOf;
    const d = b.places.district();
    const childBirth = b.applicantBirth();
    const { husband: father, wife: mother } = parentsOf(b, childBirth, d);
    const home = b.places.address(d, 'flat');
    let since: string;
    if (b.rng.chance(0.5)) {
      const registeredOn = b.between(addYears(asOf, -12), addYears(asOf, -2));
      b.property.register({ address: home, owners: [father, mother], registeredOn });
      since = addDays(registeredOn, b.rng.int(3, 40));
    } else {
      since = b.between(addYears(asOf, -10), addYears(asOf, -1));
    }
    const h = b.people.household(home);
    const child = b.people.child({ mother, father, birthDate: childBirth, regPlace: since <= childBirth ? home : b.people.firstPlace(father) });
    b.people.join(h, father, 'head', since);
    b.people.join(h, mother, 'spouse', since);
    b.people.join(h, child, 'child', since);
    employLong(b, father, 12);
    employLong(b, mother, 12);
    const nd = b.rng.pick(NEW_DEVELOPMENT_DISTRICTS);
    const flat = b.places.address(nd, 'flat');
    const filedOn = b.between(addMonths(asOf, -24), addMonths(asOf, -1));
    b.property.saleContract({ buyers: b.rng.chance(0.7) ? [father, mother] : [father], address: flat, filedOn, developer: b.work.developer() });
    return {
      description: `The parents filed a purchase contract for a new flat in ${districtName(nd)} on ${filedOn} and hold no certificate for it yet.`,
      members: childAndParents({ child, father, mother }),
      schoolCode: schoolFor(b, home),
    };
  },
});
