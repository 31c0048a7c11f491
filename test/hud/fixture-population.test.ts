/** The population the HUD tests use is valid, and holds what they are about. */
import t from 'tap';
import { validatePopulation } from '../../mocks/population/load.js';
import { population } from './fixtures/harness.js';

t.test('the test population is a valid population (schema and references)', async (t) => {
  t.same(validatePopulation(population()), []);
});

t.test('it holds the cases the HUD tests rely on', async (t) => {
  const pop = population();
  t.ok(pop.saleContracts.some((c) => c.status === 'cancelled'), 'a cancelled filing');
  t.ok(pop.saleContracts.some((c) => c.buyers.length > 1), 'co-buyers');
  t.ok(pop.leases.some((l) => l.tenants.length > 1), 'co-tenants');
  const perBuyer = new Map<string, number>();
  for (const c of pop.saleContracts) for (const b of c.buyers) perBuyer.set(b, (perBuyer.get(b) ?? 0) + 1);
  t.ok([...perBuyer.values()].some((n) => n >= 3), 'a buyer with three filings');
  const addresses = [...pop.saleContracts, ...pop.leases].map((r) => r.address);
  t.ok(addresses.some((a) => a.building === undefined && a.room === undefined), 'a house');
  t.ok(addresses.some((a) => a.building !== undefined && a.unit === undefined && a.room !== undefined), 'building and room, no unit');
  t.ok(addresses.some((a) => a.building !== undefined && a.unit !== undefined && a.room === undefined), 'building and unit, no room');
  t.ok(addresses.some((a) => a.building === undefined && a.room !== undefined), 'a room without building');
});
