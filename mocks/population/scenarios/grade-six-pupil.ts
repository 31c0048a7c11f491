/**
 * A pupil in the last year of primary school, applying to junior school. For every seed:
 * the child is 11 at the start of the school year, so in grade 6, enrolled at the primary
 * school zoned for the home; the family applies to the junior school zoned for it; the
 * flat was registered 9 years to 15 months ago and the child's hukou has been there since
 * 13 months ago or earlier.
 */
import { districtName } from '../../../src/domain/districts.js';
import { addDays, addMonths, addYears, schoolYearStart } from '../dates.js';
import { registerFamily } from './registry.js';
import { childAndParents, ownHomeFamily, ownership, schoolFor } from './shared.js';

registerFamily({
  name: 'grade-six-pupil',
  description: "A grade-six pupil, enrolled, whose hukou has been for over a year at the parents' own flat, applying to the junior school zoned for it.",
  build(b) {
    const asOf = b.asOf;
    const start = schoolYearStart(asOf);
    const f = ownHomeFamily(b, {
      registeredBetween: [addYears(asOf, -9), addMonths(asOf, -15)],
      childBirth: b.rng.dateBetween(addDays(addYears(start, -12), 1), addYears(start, -11)),
    });
    b.pupilStatus.set(f.child.idNumber, 'enrolled');
    return {
      description: `A grade-six pupil born on ${f.child.birthDate} whose hukou has been at the parents' ${ownership(f.property)} flat in ${districtName(f.district)} since ${f.since}.`,
      members: childAndParents(f),
      schoolCode: schoolFor(b, f.home, 'junior'),
    };
  },
});
