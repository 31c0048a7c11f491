import { InsuranceHistory } from '../../../schemas/facts/hrss.js';
import { defineConnector } from '../../../src/connectors/types.js';
import type { HrssClient } from '../client.js';
import { toInsuranceHistory } from '../to-social-insurance.js';
import { HRSS_TTL } from '../ttl.js';
import { HrssByIdNumberInput } from '../types.js';

/**
 * HRSS `GET /api/v2/insurance/{idNumber}/months` (缴费明细, cursor pages of `pageSize`):
 * every monthly contribution record, all pages, and the continuous months they make.
 */
export const insuranceHistory = defineConnector({
  id: 'hrss.insurance-history',
  agency: 'hrss',
  title: 'social insurance: monthly contribution records and continuous months',
  dataItem: 'social-insurance',
  input: HrssByIdNumberInput,
  schema: InsuranceHistory,
  ttl: HRSS_TTL.history,
  fetch: (client: HrssClient, input, signal) => client.allMonths(input.idNumber, signal),
  map: (records) => toInsuranceHistory(records),
});
