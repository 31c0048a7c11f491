/**
 * Every agency module the gateway loads. Adding an agency is adding its folder here and
 * its mock in mocks/index.ts; nothing in src/ names an agency.
 */
import type { AgencyModule } from '../src/connectors/types.js';
import psb from './psb/index.js';
import nrp from './nrp/index.js';

export const AGENCIES: AgencyModule[] = [psb, nrp];
