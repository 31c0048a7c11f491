/** The HRSS block of the gateway config (besides baseUrl/connections, which every agency has). */
import { Type, type Static } from '@sinclair/typebox';
import { HRSS_MAX_PAGE_SIZE } from './types.js';

export const HrssConfig = Type.Object({
  /** The API key HRSS issued to the education bureau, sent as `X-Api-Key`; never logged. No default. */
  apiKey: Type.String({ minLength: 16 }),
  /** Monthly records asked for per page (`limit`), 1–100 (the registry refuses more). Default 100, the most it gives: a history is read in sequential pages, so each page fewer is a round trip less. */
  pageSize: Type.Integer({ minimum: 1, maximum: HRSS_MAX_PAGE_SIZE, default: HRSS_MAX_PAGE_SIZE }),
}, { additionalProperties: false });
export type HrssConfig = Static<typeof HrssConfig>;
