/** The MCA mock as the sandbox and the mocks CLI start it (server.ts), and its sandbox config. */
import { MCA_DEFAULT_MAX_POLLS, MCA_DEFAULT_POLL_INTERVAL_MS, type McaConfig } from '../../connectors/mca/config.js';
import type { MockAgency } from '../types.js';
import { startMcaMock } from './server.js';

export { startMcaMock, MCA_MOCK_DEFAULTS, type McaMockTuning, type McaMockStats, type McaRunningMock } from './server.js';
export { assistanceRecords, marriageRecords } from './render.js';

/** The civil-affairs bureau (民政局), style F: jobs submitted and polled, `X-Exchange-Token`, jobs that expire. */
export const mcaMock: MockAgency<McaConfig> = {
  agency: 'mca',
  start: (options) => startMcaMock(options),
  sandboxConfig: (secret) => ({ token: secret('mca-exchange-token'), pollIntervalMs: MCA_DEFAULT_POLL_INTERVAL_MS, maxPolls: MCA_DEFAULT_MAX_POLLS }),
};
