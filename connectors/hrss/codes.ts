/**
 * HRSS answer codes (style D in DESIGN.md §2), classified once. The registry is REST: the
 * HTTP status says what kind of failure it is and the body `{ errcode, errmsg }` which.
 * Nothing outside this folder knows these codes; the mock answers with `http` and `errmsg`.
 *
 * | HTTP | errcode | Registry says   | Outcome   | Status reported  |
 * |------|---------|-----------------|-----------|------------------|
 * | 200  | —       | the resource    | ok        | ok               |
 * | 400  | 40001   | 请求参数错误     | fatal     | invalid_request  |
 * | 401  | 40100   | API Key无效      | fatal     | upstream_error   |
 * | 404  | 40400   | 无此人员记录     | not_found | not_found        |
 * | 404  | 40401   | 接口不存在       | fatal     | upstream_error   |
 * | 429  | 42900   | 请求过于频繁     | retryable | rate_limited     |
 * | 500  | 50000   | 系统内部错误     | retryable | upstream_error   |
 *
 * HRSS uses 404 for "no record of this person": the client maps a 404 carrying errcode
 * 40400 to not_found BEFORE the kit's table (src/connectors/kit/http.ts), where a 404 is a
 * fatal upstream_error. Any other 404 (another errcode, no JSON: a wrong base path, a front
 * end's page) stays the kit's fatal error, so a misconfigured URL never reads as "nobody
 * is insured". Every other status follows the kit's table alone; the errcode only adds its
 * meaning to the message. 429 comes with `Retry-After` (seconds), which the kit reads.
 */
import { codeTable } from '../../src/connectors/kit/codes.js';

export const HRSS_CODES = codeTable({
  '40001': { http: 400, outcome: 'fatal', status: 'invalid_request', meaning: 'request parameters refused (ID number, cursor or limit)', errmsg: '请求参数错误' },
  '40100': { http: 401, outcome: 'fatal', status: 'upstream_error', meaning: 'API key missing or refused (check apiKey)', errmsg: 'API Key无效' },
  '40400': { http: 404, outcome: 'not_found', meaning: 'no record of this person', errmsg: '无此人员记录' },
  '40401': { http: 404, outcome: 'fatal', status: 'upstream_error', meaning: 'no such interface (check baseUrl)', errmsg: '接口不存在' },
  '42900': { http: 429, outcome: 'retryable', status: 'rate_limited', meaning: 'quota exceeded', errmsg: '请求过于频繁，请稍后再试' },
  '50000': { http: 500, outcome: 'retryable', status: 'upstream_error', meaning: 'internal error', errmsg: '系统内部错误' },
} as const);

export type HrssCode = keyof typeof HRSS_CODES.entries;
