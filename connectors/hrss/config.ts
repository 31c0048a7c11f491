/** The HRSS block of the gateway config (besides baseUrl/connections, which every agency has). */
import { Type, type Static } from '@sinclair/typebox';
import { HRSS_DEFAULT_PAGE_SIZE, HRSS_MAX_PAGE_SIZE } from './types.js';

export const HrssConfig = Type.Object({
  /** The API key HRSS issued to the education bureau, sent as `X-Api-Key`; never logged. No default. */
  apiKey: Type.String({ minLength: 16 }),
  /** Monthly records asked for per page (`limit`), 1–100 (the registry refuses more). Default 24. */
  pageSize: Type.Integer({ minimum: 1, maximum: HRSS_MAX_PAGE_SIZE, default: HRSS_DEFAULT_PAGE_SIZE }),
}, { additionalProperties: false });
export type HrssConfig = Static<typeof HrssConfig>;
