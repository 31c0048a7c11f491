/**
 * The gateway's own errors: one table, one code each, with its HTTP status and a message
 * that tells the caller what to fix. README.md lists the same table (a test keeps them
 * in step). Upstream failures are never errors of the request: they make it `partial`.
 */

export const ERRORS = {
  TONGBAN_ERR_VALIDATION: { status: 400, message: 'The request does not match the API schema; see details for each field.' },
  TONGBAN_ERR_MALFORMED_JSON: { status: 400, message: 'The request body is not valid JSON (or uses a forbidden key: __proto__, constructor.prototype).' },
  TONGBAN_ERR_INVALID_ENCODING: { status: 400, message: 'The request body is not valid UTF-8.' },
  TONGBAN_ERR_BAD_REQUEST: { status: 400, message: 'The request is not valid HTTP, or its URL is not validly encoded.' },
  TONGBAN_ERR_UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Send the request body as application/json in UTF-8 (no charset, or charset=utf-8).' },
  TONGBAN_ERR_BODY_TOO_LARGE: { status: 413, message: 'The request body is larger than the gateway accepts.' },
  TONGBAN_ERR_HEADERS_TOO_LARGE: { status: 431, message: 'The request headers are larger than the gateway accepts.' },
  TONGBAN_ERR_REQUEST_TIMEOUT: { status: 408, message: 'The request did not arrive in time (server.headersTimeoutMs / server.requestTimeoutMs).' },
  TONGBAN_ERR_NOT_FOUND: { status: 404, message: 'No such endpoint.' },
  TONGBAN_ERR_METHOD_NOT_ALLOWED: { status: 405, message: 'The endpoint exists but not for this method; the Allow header lists the methods it takes.' },
  TONGBAN_ERR_INTERNAL: { status: 500, message: 'The gateway failed unexpectedly; the request id identifies the log entry.' },
  TONGBAN_ERR_OVERLOADED: { status: 503, message: 'The gateway is at capacity; retry after the seconds in Retry-After.' },
} as const satisfies Record<string, { status: number; message: string }>;

/** At most this many details are returned; the rest are counted in `detailsOmitted`. */
export const MAX_ERROR_DETAILS = 20;

export type ErrorCode = keyof typeof ERRORS;

/** One precise problem: where (a JSON pointer into the request) and what was expected. */
export interface ErrorDetail { path: string; message: string }

export class GatewayError extends Error {
  override readonly name = 'GatewayError';
  readonly status: number;
  constructor(readonly code: ErrorCode, readonly details: ErrorDetail[] = [], message?: string) {
    super(message ?? ERRORS[code].message);
    this.status = ERRORS[code].status;
  }
}

/** The body of every error response: at most MAX_ERROR_DETAILS details, and how many more there were. */
export function errorBody(err: GatewayError, requestId: string) {
  const { details } = err;
  const shown = details.length > MAX_ERROR_DETAILS ? details.slice(0, MAX_ERROR_DETAILS) : details;
  return {
    error: {
      code: err.code,
      message: err.message,
      ...(shown.length ? { details: shown } : {}),
      ...(details.length > shown.length ? { detailsOmitted: details.length - shown.length } : {}),
    },
    requestId,
  };
}
