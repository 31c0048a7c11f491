/**
 * The family's home carries an active court seizure. For every seed: the home, at the
 * child's hukou address (since 13 months ago or earlier), was registered 10 years to 15
 * months ago and is seized on asOf; sometimes a shop of the father's is seized too.
 */
import { districtName } from '../../../src/domain/districts.js';
import { addMonths, addYears } from '../dates.js';
import { registerFamily } from './registry.js';
import { childAndParents, ownHomeFamily, schoolFor } from './shared.js';

registerFamily({
  name: 'seized-property',
  description: "The family's home, at the child's hukou address, carries an active court seizure (查封).",
  build(b) {
    const asOf = b.asOf;
    const f = ownHomeFamily(b, { registeredBetween: [addYears(asOf, -10), addMonths(asOf, -15)] });
    const r = b.property.seize(f.property);
    const mortgaged = f.property.restrictions.some((x) => x.kind === 'mortgage');
    let shop = '';
    if (b.rng.chance(0.3)) {
      const p = b.property.register({
        address: b.places.address(f.district, 'shop'), owners: [f.father], use: 'commercial',
        registeredOn: b.between(addYears(asOf, -8), addMonths(asOf, -6)),
      });
      shop = `, and the father's shop on ${b.property.seize(p).registeredOn}`;
    }
    return {
      description: `The family's home in ${districtName(f.district)}, the child's hukou address since ${f.since}, was seized by ${r.authority} on ${r.registeredOn}${mortgaged ? ' (it is also mortgaged)' : ''}${shop}.`,
      members: childAndParents(f),
      schoolCode: schoolFor(b, f.home),
    };
  },
});
