/**
 * Divorced parents; the child's hukou is with one of them. For every seed: the divorce was
 * 30 months ago or earlier. With the father: at the marital flat he owns alone (registered
 * before the child's birth), where the child was registered at birth. With the mother: at
 * a flat she bought after the divorce (registered 18 months ago or earlier), where the
 * child's hukou moved 13 months ago or earlier. Neither home is seized.
 */
import { addDays, addMonths, addYears, maxDate } from '../dates.js';
import { employLong, parentsOf } from '../families.js';
import { registerFamily } from './registry.js';
import { childAndParents, schoolFor } from './shared.js';

registerFamily({
  name: 'divorced-parents',
  description: "The parents are divorced and the child's hukou is with one of them, at a flat that parent owns.",
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
    const divorcedOn = b.between(addYears(childBirth, 1), addMonths(asOf, -30));
    b.civil.divorce(marriage, divorcedOn);
    const withMother = b.rng.chance(0.6);
    const other = b.places.address(b.rng.chance(0.6) ? d : b.places.district(), 'flat');
    // The mother buys a flat within ten months of the divorce (always, when the child goes
    // with her), or registers her hukou somewhere she does not own.
    let bought: string | null = null;
    let moveOn: string;
    if (withMother || b.rng.chance(0.5)) {
      bought = b.between(addDays(divorcedOn, 20), addDays(divorcedOn, 300));
      b.property.register({ address: other, owners: [mother], registeredOn: bought });
      moveOn = b.between(addDays(bought, b.rng.int(3, 30)), addMonths(asOf, -13));
    } else {
      moveOn = b.between(addDays(divorcedOn, 10), addDays(divorcedOn, 200));
    }
    const h2 = b.people.household(other);
    b.people.join(h1, father, 'head', fatherSince);
    b.people.join(h2, mother, 'head', moveOn);
    if (withMother) b.people.join(h2, child, 'child', moveOn);
    else b.people.join(h1, child, 'child');
    employLong(b, father, 12);
    employLong(b, mother, 12);
    return {
      description: withMother
        ? `The parents divorced on ${divorcedOn}; the mother bought a flat on ${bought} and the child's hukou has been with her there since ${moveOn}.`
        : `The parents divorced on ${divorcedOn}; the child's hukou has been since birth with the father at the flat he has owned alone since ${registeredOn}.`,
      members: childAndParents({ child, father, mother }),
      schoolCode: schoolFor(b, withMother ? other : marital),
    };
  },
});
