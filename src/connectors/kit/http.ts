/**
 * One upstream HTTP exchange, the same for every agency client: the request through the
 * agency's pool (never following a redirect), the answer read whole within a size cap and
 * decoded from its charset (UTF-8, or GB18030 and others through iconv-lite), and every way
 * it can fail classified by ONE table into the API's source statuses:
 *
 * | what happened                                              | status            | outcome   |
 * |------------------------------------------------------------|-------------------|-----------|
 * | connect timeout (UND_ERR_CONNECT_TIMEOUT, ETIMEDOUT)        | timeout           | retryable |
 * | no headers / body in time (UND_ERR_HEADERS/BODY_TIMEOUT)    | timeout           | retryable |
 * | refused, reset, closed, DNS, unreachable, any other socket  | upstream_error    | retryable |
 * | answer over the size cap, or in a charset we cannot decode  | invalid_response  | fatal     |
 * | our own deadline (the call's signal aborted)                | rethrown: the runtime reports `timeout` |
 *
 * and, once the answer is in, `classifyStatus` for its HTTP status:
 *
 * | HTTP                 | status           | outcome   | why                                          |
 * |----------------------|------------------|-----------|----------------------------------------------|
 * | 2xx                  | (the agency reads the answer)                                               |
 * | 3xx                  | upstream_error   | fatal     | redirects are not followed: a config error    |
 * | 400                  | invalid_request  | fatal     | our request refused: never the registry's fault |
 * | 401, 403             | upstream_error   | fatal     | credentials (an agency that refreshes a token handles 401 first) |
 * | 408                  | timeout          | retryable |                                              |
 * | 429                  | rate_limited     | retryable | with Retry-After when sent                    |
 * | 500, 502, 503, 504   | upstream_error   | retryable | the registry or its front end, transiently    |
 * | any other 4xx / 5xx  | upstream_error   | fatal     | (404 included: an agency whose API answers "no record" with 404 maps it first) |
 *
 * PSB and NRP used to disagree here (a connect timeout was `timeout` in one and
 * `upstream_error` in the other; a 500 without an HTML page was fatal for NRP only): this
 * table settles both. Messages carry the agency's label, the operation and codes, never a
 * request or an answer (either may hold personal data).
 */
import type { IncomingHttpHeaders } from 'node:http';
import iconv from 'iconv-lite';
import type { Dispatcher } from 'undici';
import type { ValidateFunction } from 'ajv';
import { describeErrors } from '../../validation.js';
import { UpstreamError, type CallSignal, type UpstreamFailure } from '../types.js';

export interface UpstreamRequest {
  /** For messages: agency and operation, e.g. `PSB czrk`. Never personal data. */
  label: string;
  dispatcher: Dispatcher;
  /** Path with query, as sent (the agency's basePath included). */
  path: string;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string | Buffer;
  signal: CallSignal | undefined;
  /** Answers larger than this many bytes are refused (invalid_response) unread. */
  maxBytes: number;
  /** The answer's charset when its Content-Type names none. Default UTF-8. */
  defaultCharset?: string;
}

export interface UpstreamResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body, decoded. */
  text: string;
  /** Retry-After, in ms from now, when the agency sent one. */
  retryAfterMs: number | undefined;
}

/** A failure of an agency call, for clients to throw: `<label>: <what>`. */
export function upstreamFailure(label: string, outcome: 'retryable' | 'fatal', status: UpstreamFailure, what: string, options: { cause?: unknown; retryAfterMs?: number } = {}): UpstreamError {
  return new UpstreamError(outcome, status, `${label}: ${what}`, options);
}

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/** The transport row of the table: what a thrown socket or protocol error means. */
export function transportFailure(label: string, err: unknown): UpstreamError {
  const code = typeof err === 'object' && err !== null && typeof (err as { code?: unknown }).code === 'string' ? (err as { code: string }).code : undefined;
  if (code !== undefined && TIMEOUT_CODES.has(code)) return upstreamFailure(label, 'retryable', 'timeout', `no answer in time (${code})`, { cause: err });
  return upstreamFailure(label, 'retryable', 'upstream_error', `request failed (${code ?? 'transport error'})`, { cause: err });
}

