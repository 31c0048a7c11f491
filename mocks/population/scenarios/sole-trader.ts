/** A migrant parent who runs a sole-trader business instead of being employed. */
import { addMonths, addYears } from '../dates.js';
import { employLong, soleTrader } from '../families.js';
import { registerFamily } from './registry.js';
import { childAndParents, migrantFamily, schoolFor } from './shared.js';

registerFamily({
  name: 'sole-trader',
  description: 'A migrant parent runs an active sole-trader business (个体工商户) registered over a year ago and has a lease and a residence permit but no employer insurance.',
  build(b) {
    const asOf = b.asOf;
    const f = migrantFamily(b);
    const trader = b.rng.chance(0.6) ? f.father : f.mother;
    const partner = trader === f.father ? f.mother : f.father;
    const establishedOn = b.between(addYears(asOf, -6), addMonths(asOf, -14));
    const shop = soleTrader(b, trader, f.district, establishedOn);
    if (b.rng.chance(0.5)) employLong(b, partner, 0);
    return {
      description: `The ${trader === f.father ? 'father' : 'mother'} has run ${shop.name} since ${establishedOn} and pays no employee insurance.`,
      members: childAndParents(f),
      schoolCode: schoolFor(b, f.home),
    };
  },
});
