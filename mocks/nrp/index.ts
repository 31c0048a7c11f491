import { NRP_DEFAULT_PAGE_SIZE, type NrpConfig } from '../../connectors/nrp/config.js';
import type { MockAgency } from '../types.js';
import { startNrpMock } from './server.js';

export { buildNrpServer, startNrpMock, indexProperties, NRP_PATH } from './server.js';

/** The real-estate registry (不动产登记), style B: XML, header token, pages, HTML 500s. */
export const nrpMock: MockAgency<NrpConfig> = {
  agency: 'nrp',
  start: startNrpMock,
  sandboxConfig: (secret) => ({ token: secret('nrp-token'), pageSize: NRP_DEFAULT_PAGE_SIZE }),
};
