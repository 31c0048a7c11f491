/** A property of the family carries an active court seizure. */
import { addMonths, addYears } from '../dates.js';
import { registerFamily } from './registry.js';
import { childAndParents, ownHomeFamily, schoolFor } from './shared.js';

registerFamily({
  name: 'seized-property',
  description: 'A property the family owns carries an active court seizure (查封).',
  build(b) {
    const asOf = b.asOf;
    const f = ownHomeFamily(b, { registeredBetween: [addYears(asOf, -10), addMonths(asOf, -4)] });
    let seized = f.property;
    if (b.rng.chance(0.3)) {
      seized = b.property.register({
        address: b.places.address(f.district, 'shop'), owners: [f.father], use: 'commercial',
        registeredOn: b.between(addYears(asOf, -8), addMonths(asOf, -6)),
      });
    }
    const r = b.property.seize(seized);
    const mortgaged = seized.restrictions.some((x) => x.kind === 'mortgage');
    return {
      description: `The family's ${seized === f.property ? 'home' : 'shop'} was seized by ${r.authority} on ${r.registeredOn}${mortgaged ? ' and is also mortgaged' : ''}.`,
      members: childAndParents(f),
      schoolCode: schoolFor(b, f.home),
    };
  },
});
