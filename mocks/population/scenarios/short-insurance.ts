/** Like migrant-lease-permit, but the parents have not been insured long enough. */
import type { Person } from '../../../schemas/population.js';
import { districtName } from '../../../src/domain/districts.js';
import type { Builder } from '../builder/index.js';
import { addDays, addMonths, minDate, monthsInclusive, yearMonth } from '../dates.js';
import { registerFamily } from './registry.js';
import { childAndParents, migrantFamily, schoolFor } from './shared.js';

/** Employment for the last 4-8 months, sometimes after an earlier job and a gap; returns the months. */
function shortJob(b: Builder, p: Person): number {
  const asOf = b.asOf;
  const months = b.rng.int(4, 8);
  const firstMonth = addMonths(`${asOf.slice(0, 8)}01`, -(months - 1));
  const since = minDate(addDays(firstMonth, b.rng.int(0, 20)), asOf);
  const employer = b.work.employer();
  if (b.rng.chance(0.4)) {
    const previous = b.work.employer();
    const prevEnd = addMonths(since, -b.rng.int(2, 4));
    b.work.employ(p, previous, addMonths(prevEnd, -b.rng.int(6, 24)), prevEnd);
  }
  b.work.employ(p, employer, since);
  return monthsInclusive(yearMonth(since), yearMonth(asOf));
}

registerFamily({
  name: 'short-insurance',
  description: 'A migrant family with permits and a valid lease whose parents have fewer than 12 continuous months of social insurance up to today.',
  build(b) {
    const f = migrantFamily(b);
    const months = shortJob(b, f.father);
    if (b.rng.chance(0.5)) shortJob(b, f.mother);
    return {
      description: `A migrant family renting in ${districtName(f.district)} whose father has paid insurance in Qingdao for only ${months} continuous months.`,
      members: childAndParents(f),
      schoolCode: schoolFor(b, f.home),
    };
  },
});
