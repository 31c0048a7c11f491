/** The HUD facts resolve through their connectors, about a person by ID number. */
import t from 'tap';
import { leasesFact, saleContractsFact } from '../../connectors/hud/index.js';
import type { PersonSubject } from '../../src/connectors/types.js';
import { UNKNOWN_ID, directCall, expectedLeases, expectedSaleContracts, population, startHud, withoutAddressText } from './fixtures/harness.js';
import type { CallLog } from '../helpers/direct-call.js';

const person = (idNumber: string): PersonSubject => ({ kind: 'person', ref: 'father', idNumber, name: '某某' });

t.test('the HUD facts', async (t) => {
  const pop = population();
  const { client } = await startHud(t);

  t.test('saleContracts: one call to hud.sale-contract', async (t) => {
    const idNumber = pop.saleContracts[0]!.buyers[0]!;
    const log: CallLog[] = [];
    const res = await saleContractsFact.resolve(person(idNumber), directCall(client, log));
    if (res.status !== 'found') throw new Error(`expected found, got ${res.status}`);
    t.same(withoutAddressText(res.value), expectedSaleContracts(pop, idNumber));
    t.same(log.map((c) => [c.connector, c.input]), [['hud.sale-contract', { idNumber }]]);
  });

  t.test('leases: one call to hud.lease-registration', async (t) => {
    const idNumber = pop.leases[0]!.tenants[0]!;
    const log: CallLog[] = [];
    const res = await leasesFact.resolve(person(idNumber), directCall(client, log));
    if (res.status !== 'found') throw new Error(`expected found, got ${res.status}`);
    t.same(withoutAddressText(res.value), expectedLeases(pop, idNumber));
    t.same(log.map((c) => c.connector), ['hud.lease-registration']);
  });

  t.test('nobody: not_found from both', async (t) => {
    t.same(await saleContractsFact.resolve(person(UNKNOWN_ID), directCall(client)), { status: 'not_found' });
    t.same(await leasesFact.resolve(person(UNKNOWN_ID), directCall(client)), { status: 'not_found' });
  });
});

