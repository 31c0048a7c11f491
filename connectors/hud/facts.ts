/** The API facts HUD answers, both about a person. Platforms code against these names. */
import { Leases, SaleContracts } from '../../schemas/facts/hud.js';
import { defineFact } from '../../src/connectors/types.js';
import { leaseRegistration } from './interfaces/lease-registration.js';
import { saleContract } from './interfaces/sale-contract.js';

/** A filed contract may stand in for a certificate (contract-no-certificate families). */
export const saleContractsFact = defineFact({
  name: 'saleContracts',
  subject: 'person',
  schema: SaleContracts,
  connectors: [saleContract],
  resolve: (subject, call) => call(saleContract, { idNumber: subject.idNumber }),
});

export const leasesFact = defineFact({
  name: 'leases',
  subject: 'person',
  schema: Leases,
  connectors: [leaseRegistration],
  resolve: (subject, call) => call(leaseRegistration, { idNumber: subject.idNumber }),
});

export const HUD_FACTS = [saleContractsFact, leasesFact];
