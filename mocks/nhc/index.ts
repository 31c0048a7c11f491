/** The health commission's mock (卫生健康委员会), style G: HMAC-SM3-signed JSON POSTs, `{code, msg, data}` envelopes. */
import type { NhcConfig } from '../../connectors/nhc/config.js';
import type { MockAgency } from '../types.js';
import { startNhcMock } from './server.js';

export { buildNhcServer, startNhcMock, corruptNhcAnswer, nhcInterfaceOf, NHC_MOCK_DEFAULTS, type NhcMockTuning } from './server.js';
export { createNhcServices } from './services.js';
export { nhcBirthCertificate } from './render.js';

export const nhcMock: MockAgency<NhcConfig> = {
  agency: 'nhc',
  start: (options) => startNhcMock(options),
  sandboxConfig: (secret) => ({ appId: 'tongban-sandbox', appSecret: secret('nhc-app-secret') }),
};
