import type { EduConfig } from '../../connectors/edu/config.js';
import type { MockAgency } from '../types.js';
import { startEduMock } from './server.js';

export { buildEduMock, startEduMock, eduInterfaceOf, corruptEduAnswer } from './server.js';
export { eduDoor, eduSchoolName, eduStudent, eduSchool } from './render.js';

/** The education bureau (教育局), style H: plain JSON REST with a static bearer token. */
export const eduMock: MockAgency<EduConfig> = {
  agency: 'edu',
  start: (options) => startEduMock(options),
  sandboxConfig: (secret) => ({ token: secret('edu-api-token') }),
};
