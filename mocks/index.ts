/** Every mock agency, by the id of the connectors/<agency> module it stands in for. */
import type { MockAgency } from './types.js';
import { psbMock } from './psb/index.js';
import { nrpMock } from './nrp/index.js';

export const MOCKS: MockAgency[] = [psbMock, nrpMock];