/** The HTTP row of the table, for a non-2xx status (undefined for 2xx). */
export function classifyStatus(status: number, retryAfterMs?: number): { outcome: 'retryable' | 'fatal'; status: UpstreamFailure; reason: string; retryAfterMs?: number } | undefined {
  if (status >= 200 && status < 300) return undefined;
  if (status === 400) return { outcome: 'fatal', status: 'invalid_request', reason: 'HTTP 400 (request refused as malformed)' };
  if (status === 408) return { outcome: 'retryable', status: 'timeout', reason: 'HTTP 408' };
  if (status === 429) return { outcome: 'retryable', status: 'rate_limited', reason: 'HTTP 429', ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
  if (status === 500 || status === 502 || status === 503 || status === 504) {
    return { outcome: 'retryable', status: 'upstream_error', reason: `HTTP ${status}`, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
  }
  if (status >= 300 && status < 400) return { outcome: 'fatal', status: 'upstream_error', reason: `HTTP ${status} (redirects are not followed)` };
  if (status === 401 || status === 403) return { outcome: 'fatal', status: 'upstream_error', reason: `HTTP ${status} (credentials refused)` };
  return { outcome: 'fatal', status: 'upstream_error', reason: `HTTP ${status}` };
}

/** Throws the HTTP row of the table for a non-2xx answer. */
export function throwForStatus(label: string, res: UpstreamResponse): void {
  const c = classifyStatus(res.status, res.retryAfterMs);
  if (c) throw upstreamFailure(label, c.outcome, c.status, c.reason, c.retryAfterMs !== undefined ? { retryAfterMs: c.retryAfterMs } : {});
}

/** Retry-After: delta-seconds or an HTTP date, in ms from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | string[] | undefined, now: number = Date.now()): number | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (v === undefined || v.trim() === '') return undefined;
  if (/^\s*\d+\s*$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The charset parameter of a Content-Type header, lower-cased, if any. */
export function charsetOf(contentType: string | string[] | undefined): string | undefined {
  const ct = Array.isArray(contentType) ? contentType[0] : contentType;
  if (!ct) return undefined;
  const m = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(ct);
  return m ? m[1]!.toLowerCase() : undefined;
}

const UTF8 = new Set(['utf-8', 'utf8']);

/**
 * The answer's text as JSON that `validate` accepts, else invalid_response: `answer is not
 * JSON`, or `malformed <what>: <the schema's problems>` (paths and rules, never a value).
 */
export function readJson<T>(label: string, text: string, validate: ValidateFunction<T>, what = 'answer', maxProblems = Infinity): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw upstreamFailure(label, 'fatal', 'invalid_response', 'answer is not JSON');
  }
  if (!validate(json)) throw upstreamFailure(label, 'fatal', 'invalid_response', `malformed ${what}: ${describeErrors(validate.errors).slice(0, maxProblems).join('; ')}`);
  return json;
}

/** Sends the request and reads the answer. Throws UpstreamError per the table; an aborted call's error is rethrown as is. */
export async function send(req: UpstreamRequest): Promise<UpstreamResponse> {
  let res: Dispatcher.ResponseData;
  try {
    res = await req.dispatcher.request({
      path: req.path,
      method: req.method,
      ...(req.headers ? { headers: req.headers } : {}),
      ...(req.body !== undefined ? { body: req.body } : {}),
      ...(req.signal ? { signal: req.signal } : {}),
    });
  } catch (err) {
    if (req.signal?.aborted) throw err;
    throw transportFailure(req.label, err);
  }
  const retryAfterMs = parseRetryAfter(res.headers['retry-after']);
  const charset = charsetOf(res.headers['content-type']) ?? req.defaultCharset?.toLowerCase() ?? 'utf-8';
  if (!UTF8.has(charset) && !iconv.encodingExists(charset)) {
    await res.body.dump({ limit: 1 }).catch(() => {});
    throw upstreamFailure(req.label, 'fatal', 'invalid_response', 'answer in a charset that cannot be decoded');
  }
  let bytes: Buffer | string | undefined;
  try {
    bytes = await readCapped(res, req.maxBytes, UTF8.has(charset));
  } catch (err) {
    if (req.signal?.aborted) throw err;
    throw transportFailure(req.label, err);
  }
  if (bytes === undefined) throw upstreamFailure(req.label, 'fatal', 'invalid_response', `answer larger than ${req.maxBytes} bytes`);
  const text = typeof bytes === 'string' ? bytes : iconv.decode(bytes, charset);
  return { status: res.statusCode, headers: res.headers, text, retryAfterMs };
}

/**
 * The body within `limit` bytes: a declared Content-Length over it is refused unread, one
 * within it read in one go (undici's own consumer, much cheaper than iterating the stream),
 * an undeclared length counted as it streams. Over the limit: undefined, and the socket
 * closed through undici's `dump` (a bare destroy() emits an unhandled 'error').
 */
async function readCapped(res: Dispatcher.ResponseData, limit: number, utf8: boolean): Promise<string | Buffer | undefined> {
  const declared = res.headers['content-length'];
  const length = typeof declared === 'string' && /^\d+$/.test(declared) ? Number(declared) : undefined;
  if (length !== undefined) {
    if (length > limit) {
      await res.body.dump({ limit: 1 }).catch(() => {});
      return undefined;
    }
    return utf8 ? res.body.text() : Buffer.from(await res.body.arrayBuffer());
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return undefined; // leaving the loop destroys the stream, with the iterator's own error handling
    chunks.push(chunk);
  }
  const all = Buffer.concat(chunks);
  return utf8 ? all.toString('utf8') : all;
}
