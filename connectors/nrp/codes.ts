/**
 * Everything NRP says about how a call went, classified once: the registry's `<Code>`
 * table and its HTTP-level failure modes. Nothing outside this folder knows these codes.
 *
 * | Code | Registry says | Outcome     | Status reported  |
 * |------|---------------|-------------|------------------|
 * | 0    | 成功          | ok          | ok               |
 * | 1    | 无记录        | not_found   | not_found        |
 * | 2    | 参数错误      | fatal       | invalid_request  |
 * | 3    | 令牌无效      | fatal       | upstream_error   |
 * | 4    | 系统繁忙      | retryable   | upstream_error   |
 * | else | (unknown)     | fatal       | upstream_error   |
 *
 * HTTP statuses follow the kit's one table (src/connectors/kit/http.ts): 200 carries the
 * XML answer; a 500 (the legacy stack answers an HTML page when it falls over), 502, 503
 * and 504 are retryable; 429 is its quota; 400 our request refused. A body that is not the
 * XML envelope is `invalid_response`.
 */
import { codeTable } from '../../src/connectors/kit/codes.js';

/** `message`: the registry's own <Message> for the code (the mock answers with it). */
export const NRP_CODES = codeTable({
  '0': { outcome: 'ok', meaning: '成功 (success)', message: '成功' },
  '1': { outcome: 'not_found', meaning: '无记录 (no record)', message: '无记录' },
  // Our request was refused as malformed: our defect or the client's, never counted against the breaker.
  '2': { outcome: 'fatal', status: 'invalid_request', meaning: '参数错误 (bad parameters)', message: '参数错误' },
  '3': { outcome: 'fatal', status: 'upstream_error', meaning: '令牌无效 (invalid token)', message: '令牌无效' },
  '4': { outcome: 'retryable', status: 'upstream_error', meaning: '系统繁忙 (busy)', message: '系统繁忙' },
} as const, { outcome: 'fatal', status: 'upstream_error', meaning: 'unknown code' });

export type NrpCode = keyof typeof NRP_CODES.entries;

/** The legacy stack's error page: HTML, by its Content-Type or its first bytes. */
export function isLegacyErrorPage(contentType: string | string[] | undefined, body: string): boolean {
  const ct = Array.isArray(contentType) ? contentType[0] : contentType;
  if (ct !== undefined && /^\s*text\/html\b/i.test(ct)) return true;
  return /^\s*(<!doctype\s+html|<html[\s>])/i.test(body);
}
