/**
 * The bureau writes addresses only as the door it zoned (district, road, number: no province,
 * no city, no building, unit or room). The gateway's address normalizer reads every such
 * rendering of a population's addresses back into the population's own parts.
 */
import t from 'tap';
import { eduDoor } from '../../mocks/edu/render.js';
import { parseAddress } from '../../src/domain/address.js';
import { cityAddresses, population } from './fixtures/harness.js';

t.test('parseAddress reads every door the mock writes', async (t) => {
  const addresses = cityAddresses(population());
  t.ok(addresses.length >= 40, `${addresses.length} addresses`);
  for (const a of addresses) {
    const written = eduDoor(a);
    t.notMatch(written, /^(山东省|青岛市)/, 'no province, no city');
    t.same(parseAddress(written), { district: a.district, street: a.street, number: a.number, building: null, unit: null, room: null }, written);
  }
});

t.test('a district outside the city is left out, and the door still reads', async (t) => {
  t.same(parseAddress(eduDoor({ district: '370000', street: '福州南路', number: 88 })),
    { district: null, street: '福州南路', number: 88, building: null, unit: null, room: null });
});
