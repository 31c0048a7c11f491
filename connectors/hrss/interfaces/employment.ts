import { Employment } from '../../../schemas/facts/hrss.js';
import { defineConnector } from '../../../src/connectors/types.js';
import type { HrssClient } from '../client.js';
import { toEmployment } from '../to-employment.js';
import { HRSS_TTL } from '../ttl.js';
import { HrssByIdNumberInput } from '../types.js';

/** HRSS `GET /api/v2/employment/{idNumber}` (就业登记): registered employers and since when. */
export const employment = defineConnector({
  id: 'hrss.employment',
  agency: 'hrss',
  title: 'employment registration: registered employer and since when',
  dataItem: 'employment-registration',
  input: HrssByIdNumberInput,
  schema: Employment,
  ttl: HRSS_TTL.employment,
  fetch: (client: HrssClient, input, signal) => client.employment(input.idNumber, signal),
  map: (raw) => toEmployment(raw),
});
