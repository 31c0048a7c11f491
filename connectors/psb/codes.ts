/**
 * PSB answer codes (返回码, style A in DESIGN.md §2), classified once (the kit's code table).
 * The agency always answers HTTP 200 and puts the outcome in `code`; nothing outside this
 * folder knows these codes. `msg` is the text the agency documents for the code: the mock
 * answers with it.
 */
import { codeTable } from '../../src/connectors/kit/codes.js';

export const PSB_CODES = codeTable({
  '0000': { outcome: 'ok', meaning: 'success', msg: '查询成功' },
  '1001': { outcome: 'not_found', meaning: 'no such record', msg: '查无此人' },
  // Our request refused as malformed: our defect or the client's, never counted against the breaker.
  '1002': { outcome: 'fatal', status: 'invalid_request', meaning: 'request parameters refused', msg: '请求参数错误' },
  '2001': { outcome: 'fatal', status: 'upstream_error', meaning: 'signature refused or unknown app key (check appKey/appSecret)', msg: '签名验证失败' },
  '2002': { outcome: 'fatal', status: 'upstream_error', meaning: 'timestamp outside the accepted window (clock skew?)', msg: '请求时间戳超出有效期' },
  '2003': { outcome: 'fatal', status: 'upstream_error', meaning: 'nonce already used', msg: '请求重复提交' },
  '4290': { outcome: 'retryable', status: 'rate_limited', meaning: 'too many requests', msg: '请求过于频繁，请稍后再试' },
  '9999': { outcome: 'retryable', status: 'upstream_error', meaning: 'system busy', msg: '系统繁忙，请稍后再试' },
} as const);

export type PsbCode = keyof typeof PSB_CODES.entries;
