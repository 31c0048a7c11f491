/**
 * What EDU says about how a call went (style H), classified once. EDU is plain REST: the
 * HTTP status carries the outcome and the kit's one table (src/connectors/kit/http.ts,
 * `throwForStatus`) classifies it, with one exception, handled first in client.ts:
 *
 * EDU answers "no such record" with HTTP 404. For a student lookup, a 404 is an outcome
 * (not_found) only when its body carries the bureau's no-record code; any other 404 (a path
 * the bureau does not have: a wrong baseUrl, a retired API version) stays what the kit's
 * table says, a fatal upstream_error, so that a misconfiguration never reads as "this child
 * has no 学籍". The zoning service never answers 404 for an address (a door in no zone is
 * `200 { schools: [] }`): every 404 from it is the kit's.
 *
 * | HTTP | code              | outcome   | status reported | meaning                            |
 * |------|-------------------|-----------|-----------------|------------------------------------|
 * | 200  | (the resource)    | ok        | ok              |                                    |
 * | 400  | INVALID_PARAMETER | fatal     | invalid_request | our request refused as malformed   |
 * | 401  | INVALID_TOKEN     | fatal     | upstream_error  | token missing or wrong (config)    |
 * | 404  | STUDENT_NOT_FOUND | not_found | not_found       | no 学籍 for the ID number (students) |
 * | 404  | NOT_FOUND, other  | fatal     | upstream_error  | no such path                       |
 * | 500  | INTERNAL_ERROR    | retryable | upstream_error  | the bureau's system failed         |
 *
 * Other statuses (403, 429, 502-504 from its front end …) as the kit's table has them.
 */
import { codeTable } from '../../src/connectors/kit/codes.js';

/** The error codes the bureau documents: its HTTP status and its message (the mock answers with both). */
export const EDU_ERRORS = {
  INVALID_PARAMETER: { httpStatus: 400, message: '请求参数错误' },
  INVALID_TOKEN: { httpStatus: 401, message: '访问令牌无效' },
  STUDENT_NOT_FOUND: { httpStatus: 404, message: '未查询到该学生的学籍信息' },
  NOT_FOUND: { httpStatus: 404, message: '请求的资源不存在' },
  INTERNAL_ERROR: { httpStatus: 500, message: '系统繁忙，请稍后再试' },
} as const;
export type EduErrorCode = keyof typeof EDU_ERRORS;

/** The codes of a 404: only the no-record code is an outcome; anything else is the kit's fatal 404. */
export const EDU_404_CODES = codeTable({
  STUDENT_NOT_FOUND: { outcome: 'not_found', meaning: 'no student-status record' },
  NOT_FOUND: { outcome: 'fatal', status: 'upstream_error', meaning: 'no such path (check baseUrl)' },
} as const, { outcome: 'fatal', status: 'upstream_error', meaning: 'without the no-record code (check baseUrl)' });
