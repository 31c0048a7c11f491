/**
 * The gateway's own errors: one table, one code each, with its HTTP status and a message
 * that tells the caller what to fix. README.md lists the same table (a test keeps them
 * in step). Upstream failures are never errors of the request: they make it `partial`.
 */

export const ERRORS = {
  TONGBAN_ERR_VALIDATION: { status: 400, message: 'The request does not match the API schema; see details for each field.' },
  TONGBAN_ERR_MALFORMED_JSON: { status: 400, message: 'The request body is not valid JSON (or uses a forbidden key: __proto__, constructor.prototype).' },
  TONGBAN_ERR_UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Send the request body as application/json.' },
  TONGBAN_ERR_BODY_TOO_LARGE: { status: 413, message: 'The request body is larger than the gateway accepts.' },
  TONGBAN_ERR_NOT_FOUND: { status: 404, message: 'No such endpoint.' },
  TONGBAN_ERR_INTERNAL: { status: 500, message: 'The gateway failed unexpectedly; the request id identifies the log entry.' },
} as const satisfies Record<string, { status: number; message: string }>;

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

/** The body of every error response. */
export function errorBody(err: GatewayError, requestId: string) {
  return {
    error: { code: err.code, message: err.message, ...(err.details.length ? { details: err.details } : {}) },
    requestId,
  };
}
