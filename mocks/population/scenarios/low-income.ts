/**
 * A family in public housing receiving minimum-living or extreme-poverty assistance. For
 * every seed: nobody in the family owns property; the family's hukou has been at the flat
 * since 10 years to 13 months ago (before the cut-off); the assistance is valid on asOf.
 */
import type { Person } from '../../../schemas/population.js';
import { districtName } from '../../../src/domain/districts.js';
import { addMonths, addYears, maxDate } from '../dates.js';
import { employLong, parentsOf } from '../families.js';
import { registerFamily } from './registry.js';
import { member, schoolFor } from './shared.js';

registerFamily({
  name: 'low-income',
  description: 'The family receives valid minimum-living or extreme-poverty assistance (低保/特困).',
  build(b) {
    const asOf = b.asOf;
    const d = b.places.district();
    const childBirth = b.applicantBirth();
    const single = b.rng.chance(0.4);
    let father: Person | null = null;
    let mother: Person;
    if (single) {
      mother = b.people.adult({ gender: 'female', birthDate: b.yearsBefore(childBirth, 22, 38), home: d });
    } else {
      const couple = parentsOf(b, childBirth, d);
      father = couple.husband;
      mother = couple.wife;
    }
    const home = b.places.address(d, 'flat'); // public rental housing: nobody in the family owns it
    const h = b.people.household(home);
    const since = b.between(maxDate(addYears(mother.birthDate, 20), addYears(asOf, -10)), addMonths(asOf, -13));
    const child = b.people.child({
      mother, father, birthDate: childBirth,
      regPlace: since <= childBirth ? home : b.people.firstPlace(father ?? mother),
      surname: father ? undefined : b.people.surnameOf(mother),
    });
    if (father) b.people.join(h, father, 'head', since);
    b.people.join(h, mother, father ? 'spouse' : 'head', since);
    b.people.join(h, child, 'child', since);
    const kind = b.rng.chance(0.85) ? 'minimum_living' : 'extreme_poverty';
    const from = b.between(addYears(asOf, -5), addMonths(asOf, -2));
    const until = b.rng.dateBetween(addMonths(asOf, 1), addMonths(asOf, 12));
    const members = [child, ...(father ? [father] : []), mother];
    for (const p of members) b.civil.assist(p, kind, from, until);
    if (father && b.rng.chance(0.5)) employLong(b, father, 0);
    else if (!father && b.rng.chance(0.4)) employLong(b, mother, 0);
    return {
      description: `A ${single ? 'single-mother ' : ''}family in public housing in ${districtName(d)} since ${since}, receiving ${kind === 'minimum_living' ? 'minimum-living (低保)' : 'extreme-poverty (特困)'} assistance until ${until}.`,
      members: [member('child', child), ...(father ? [member('father', father)] : []), member('mother', mother)],
      schoolCode: schoolFor(b, home),
    };
  },
});
