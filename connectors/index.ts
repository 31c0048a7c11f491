/**
 * Every agency module the gateway loads. Adding an agency is adding its folder here and
 * its mock in mocks/index.ts (connectors/README.md); nothing in src/ names an agency.
 */
import type { AgencyModule } from '../src/connectors/types.js';
import psb from './psb/index.js';
import nrp from './nrp/index.js';
import hud from './hud/index.js';
import hrss from './hrss/index.js';
import amr from './amr/index.js';
import mca from './mca/index.js';
import nhc from './nhc/index.js';
import edu from './edu/index.js';

export const AGENCIES: AgencyModule[] = [psb, nrp, hud, hrss, amr, mca, nhc, edu];
