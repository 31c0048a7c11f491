/**
 * 青岛市公安局 (PSB): household registration, residence permits, identity.
 * Protocol style A (DESIGN.md §2): signed JSON POSTs, answers in a `{code, msg, data}` envelope.
 */
import { defineAgency } from '../../src/connectors/types.js';
import { createPsbClient } from './client.js';
import { PsbConfig } from './config.js';
import { PSB_CONNECTORS } from './connectors.js';
import { PSB_FACTS } from './facts.js';

export default defineAgency({
  id: 'psb',
  name: '青岛市公安局 (PSB)',
  configSchema: PsbConfig,
  createClient: createPsbClient,
  connectors: PSB_CONNECTORS,
  facts: PSB_FACTS,
});

export { hukouPerson, hukouHousehold, hukouMigration, residencePermit, identityCheck } from './connectors.js';
export { hukouFact, householdFact, hukouMovesFact, residencePermitFact, identityFact } from './facts.js';
export { createPsbClient, type PsbClient } from './client.js';
export { PsbConfig } from './config.js';
