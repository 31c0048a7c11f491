import { Hukou } from '../../../schemas/facts/psb.js';
import { defineConnector } from '../../../src/connectors/types.js';
import type { PsbClient } from '../client.js';
import { toHukou } from '../to-hukou.js';
import { PSB_TTL } from '../ttl.js';
import { PsbByIdNumberInput } from '../types.js';

/** PSB `czrk` (常住人口): one person's hukou. */
export const hukouPerson = defineConnector({
  id: 'psb.hukou-person',
  agency: 'psb',
  title: "person's hukou: address, household number, relation to head, registered on",
  dataItem: 'household-registration',
  input: PsbByIdNumberInput,
  schema: Hukou,
  ttl: PSB_TTL.registry,
  fetch: (client: PsbClient, input, signal) => client.query('czrk', { sfzh: input.idNumber }, signal),
  map: (raw) => toHukou(raw),
});
