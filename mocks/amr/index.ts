import type { AmrConfig } from '../../connectors/amr/config.js';
import type { MockAgency } from '../types.js';
import { startAmrMock } from './server.js';

export { buildAmrServer, startAmrMock } from './server.js';
export { amrAddress, amrCapital, amrDate, amrEntity } from './render.js';

/** The market-entity register (市场监督管理局), style E: GETs with the key in the query, GB18030 JSON with Chinese keys. */
export const amrMock: MockAgency<AmrConfig> = {
  agency: 'amr',
  start: (options) => startAmrMock(options),
  sandboxConfig: (secret) => ({ accessKey: secret('amr-access-key') }),
};
