/**
 * The mock's `corrupt` fault (every date becomes the legacy zero date 0000-00-00) gives
 * invalid_response, never a plausible wrong fact; aimed at one interface, it breaks that one only.
 */
import t from 'tap';
import { leaseRegistration, saleContract, type HudClient } from '../../connectors/hud/index.js';
import type { ConnectorDefinition } from '../../src/connectors/types.js';
import { callThrough, population, startHud, upstreamError } from './fixtures/harness.js';

t.test('corrupt answers are refused', async (t) => {
  const pop = population();
  const buyer = pop.saleContracts[0]!.buyers[0]!;
  const tenant = pop.leases[0]!.tenants[0]!;
  const { mock, client } = await startHud(t);

  mock.faults.set({ kind: 'corrupt' });
  const cases: Array<[ConnectorDefinition<HudClient, { idNumber: string }>, string]> = [[saleContract, buyer], [leaseRegistration, tenant]];
  for (const [connector, idNumber] of cases) {
    const err = await upstreamError(() => callThrough(client, connector, { idNumber }));
    t.same([err.outcome, err.status], ['fatal', 'invalid_response'], connector.id);
    t.notOk(err.message.includes(idNumber));
  }

  mock.faults.set({ kind: 'corrupt', interface: 'leases' });
  t.equal((await callThrough(client, saleContract, { idNumber: buyer })).status, 'found', 'sale-contracts untouched');
  const err = await upstreamError(() => callThrough(client, leaseRegistration, { idNumber: tenant }));
  t.equal(err.status, 'invalid_response', 'leases corrupt');

  mock.faults.clear();
  t.equal((await callThrough(client, leaseRegistration, { idNumber: tenant })).status, 'found', 'cleared');
});
