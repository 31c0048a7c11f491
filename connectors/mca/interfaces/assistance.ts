/** `mca.assistance`: one declaration; the exchange job is the client's, the mapping to-assistance.ts. */
import { Assistance } from '../../../schemas/facts/mca.js';
import { defineConnector } from '../../../src/connectors/types.js';
import type { McaClient } from '../client.js';
import { toAssistance } from '../to-assistance.js';
import { MCA_TTL } from '../ttl.js';
import { McaByIdNumberInput } from '../types.js';

/** MCA exchange job `assistance` (低保/特困): the person's social-assistance entitlements. NO_RECORD is not_found. */
export const assistance = defineConnector({
  id: 'mca.assistance',
  agency: 'mca',
  title: 'social assistance (低保/特困): kind, since, valid until',
  dataItem: 'social-assistance',
  input: McaByIdNumberInput,
  schema: Assistance,
  ttl: MCA_TTL.assistance,
  fetch: (client: McaClient, input, signal) => client.exchange('assistance', input.idNumber, signal),
  map: (raw) => toAssistance(raw),
});
