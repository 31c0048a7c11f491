/**
 * AMR answer codes (状态码, style E in DESIGN.md §2), classified once (the kit's code table).
 * The register always answers HTTP 200 and puts the outcome in `状态码`; nothing outside this
 * folder knows these codes. They look like HTTP statuses but are not: an HTTP status other
 * than 200 goes through the kit's one table (src/connectors/kit/http.ts) before the body is
 * read. `message` is the text the register documents for the code: the mock answers with it.
 *
 * | 状态码 | Register says   | Outcome   | Status reported |
 * |--------|-----------------|-----------|-----------------|
 * | 200    | 查询成功         | ok        | ok              |
 * | 404    | 未查询到市场主体 | not_found | not_found       |
 * | 400    | 请求参数错误     | fatal     | invalid_request |
 * | 403    | 访问密钥无效     | fatal     | upstream_error  |
 * | 503    | 系统繁忙         | retryable | upstream_error  |
 * | else   | (unknown)       | fatal     | upstream_error  |
 */
import { codeTable, type CodeEntry } from '../../src/connectors/kit/codes.js';

/** The table as written, so that its codes stay a closed type (the kit's table answers any string). */
const ENTRIES = {
  '200': { outcome: 'ok', meaning: 'success', message: '查询成功' },
  '404': { outcome: 'not_found', meaning: 'no such market entity', message: '未查询到相关市场主体信息' },
  // Our request refused as malformed: our defect or the client's, never counted against the breaker.
  '400': { outcome: 'fatal', status: 'invalid_request', meaning: 'request parameters refused', message: '请求参数错误' },
  '403': { outcome: 'fatal', status: 'upstream_error', meaning: 'access key refused (check accessKey)', message: '访问密钥无效或已过期' },
  '503': { outcome: 'retryable', status: 'upstream_error', meaning: 'system busy', message: '系统繁忙，请稍后再试' },
} as const satisfies Record<string, CodeEntry & { message: string }>;

export const AMR_CODES = codeTable(ENTRIES);
export type AmrCode = keyof typeof ENTRIES;

/** The register's own text for a code (what the mock answers with). */
export function amrMessage(code: AmrCode): string {
  return ENTRIES[code].message;
}
