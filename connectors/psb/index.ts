/**
 * 青岛市公安局 (PSB): household registration, residence permits, identity.
 * Protocol style A (DESIGN.md §2): signed JSON POSTs, answers in a `{code, msg, data}` envelope.
 * The folder follows connectors/README.md.
 */
import { defineAgency } from '../../src/connectors/types.js';
import { createPsbClient } from './client.js';
import { PsbConfig } from './config.js';
import { PSB_FACTS } from './facts.js';
import { hukouHousehold } from './interfaces/hukou-household.js';
import { hukouMigration } from './interfaces/hukou-migration.js';
import { hukouPerson } from './interfaces/hukou-person.js';
import { identityCheck } from './interfaces/identity-check.js';
import { residencePermit } from './interfaces/residence-permit.js';

export default defineAgency({
  id: 'psb',
  name: '青岛市公安局 (PSB)',
  configSchema: PsbConfig,
  createClient: createPsbClient,
  connectors: [hukouPerson, hukouHousehold, hukouMigration, residencePermit, identityCheck],
  facts: PSB_FACTS,
});

export { hukouPerson, hukouHousehold, hukouMigration, residencePermit, identityCheck };
export { hukouFact, householdFact, hukouMovesFact, residencePermitFact, identityFact } from './facts.js';
export { createPsbClient, type PsbClient } from './client.js';
export { PsbConfig } from './config.js';
