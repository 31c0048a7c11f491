import { HRSS_MAX_PAGE_SIZE } from '../../connectors/hrss/types.js';
import type { HrssConfig } from '../../connectors/hrss/config.js';
import type { MockAgency } from '../types.js';
import { startHrssMock } from './server.js';

export { startHrssMock, HRSS_MOCK_DEFAULTS } from './server.js';
export { monthRecords, insuranceStatus, employmentRecord, yearMonthOf } from './render.js';

/** The human resources and social security bureau (人社局), style D: REST, API key header, cursor pages, 429 over quota. */
export const hrssMock: MockAgency<HrssConfig> = {
  agency: 'hrss',
  start: startHrssMock,
  sandboxConfig: (secret) => ({ apiKey: secret('hrss-api-key'), pageSize: HRSS_MAX_PAGE_SIZE }),
};
