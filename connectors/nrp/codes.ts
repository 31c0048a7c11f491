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
 * HTTP: 200 carries the XML answer; 400 is our request refused (fatal, invalid_request); 500 with an HTML page is the legacy stack falling over
 * (retryable); 502/503/504 are the gateway in front of it (retryable); 429 is its quota
 * (retryable, rate_limited); any other status is fatal. A body that is not the XML envelope is
 * `invalid_response`.
 */
import type { Outcome, UpstreamFailure } from '../../src/connectors/types.js';

export interface NrpCodeEntry {
  outcome: Outcome;
  /** What the API reports for a failure (absent for ok / not_found). */
  status?: UpstreamFailure;
  /** The registry's own wording, used in error messages instead of its `<Message>` (which may echo parameters). */
  meaning: string;
}

export const NRP_CODES: Readonly<Record<string, NrpCodeEntry>> = Object.freeze({
  '0': { outcome: 'ok', meaning: '成功 (success)' },
  '1': { outcome: 'not_found', meaning: '无记录 (no record)' },
  // Our request was refused as malformed: our defect or the client's, never counted against the breaker.
  '2': { outcome: 'fatal', status: 'invalid_request', meaning: '参数错误 (bad parameters)' },
  '3': { outcome: 'fatal', status: 'upstream_error', meaning: '令牌无效 (invalid token)' },
  '4': { outcome: 'retryable', status: 'upstream_error', meaning: '系统繁忙 (busy)' },
});

const UNKNOWN_CODE: NrpCodeEntry = { outcome: 'fatal', status: 'upstream_error', meaning: 'unknown code' };

/** The table entry for a `<Code>` value; unknown codes are fatal upstream errors. */
export function classifyCode(code: string): NrpCodeEntry {
  return Object.hasOwn(NRP_CODES, code) ? NRP_CODES[code]! : UNKNOWN_CODE;
}

export type NrpHttpClass =
  | { outcome: 'ok' }
  | { outcome: 'retryable' | 'fatal'; status: UpstreamFailure; reason: string };

/** Classifies the HTTP layer before the XML is read. */
export function classifyHttp(statusCode: number, contentType: string | undefined, body: string): NrpHttpClass {
  if (statusCode === 200) return { outcome: 'ok' };
  if (statusCode === 500 && isHtml(contentType, body)) {
    return { outcome: 'retryable', status: 'upstream_error', reason: 'HTTP 500 with an HTML error page (legacy stack failure)' };
  }
  if (statusCode === 429) return { outcome: 'retryable', status: 'rate_limited', reason: 'HTTP 429' };
  if (statusCode === 400) return { outcome: 'fatal', status: 'invalid_request', reason: 'HTTP 400 (request refused as malformed)' };
  if (statusCode === 502 || statusCode === 503 || statusCode === 504) {
    return { outcome: 'retryable', status: 'upstream_error', reason: `HTTP ${statusCode}` };
  }
  return { outcome: 'fatal', status: 'upstream_error', reason: `HTTP ${statusCode}` };
}

function isHtml(contentType: string | undefined, body: string): boolean {
  if (contentType !== undefined && /^\s*text\/html\b/i.test(contentType)) return true;
  return /^\s*(<!doctype\s+html|<html[\s>])/i.test(body);
}
