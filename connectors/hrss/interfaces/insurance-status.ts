import { InsuranceStatus } from '../../../schemas/facts/hrss.js';
import { defineConnector } from '../../../src/connectors/types.js';
import type { HrssClient } from '../client.js';
import { toInsuranceStatus } from '../to-social-insurance.js';
import { HRSS_TTL } from '../ttl.js';
import { HrssByIdNumberInput } from '../types.js';

/** HRSS `GET /api/v2/insurance/{idNumber}/status` (参保状态): 404 errcode 40400 is not_found. */
export const insuranceStatus = defineConnector({
  id: 'hrss.insurance-status',
  agency: 'hrss',
  title: 'social insurance: currently insured? employer, city',
  dataItem: 'social-insurance',
  input: HrssByIdNumberInput,
  schema: InsuranceStatus,
  ttl: HRSS_TTL.status,
  fetch: (client: HrssClient, input, signal) => client.insuranceStatus(input.idNumber, signal),
  map: (raw) => toInsuranceStatus(raw),
});
