/**
 * NHC answer codes (返回码, style G in DESIGN.md §2), classified once (the kit's code table).
 * The platform always answers HTTP 200 and puts the outcome in a numeric `code`; the table
 * is keyed by its decimal text. Nothing outside this folder knows these codes. `msg` is the
 * text the platform documents for the code: the mock answers with it.
 */
import { codeTable } from '../../src/connectors/kit/codes.js';

/** The platform's documented codes, with the text it answers for each. */
const NHC_CODE_ENTRIES = {
  '0': { outcome: 'ok', meaning: 'success', msg: '成功' },
  '10404': { outcome: 'not_found', meaning: 'no such record', msg: '未查询到出生医学证明信息' },
  // Our request refused as malformed: our defect or the client's, never counted against the breaker.
  '10001': { outcome: 'fatal', status: 'invalid_request', meaning: 'request parameters refused', msg: '请求参数错误' },
  '20001': { outcome: 'fatal', status: 'upstream_error', meaning: 'unknown app id (check appId)', msg: '应用标识无效' },
  '20002': { outcome: 'fatal', status: 'upstream_error', meaning: 'signature refused (check appSecret)', msg: '签名校验失败' },
  '20003': { outcome: 'fatal', status: 'upstream_error', meaning: 'timestamp outside the accepted window (clock skew?)', msg: '时间戳无效或已过期' },
  '20004': { outcome: 'fatal', status: 'upstream_error', meaning: 'nonce already used', msg: '随机数重复，请勿重放请求' },
  '42901': { outcome: 'retryable', status: 'rate_limited', meaning: 'too many requests', msg: '访问过于频繁，请稍后再试' },
  '50001': { outcome: 'retryable', status: 'upstream_error', meaning: 'system busy', msg: '系统繁忙，请稍后再试' },
} as const;

export const NHC_CODES = codeTable(NHC_CODE_ENTRIES);

export type NhcCode = keyof typeof NHC_CODE_ENTRIES;

/** The text the platform documents for a code. */
export function nhcCodeMessage(code: NhcCode): string {
  return NHC_CODE_ENTRIES[code].msg;
}

/** The numeric code the platform sends for a table key. */
export function nhcCodeNumber(code: NhcCode): number {
  return Number(code);
}
