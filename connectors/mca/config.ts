/** The MCA block of the gateway config (besides baseUrl/connections, which every agency has). */
import { Type, type Static } from '@sinclair/typebox';
import { MCA_MAX_POLL_INTERVAL_MS } from './types.js';

export const MCA_DEFAULT_POLL_INTERVAL_MS = 5;
export const MCA_DEFAULT_MAX_POLLS = 50;

export const McaConfig = Type.Object({
  /** The exchange token MCA issued to the education bureau (sent as `X-Exchange-Token`); never logged. No default. */
  token: Type.String({ minLength: 16 }),
  /** The first wait between submission and poll, in ms; each further wait doubles, up to 200 ms. Default 5. */
  pollIntervalMs: Type.Integer({ minimum: 1, maximum: MCA_MAX_POLL_INTERVAL_MS, default: MCA_DEFAULT_POLL_INTERVAL_MS }),
  /** Polls of one job before the call gives up (timeout), a guard besides the call's own deadline. Default 50. */
  maxPolls: Type.Integer({ minimum: 1, maximum: 1000, default: MCA_DEFAULT_MAX_POLLS }),
}, { additionalProperties: false });
export type McaConfig = Static<typeof McaConfig>;
