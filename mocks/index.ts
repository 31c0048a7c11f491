/** Every mock agency, by the id of the connectors/<agency> module it stands in for. */
import type { MockAgency } from './types.js';
import { psbMock } from './psb/index.js';
import { nrpMock } from './nrp/index.js';
import { hudMock } from './hud/index.js';
import { hrssMock } from './hrss/index.js';
import { amrMock } from './amr/index.js';
import { mcaMock } from './mca/index.js';
import { nhcMock } from './nhc/index.js';
import { eduMock } from './edu/index.js';

export const MOCKS: MockAgency[] = [psbMock, nrpMock, hudMock, hrssMock, amrMock, mcaMock, nhcMock, eduMock];
