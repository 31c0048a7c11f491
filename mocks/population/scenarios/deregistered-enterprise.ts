/**
 * A migrant parent whose sole-trader business is deregistered. For every seed: one parent
 * is the operator of a sole trader established 10 to 3 years ago, now cancelled, and leads
 * no other enterprise; neither parent is employed or insured; permits and lease valid on
 * asOf.
 */
import { addYears } from '../dates.js';
import { soleTrader } from '../families.js';
import { registerFamily } from './registry.js';
import { childAndParents, migrantFamily, schoolFor } from './shared.js';

registerFamily({
  name: 'deregistered-enterprise',
  description: 'A migrant family with permits and a valid lease whose only business, a sole trader (个体工商户), has been deregistered, and neither parent is employed or insured.',
  build(b) {
    const asOf = b.asOf;
    const f = migrantFamily(b);
    const operator = b.rng.chance(0.6) ? f.father : f.mother;
    const establishedOn = b.between(addYears(asOf, -10), addYears(asOf, -3));
    const shop = soleTrader(b, operator, f.district, establishedOn, 'cancelled');
    return {
      description: `The ${operator === f.father ? 'father' : 'mother'} ran ${shop.name} from ${establishedOn}; it is deregistered, and neither parent is employed.`,
      members: childAndParents(f),
      schoolCode: schoolFor(b, f.home),
    };
  },
});
