/**
 * 青岛市人力资源和社会保障局 (HRSS): social insurance and employment registration.
 * Protocol style D (DESIGN.md §2): REST GETs with an API key header, cursor pages over
 * monthly records, amounts in fen, 404 for "no record", 429 with Retry-After over quota.
 * The folder follows connectors/README.md.
 */
import { defineAgency } from '../../src/connectors/types.js';
import { createHrssClient } from './client.js';
import { HrssConfig } from './config.js';
import { HRSS_FACTS } from './facts.js';
import { employment } from './interfaces/employment.js';
import { insuranceHistory } from './interfaces/insurance-history.js';
import { insuranceStatus } from './interfaces/insurance-status.js';

export default defineAgency({
  id: 'hrss',
  name: '青岛市人力资源和社会保障局 (HRSS)',
  configSchema: HrssConfig,
  createClient: createHrssClient,
  connectors: [insuranceStatus, insuranceHistory, employment],
  facts: HRSS_FACTS,
});

export { insuranceStatus, insuranceHistory, employment };
export { socialInsuranceFact, employmentFact } from './facts.js';
export { createHrssClient, type HrssClient } from './client.js';
export { HrssConfig } from './config.js';
