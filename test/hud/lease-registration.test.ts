/** hud.lease-registration against the mock: every tenant's leases equal the population's, by value. */
import t from 'tap';
import { leaseRegistration } from '../../connectors/hud/index.js';
import { UNKNOWN_ID, callThrough, expectedLeases, population, startHud, withoutAddressText } from './fixtures/harness.js';

t.test('hud.lease-registration', async (t) => {
  const pop = population();
  const { client } = await startHud(t);
  const tenants = [...new Set(pop.leases.flatMap((l) => l.tenants))];

  t.test('found: every tenant of the population gets their leases, earliest first', async (t) => {
    t.ok(tenants.length >= 3, `${tenants.length} tenants`);
    t.ok(pop.leases.some((l) => l.tenants.length > 1), 'a lease with co-tenants among them');
    for (const idNumber of tenants) {
      const res = await callThrough(client, leaseRegistration, { idNumber });
      if (res.status !== 'found') throw new Error(`expected found, got ${res.status}`);
      t.same(withoutAddressText(res.value), expectedLeases(pop, idNumber));
      const text = JSON.stringify(res.value);
      for (const l of pop.leases.filter((l) => l.tenants.includes(idNumber))) {
        t.notOk(text.includes(l.landlordIdNumber), 'the landlord’s ID number leaves masked');
        for (const other of l.tenants) t.notOk(text.includes(other), 'no tenant ID number in the fact');
      }
    }
  });

  t.test('found: a tenant with an earlier lease gets both, in order', async (t) => {
    const twice = tenants.find((id) => pop.leases.filter((l) => l.tenants.includes(id)).length >= 2);
    t.ok(twice, 'the population holds a tenant with two leases');
    if (!twice) return;
    const res = await callThrough(client, leaseRegistration, { idNumber: twice });
    if (res.status !== 'found') throw new Error(`expected found, got ${res.status}`);
    t.ok(res.value.length >= 2);
    t.ok(res.value.every((l, i) => i === 0 || res.value[i - 1]!.startOn <= l.startOn), 'earliest start first');
  });

  t.test('not found: a person with no registered lease', async (t) => {
    const owner = pop.persons.find((p) => !tenants.includes(p.idNumber))!;
    t.same(await callThrough(client, leaseRegistration, { idNumber: owner.idNumber }), { status: 'not_found' });
  });

  t.test('not found: an unknown ID number', async (t) => {
    t.same(await callThrough(client, leaseRegistration, { idNumber: UNKNOWN_ID }), { status: 'not_found' });
  });
});
