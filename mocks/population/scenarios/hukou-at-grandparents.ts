/** The child's hukou is in the grandparents' household, at the grandparents' own home. */
import { districtName } from '../../../src/domain/districts.js';
import { addDays, addMonths, addYears, maxDate, minDate } from '../dates.js';
import { employLong, localCouple, weddingDate } from '../families.js';
import { registerFamily } from './registry.js';
import { member, schoolFor } from './shared.js';

registerFamily({
  name: 'hukou-at-grandparents',
  description: "The child's hukou is in the grandparents' household at the grandparents' own flat, not at a property of the parents.",
  build(b) {
    const asOf = b.asOf;
    const d = b.places.district();
    const childBirth = b.applicantBirth();
    const paternal = b.rng.chance(0.7);
    const linkedBirth = paternal ? b.yearsBefore(childBirth, 26, 38) : b.yearsBefore(childBirth, 24, 36);
    const gfBirth = b.yearsBefore(linkedBirth, 24, 32);
    const gmBirth = b.rng.dateBetween(addYears(gfBirth, -1), minDate(addYears(gfBirth, 4), addYears(linkedBirth, -21)));
    const grand = localCouple(b, {
      district: d, husbandBirth: gfBirth, wifeBirth: gmBirth, marriedOn: weddingDate(b, gfBirth, gmBirth, addMonths(linkedBirth, -10)),
    });
    const gHome = b.places.address(d, b.rng.chance(0.3) ? 'house' : 'flat');
    const gRegistered = b.between(addYears(asOf, -25), addYears(asOf, -8));
    b.property.register({ address: gHome, owners: b.rng.chance(0.5) ? [grand.husband] : [grand.husband, grand.wife], registeredOn: gRegistered });
    const gh = b.people.household(gHome);
    const gSince = addDays(gRegistered, b.rng.int(3, 60));
    b.people.join(gh, grand.husband, 'head', gSince);
    b.people.join(gh, grand.wife, 'spouse', gSince);

    const grandSurname = b.people.surnameOf(grand.husband);
    const father = b.people.adult({
      gender: 'male', birthDate: paternal ? linkedBirth : b.yearsBefore(childBirth, 26, 38), home: paternal ? d : b.places.district(),
      surname: paternal ? grandSurname : undefined,
    });
    const mother = b.people.adult({
      gender: 'female', birthDate: paternal ? b.yearsBefore(childBirth, 24, 36) : linkedBirth, home: paternal ? b.places.district() : d,
      surname: paternal ? undefined : grandSurname,
    });
    const marriage = b.civil.marry(father, mother, weddingDate(b, father.birthDate, mother.birthDate, addMonths(childBirth, -10)), d);

    let parentsHome = 'share the grandparents\' household';
    if (b.rng.chance(0.55)) {
      const pd = b.places.district();
      const home = b.places.address(pd, 'flat');
      const registeredOn = b.between(addYears(childBirth, -3), addMonths(asOf, -2));
      b.property.register({ address: home, owners: b.rng.chance(0.6) ? [father, mother] : [father], registeredOn });
      const ph = b.people.household(home);
      const since = addDays(registeredOn, b.rng.int(3, 40));
      b.people.join(ph, father, 'head', since);
      b.people.join(ph, mother, 'spouse', since);
      parentsHome = `own a different flat in ${districtName(pd)}`;
    } else {
      const linked = paternal ? father : mother;
      const inLaw = paternal ? mother : father;
      b.people.join(gh, linked, 'child', gSince);
      b.people.join(gh, inLaw, 'other', maxDate(addDays(marriage.registeredOn, b.rng.int(10, 120)), gSince));
    }
    const child = b.people.child({ mother, father, birthDate: childBirth, regPlace: gHome });
    b.people.join(gh, child, 'grandchild');
    employLong(b, father, 12);
    if (b.rng.chance(0.8)) employLong(b, mother, 12);
    return {
      description: `The child's hukou is with the ${paternal ? 'paternal' : 'maternal'} grandparents at their own home in ${districtName(d)}, while the parents ${parentsHome}.`,
      members: [member('child', child), member('father', father), member('mother', mother),
        member('grandfather', grand.husband), member('grandmother', grand.wife)],
      schoolCode: schoolFor(b, gHome),
    };
  },
});
