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

/** An answer over the size cap, found while it arrived. */
class TooLarge extends Error {}
/** An answer in a charset we cannot decode, found from its headers. */
class Undecodable extends Error {}
/** The call's signal ended it (an AbortSignal's own reason when it has one, as undici's request() did). */
class Aborted extends Error {}

function abortReason(signal: CallSignal): Error {
  const reason = 'reason' in signal ? (signal as AbortSignal).reason as unknown : undefined;
  return reason instanceof Error ? reason : new Aborted('the call was aborted');
}

/**
 * One exchange through undici's documented dispatch interface: the answer's chunks gathered
 * within the cap as they arrive. undici's `request()` wraps every answer in a Readable
 * stream (an object with its state, events and next-tick callbacks), then `text()` reads it
 * back out; for answers read whole, that stream was a fifth of the CPU of an exchange
 * (bench/LOG.md). Over the cap, or in a charset we cannot decode, the exchange is
 * aborted (undici closes its connection).
 */
class Exchange implements Dispatcher.DispatchHandler {
  private controller: Dispatcher.DispatchController | undefined;
  private status = 0;
  private headers: IncomingHttpHeaders = {};
  private charset = 'utf-8';
  private readonly chunks: Buffer[] = [];
  private size = 0;
  private settled = false;
  private readonly stopListening: (() => void) | undefined;

  constructor(
    private readonly req: UpstreamRequest,
    private readonly resolve: (res: UpstreamResponse) => void,
    private readonly reject: (err: unknown) => void,
  ) {
    const { signal } = req;
    if (signal !== undefined) {
      // Ended by the call's deadline or timeout: now, even while the request still waits in
      // the pool for a connection (it is aborted once it starts).
      const onAbort = () => {
        const reason = abortReason(signal);
        this.controller?.abort(reason);
        this.fail(reason);
      };
      if ('addEventListener' in signal) {
        signal.addEventListener('abort', onAbort, { once: true });
        this.stopListening = () => signal.removeEventListener('abort', onAbort);
      } else {
        signal.once('abort', onAbort);
        this.stopListening = () => signal.removeListener('abort', onAbort);
      }
    }
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    if (this.settled) controller.abort(new Aborted('the call was aborted'));
  }

  onResponseStart(controller: Dispatcher.DispatchController, statusCode: number, headers: IncomingHttpHeaders): void {
    if (statusCode < 200) return; // informational: the answer follows
    this.status = statusCode;
    this.headers = headers;
    const declared = headers['content-length'];
    if (typeof declared === 'string' && /^\d+$/.test(declared) && Number(declared) > this.req.maxBytes) {
      controller.abort(new TooLarge());
      return;
    }
    this.charset = charsetOf(headers['content-type']) ?? this.req.defaultCharset?.toLowerCase() ?? 'utf-8';
    if (!UTF8.has(this.charset) && !iconv.encodingExists(this.charset)) controller.abort(new Undecodable());
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.size += chunk.length;
    if (this.size > this.req.maxBytes) {
      controller.abort(new TooLarge());
      return;
    }
    this.chunks.push(chunk);
  }

  onResponseEnd(): void {
    if (this.settled) return;
    this.settled = true;
    this.stopListening?.();
    const body = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.size);
    // UTF-8 without its byte-order mark, as undici's text() read it; iconv-lite drops its own.
    const text = UTF8.has(this.charset)
      ? body.toString('utf8', body.length >= 3 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf ? 3 : 0)
      : iconv.decode(body, this.charset);
    this.resolve({ status: this.status, headers: this.headers, text, retryAfterMs: parseRetryAfter(this.headers['retry-after']) });
  }

  onResponseError(_controller: Dispatcher.DispatchController, err: Error): void {
    this.fail(err);
  }

  private fail(err: unknown): void {
    if (this.settled) return;
    this.settled = true;
    this.stopListening?.();
    this.reject(err);
  }
}

/** Sends the request and reads the answer. Throws UpstreamError per the table; an aborted call's error is rethrown as is. */
export async function send(req: UpstreamRequest): Promise<UpstreamResponse> {
  if (req.signal?.aborted) throw abortReason(req.signal);
  try {
    return await new Promise<UpstreamResponse>((resolve, reject) => {
      req.dispatcher.dispatch({
        path: req.path,
        method: req.method,
        ...(req.headers ? { headers: req.headers } : {}),
        ...(req.body !== undefined ? { body: req.body } : {}),
      }, new Exchange(req, resolve, reject));
    });
  } catch (err) {
    if (req.signal?.aborted) throw err;
    if (err instanceof TooLarge) throw upstreamFailure(req.label, 'fatal', 'invalid_response', `answer larger than ${req.maxBytes} bytes`);
    if (err instanceof Undecodable) throw upstreamFailure(req.label, 'fatal', 'invalid_response', 'answer in a charset that cannot be decoded');
    throw transportFailure(req.label, err);
  }
}
