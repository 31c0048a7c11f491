/**
 * HUD's error codes (style C, DESIGN.md §2): every failure is an HTTP status with a body
 * `{ "error": "<code>", "errorDescription": "<the agency's text>" }` (OAuth2's codes, RFC
 * 6749 §5.2 / RFC 6750 §3.1, and the API's own). Nothing outside this folder knows them.
 *
 * | code                    | HTTP | outcome   | status reported  | meaning                                   |
 * |-------------------------|------|-----------|------------------|-------------------------------------------|
 * | (200, items)            | 200  | ok        | ok               | the person's filings                      |
 * | (200, no items)         | 200  | not_found | not_found        | `{ items: [], total: 0 }`: no record      |
 * | invalid_request         | 400  | fatal     | invalid_request  | our parameters refused                    |
 * | unsupported_grant_type  | 400  | fatal     | invalid_request  | token request malformed (our defect)      |
 * | invalid_client          | 401/400 | fatal  | upstream_error   | client credentials refused (config)       |
 * | invalid_token           | 401  | (refresh the token once, retry once) then fatal, upstream_error |
 * | not_found               | 404  | fatal     | upstream_error   | no such endpoint (baseUrl wrong)          |
 * | rate_limit_exceeded     | 429  | retryable | rate_limited     | over quota, with Retry-After              |
 * | server_error            | 500  | retryable | upstream_error   |                                           |
 * | temporarily_unavailable | 503  | retryable | upstream_error   | maintenance                               |
 *
 * HTTP statuses are classified by the kit's one table (src/connectors/kit/http.ts), and the
 * entries here agree with it (test/hud/codes.test.ts), except where HUD uses a status
 * specially, which the client handles first:
 * - 401 from a query: the token expired or was revoked. The client refreshes it ONCE and
 *   retries ONCE; a second 401 means the credentials are refused (fatal, upstream_error).
 * - 401, or 400 with `invalid_client`, from the token endpoint: the credentials are refused
 *   (fatal, upstream_error; the kit would call a 400 `invalid_request`, but it is a config error).
 * A code the table does not know is reported by its HTTP status only (the code is the
 * agency's text and is not repeated in a message).
 */
import { codeTable } from '../../src/connectors/kit/codes.js';

/** `httpStatus` and `description`: what the agency sends with the code (the mock answers with them). */
const ENTRIES = {
  invalid_request: { outcome: 'fatal', status: 'invalid_request', meaning: 'request parameters refused', httpStatus: 400, description: '请求参数错误' },
  unsupported_grant_type: { outcome: 'fatal', status: 'invalid_request', meaning: 'grant type refused', httpStatus: 400, description: '不支持的授权类型' },
  invalid_client: { outcome: 'fatal', status: 'upstream_error', meaning: 'client credentials refused (check clientId/clientSecret)', httpStatus: 401, description: '客户端认证失败' },
  invalid_token: { outcome: 'fatal', status: 'upstream_error', meaning: 'access token refused', httpStatus: 401, description: '访问令牌无效或已过期' },
  not_found: { outcome: 'fatal', status: 'upstream_error', meaning: 'no such endpoint (check baseUrl)', httpStatus: 404, description: '接口不存在' },
  rate_limit_exceeded: { outcome: 'retryable', status: 'rate_limited', meaning: 'too many requests', httpStatus: 429, description: '请求过于频繁，请稍后再试' },
  server_error: { outcome: 'retryable', status: 'upstream_error', meaning: 'internal error', httpStatus: 500, description: '系统内部错误' },
  temporarily_unavailable: { outcome: 'retryable', status: 'upstream_error', meaning: 'under maintenance', httpStatus: 503, description: '系统维护中，请稍后再试' },
} as const;

export const HUD_ERRORS = codeTable(ENTRIES);

/** The codes HUD documents (`keyof` of the table's entries would widen to string). */
export type HudErrorCode = keyof typeof ENTRIES;

/**
 * The `error` of a failure's body (`{ "error": … }`) when the table knows it; undefined for
 * a body that is not such JSON, and for a code we do not know (that is the agency's text,
 * which is not repeated in a message).
 */
export function knownErrorCode(body: string): HudErrorCode | undefined {
  let code: unknown;
  try {
    const json = JSON.parse(body) as unknown;
    code = typeof json === 'object' && json !== null ? (json as { error?: unknown }).error : undefined;
  } catch {
    return undefined;
  }
  return typeof code === 'string' && Object.hasOwn(ENTRIES, code) ? code as HudErrorCode : undefined;
}
