/**
 * 青岛市教育局 (EDU): student status (学籍) and school-district zoning (学区划片).
 * Protocol style H (DESIGN.md §2): plain JSON REST with a static bearer token; HTTP 404
 * with the bureau's no-record code means "no such pupil" (codes.ts).
 * The folder follows connectors/README.md.
 */
import { defineAgency } from '../../src/connectors/types.js';
import { createEduClient } from './client.js';
import { EduConfig } from './config.js';
import { EDU_FACTS } from './facts.js';
import { schoolDistrict } from './interfaces/school-district.js';
import { studentStatus } from './interfaces/student-status.js';

export default defineAgency({
  id: 'edu',
  name: '青岛市教育局 (EDU)',
  configSchema: EduConfig,
  createClient: createEduClient,
  connectors: [studentStatus, schoolDistrict],
  facts: EDU_FACTS,
});

export { studentStatus, schoolDistrict };
export { studentStatusFact, personSchoolDistrict, propertySchoolDistrict } from './facts.js';
export { createEduClient, type EduClient } from './client.js';
export { EduConfig } from './config.js';
