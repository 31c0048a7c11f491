import { Household } from '../../../schemas/facts/psb.js';
import { defineConnector } from '../../../src/connectors/types.js';
import type { PsbClient } from '../client.js';
import { toHousehold } from '../to-household.js';
import { PSB_TTL } from '../ttl.js';
import { PsbByHouseholdNumberInput } from '../types.js';

/** PSB `hjcy` (户籍成员): the members of a household. */
export const hukouHousehold = defineConnector({
  id: 'psb.hukou-household',
  agency: 'psb',
  title: 'members of a household and their relation to the head',
  dataItem: 'household-registration',
  input: PsbByHouseholdNumberInput,
  schema: Household,
  ttl: PSB_TTL.registry,
  fetch: (client: PsbClient, input, signal) => client.query('hjcy', { hh: input.householdNumber }, signal),
  map: (raw) => toHousehold(raw),
});
