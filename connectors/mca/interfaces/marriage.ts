/** `mca.marriage`: one declaration; the exchange job is the client's, the mapping to-marriage.ts. */
import { Marriage } from '../../../schemas/facts/mca.js';
import { defineConnector } from '../../../src/connectors/types.js';
import type { McaClient } from '../client.js';
import { toMarriage } from '../to-marriage.js';
import { MCA_TTL } from '../ttl.js';
import { McaByIdNumberInput } from '../types.js';

/** MCA exchange job `marriage` (婚姻登记): the person's marriage registrations. NO_RECORD is not_found. */
export const marriage = defineConnector({
  id: 'mca.marriage',
  agency: 'mca',
  title: 'marriage registrations (婚姻登记): marital status, spouse, dates',
  dataItem: 'marriage-registration',
  input: McaByIdNumberInput,
  schema: Marriage,
  ttl: MCA_TTL.marriage,
  fetch: (client: McaClient, input, signal) => client.exchange('marriage', input.idNumber, signal),
  map: (raw) => toMarriage(raw),
});
