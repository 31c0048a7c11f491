import type { HudConfig } from '../../connectors/hud/config.js';
import type { MockAgency } from '../types.js';
import { startHudMock } from './server.js';

export { buildHudServer, startHudMock, HUD_MOCK_DEFAULTS, type HudMockTuning } from './server.js';
export { hudAddress, saleContractItem, leaseItem } from './render.js';

/** The housing bureau (住房和城乡建设局), style C: OAuth2 client-credentials tokens, REST GETs, `{ items, total }`. */
export const hudMock: MockAgency<HudConfig> = {
  agency: 'hud',
  start: (options) => startHudMock(options),
  sandboxConfig: (secret) => ({ clientId: 'tongban-sandbox', clientSecret: secret('hud-client-secret') }),
};
