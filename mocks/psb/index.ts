import type { PsbConfig } from '../../connectors/psb/config.js';
import type { MockAgency } from '../types.js';
import { startPsbMock } from './server.js';

export { buildPsbServer, startPsbMock, PSB_MOCK_DEFAULTS, type PsbMockTuning } from './server.js';
export { createPsbServices } from './services.js';
export { psbAddress } from './render.js';

/** The public security bureau (公安局), style A: signed JSON POSTs, `{code, msg, data}` envelopes. */
export const psbMock: MockAgency<PsbConfig> = {
  agency: 'psb',
  start: (options) => startPsbMock(options),
  sandboxConfig: (secret) => ({ appKey: 'tongban-sandbox', appSecret: secret('psb-app-secret') }),
};
