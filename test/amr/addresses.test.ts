/**
 * AMR writes addresses its own way (山东省青岛市…号3幢2单元1205室); the gateway's normalizer
 * must read every one of them back into the population's structured address.
 */
import t from 'tap';
import { amrAddress } from '../../mocks/amr/render.js';
import type { Address } from '../../schemas/population.js';
import { parseAddress } from '../../src/domain/address.js';
import { smallPopulation } from '../helpers/gateway.js';
import { structured } from './fixtures/helpers.js';

t.test('parseAddress reads every address of a small population as AMR writes it', async (t) => {
  const p = smallPopulation();
  const places = [
    ...p.enterprises.map((e) => e.address),
    ...p.households.map((h) => h.address),
    ...p.properties.map((x) => x.address),
    ...p.residencePermits.map((x) => x.address),
    ...p.leases.map((x) => x.address),
    ...p.saleContracts.map((x) => x.address),
  ].filter((a): a is Address => !('outside' in a));
  t.ok(p.enterprises.length > 0 && places.length > p.enterprises.length);
  let mismatches = 0;
  for (const a of places) {
    const text = amrAddress(a);
    const parsed = parseAddress(text);
    if (JSON.stringify(parsed) !== JSON.stringify(structured(a))) {
      mismatches++;
      t.same(parsed, structured(a), text);
    }
  }
  t.equal(mismatches, 0, `${places.length} addresses read back`);
});

t.test('the AMR way differs from PSB’s and NRP’s', async (t) => {
  const a: Address = { district: '370202', street: '福州南路', number: 88, building: 3, unit: 2, room: '501' };
  t.equal(amrAddress(a), '山东省青岛市市南区福州南路88号3幢2单元501室');
  t.equal(amrAddress({ district: '370202', street: '福州南路', number: 88, room: '1205' }), '山东省青岛市市南区福州南路88号1205室');
  t.equal(amrAddress({ district: '370202', street: '福州南路', number: 88 }), '山东省青岛市市南区福州南路88号');
});
