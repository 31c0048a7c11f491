/**
 * A migrant family whose insurance has a recent gap. For every seed, for each parent
 * (both employed): the current job started 3-9 months ago (that many months paid up to
 * asOf's month, fewer than 12); before it 1-3 unpaid months, all within the last 12 months;
 * before those a previous job of 14 months or more, so that at least 12 months of the last
 * 24 were paid. Permits and lease valid on asOf; no enterprise.
 */
import type { Person } from '../../../schemas/population.js';
import { districtName } from '../../../src/domain/districts.js';
import type { Builder } from '../builder/index.js';
import { addDays, addMonths, minDate } from '../dates.js';
import { registerFamily } from './registry.js';
import { childAndParents, migrantFamily, schoolFor } from './shared.js';

/** The jobs around the gap; returns the months paid in a row up to asOf and the gap. */
function jobsWithGap(b: Builder, p: Person): { months: number; gap: number } {
  const asOf = b.asOf;
  const thisMonth = `${asOf.slice(0, 8)}01`;
  const gap = b.rng.int(1, 3);
  const months = b.rng.int(3, Math.min(9, 12 - gap));
  // The current job from a day early in its first month (never after asOf).
  const since = minDate(addDays(addMonths(thisMonth, -(months - 1)), b.rng.int(0, 20)), asOf);
  // The previous job ended in the month before the gap, and ran 14-48 months. Employers
  // are three years old or more, so neither job is cut short by its employer's founding.
  const prevEnd = addDays(addMonths(thisMonth, -(months + gap)), b.rng.int(4, 27));
  const previous = b.work.employer();
  let current = b.work.employer();
  for (let i = 0; i < 10 && current === previous; i++) current = b.work.employer();
  b.work.employ(p, previous, addMonths(prevEnd, -b.rng.int(14, 48)), prevEnd);
  b.work.employ(p, current, since);
  return { months, gap };
}

registerFamily({
  name: 'insurance-gap',
  description: 'A migrant family with permits and a valid lease whose parents paid over 12 of the last 24 months of insurance, but with a gap of one to three months within the last year.',
  build(b) {
    const f = migrantFamily(b);
    const father = jobsWithGap(b, f.father);
    const mother = jobsWithGap(b, f.mother);
    const say = (x: { months: number; gap: number }) => `${x.months} months in a row after a gap of ${x.gap}`;
    return {
      description: `A migrant family renting in ${districtName(f.district)}: the father has paid insurance for ${say(father)}, the mother for ${say(mother)}.`,
      members: childAndParents(f),
      schoolCode: schoolFor(b, f.home),
    };
  },
});
