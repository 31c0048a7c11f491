/** Divorced parents; the child's hukou is with one of them. */
import { addDays, addMonths, addYears, maxDate } from '../dates.js';
import { employLong, parentsOf } from '../families.js';
import { registerFamily } from './registry.js';
import { childAndParents, schoolFor } from './shared.js';

registerFamily({
  name: 'divorced-parents',
  description: "The parents are divorced and the child's hukou is with one of them.",
  build(b) {
    const asOf = b.asOf;
    const d = b.places.district();
    const childBirth = b.applicantBirth();
    const { husband: father, wife: mother, marriage } = parentsOf(b, childBirth, d);
    const marital = b.places.address(d, 'flat');
    const registeredOn = b.between(maxDate(addYears(father.birthDate, 23), addYears(childBirth, -6)), addMonths(childBirth, -3));
    b.property.register({ address: marital, owners: [father], registeredOn });
    const h1 = b.people.household(marital);
    const fatherSince = addDays(registeredOn, b.rng.int(3, 30));
    b.people.moveTo(mother, marital, maxDate(marriage.registeredOn, fatherSince));
    const child = b.people.child({ mother, father, birthDate: childBirth, regPlace: marital });
    const divorcedOn = b.between(addYears(childBirth, 1), addMonths(asOf, -2));
    b.civil.divorce(marriage, divorcedOn);
    const d2 = b.rng.chance(0.6) ? d : b.places.district();
    const other = b.places.address(d2, 'flat');
    let moveOn = b.between(addDays(divorcedOn, 10), addDays(divorcedOn, 200));
    if (b.rng.chance(0.7)) {
      const bought = b.between(divorcedOn, addDays(divorcedOn, 300));
      b.property.register({ address: other, owners: [mother], registeredOn: bought });
      moveOn = b.between(addDays(bought, b.rng.int(3, 30)), asOf);
    }
    const h2 = b.people.household(other);
    const withMother = b.rng.chance(0.6);
    b.people.join(h1, father, 'head', fatherSince);
    b.people.join(h2, mother, 'head', moveOn);
    if (withMother) b.people.join(h2, child, 'child', moveOn);
    else b.people.join(h1, child, 'child');
    employLong(b, father, 12);
    employLong(b, mother, 12);
    return {
      description: `The parents divorced on ${divorcedOn} and the child's hukou is with the ${withMother ? 'mother' : 'father'}.`,
      members: childAndParents({ child, father, mother }),
      schoolCode: schoolFor(b, withMother ? other : marital),
    };
  },
});
