/** An owner with enough certificates that the registry answers in several pages. */
import { districtName } from '../../../src/domain/districts.js';
import { addMonths, addYears } from '../dates.js';
import { addChildren, localHome } from '../families.js';
import { registerFamily } from './registry.js';
import { member } from './shared.js';

registerFamily({
  name: 'many-properties',
  description: 'The owner holds seven or more property certificates (exercises paging).',
  build(b) {
    const asOf = b.asOf;
    const fam = localHome(b, { age: [40, 62], ownership: 'joint' });
    addChildren(b, fam, b.rng.int(0, 2));
    const owner = b.rng.chance(0.7) ? fam.husband : fam.wife;
    const spouse = owner === fam.husband ? fam.wife : fam.husband;
    const extra = b.rng.int(6, 11);
    for (let i = 0; i < extra; i++) {
      const use = b.rng.weighted([['residential', 5], ['parking', 3], ['commercial', 2], ['office', 1]] as const);
      const kind = use === 'residential' ? 'flat' : use === 'parking' ? 'parking' : use === 'commercial' ? 'shop' : 'office';
      // The first is held in shares with the spouse (an investment flat): every owner has one.
      const share = i === 0 ? 'shares' : b.rng.weighted([['sole', 7], ['joint', 2], ['shares', 1]] as const);
      b.property.register({
        address: b.places.address(b.places.district(), kind), use, owners: share === 'sole' ? [owner] : [owner, spouse], coOwnership: share,
        registeredOn: b.between(addYears(asOf, -12), addMonths(asOf, -1)),
      });
    }
    return { description: `An owner in ${districtName(fam.district)} with ${extra + 1} property certificates.`, members: [member('owner', owner)] };
  },
});
