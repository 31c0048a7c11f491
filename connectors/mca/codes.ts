/**
 * MCA exchange codes (style F, DESIGN.md §2), classified once (the kit's code table).
 * A job that ran answers HTTP 200 with `status: 'failed'` and `error: { code, message }`;
 * the exchange's HTTP error answers carry the same `{ code, message }` body. Nothing
 * outside this folder knows these codes. `message` is the text the exchange documents for
 * the code: the mock answers with it; the client never repeats it.
 *
 * | code           | where                     | outcome   | status reported  |
 * |----------------|---------------------------|-----------|------------------|
 * | NO_RECORD      | failed job                | not_found | not_found        |
 * | BAD_REQUEST    | failed job, HTTP 400      | fatal     | invalid_request  |
 * | BUSY           | failed job                | retryable | upstream_error   |
 * | INTERNAL_ERROR | failed job                | fatal     | upstream_error   |
 * | JOB_NOT_FOUND  | HTTP 404 to a poll        | retryable | upstream_error   |
 * | UNAUTHORIZED   | HTTP 401                  | fatal     | upstream_error   |
 * | RATE_LIMITED   | HTTP 429 to a submission  | retryable | rate_limited     |
 * | (other)        | failed job                | fatal     | upstream_error   |
 *
 * HTTP statuses follow the kit's one table (src/connectors/kit/http.ts) whatever their body
 * says (an HTTP 500 with INTERNAL_ERROR is the kit's retryable 500), with one exception
 * this agency makes: a 404 whose body says JOB_NOT_FOUND, to a poll for the job we have just
 * submitted, means the job expired (or the exchange lost it) before its result was read, so
 * asking again may well work: retryable, read here before the kit's table (where a 404 is
 * fatal, as any other 404 still is: a wrong base URL).
 */
import { codeTable } from '../../src/connectors/kit/codes.js';

export const MCA_CODES = codeTable({
  NO_RECORD: { outcome: 'not_found', meaning: 'no record of the person', message: '未查询到相关记录' },
  // Our request refused as malformed: our defect or the client's, never counted against the breaker.
  BAD_REQUEST: { outcome: 'fatal', status: 'invalid_request', meaning: 'request refused as malformed', message: '请求参数错误' },
  BUSY: { outcome: 'retryable', status: 'upstream_error', meaning: 'exchange busy', message: '系统繁忙，请稍后重试' },
  INTERNAL_ERROR: { outcome: 'fatal', status: 'upstream_error', meaning: 'exchange internal error', message: '系统内部错误' },
  JOB_NOT_FOUND: { outcome: 'retryable', status: 'upstream_error', meaning: 'job expired before its result was read', message: '任务不存在或已过期' },
  UNAUTHORIZED: { outcome: 'fatal', status: 'upstream_error', meaning: 'exchange token refused (check token)', message: '交换令牌无效' },
  RATE_LIMITED: { outcome: 'retryable', status: 'rate_limited', meaning: 'too many submissions', message: '提交过于频繁，请稍后再试' },
} as const satisfies Record<McaCode, unknown>, { outcome: 'fatal', status: 'upstream_error', meaning: 'unknown job error code' });

/** The codes the exchange documents (an unknown one is classified by the table's fallback). */
export type McaCode = 'NO_RECORD' | 'BAD_REQUEST' | 'BUSY' | 'INTERNAL_ERROR' | 'JOB_NOT_FOUND' | 'UNAUTHORIZED' | 'RATE_LIMITED';
