/** hud.sale-contract against the mock: every buyer's filings equal the population's, by value. */
import t from 'tap';
import { saleContract } from '../../connectors/hud/index.js';
import { UNKNOWN_ID, callThrough, expectedSaleContracts, population, startHud, withoutAddressText } from './fixtures/harness.js';

t.test('hud.sale-contract', async (t) => {
  const pop = population();
  const { client } = await startHud(t);
  const buyers = [...new Set(pop.saleContracts.flatMap((c) => c.buyers))];

  t.test('found: every buyer of the population gets their filings, oldest first', async (t) => {
    t.ok(buyers.length >= 3, `${buyers.length} buyers`);
    t.ok(pop.saleContracts.some((c) => c.status === 'cancelled'), 'a cancelled filing among them');
    t.ok(pop.saleContracts.some((c) => c.buyers.length > 1), 'a filing with co-buyers among them');
    for (const idNumber of buyers) {
      const res = await callThrough(client, saleContract, { idNumber });
      if (res.status !== 'found') throw new Error(`expected found, got ${res.status}`);
      t.same(withoutAddressText(res.value), expectedSaleContracts(pop, idNumber));
      for (const c of res.value) {
        t.notMatch(c.address, /^(山东省|青岛市)/, 'HUD writes the short address: district first, no province or city');
        t.notOk(c.address.includes(idNumber), 'no ID number in an address');
      }
      t.notOk(JSON.stringify(res.value).includes(idNumber), 'no buyer ID number in the fact');
    }
  });

  t.test('not found: a person with no filing', async (t) => {
    const nonBuyer = pop.persons.find((p) => !buyers.includes(p.idNumber))!;
    t.same(await callThrough(client, saleContract, { idNumber: nonBuyer.idNumber }), { status: 'not_found' });
  });

  t.test('not found: an unknown ID number', async (t) => {
    t.same(await callThrough(client, saleContract, { idNumber: UNKNOWN_ID }), { status: 'not_found' });
  });
});
