/**
 * HUD's OAuth2 client-credentials token (style C, DESIGN.md §2): fetched from
 * `POST /oauth/token` with a form-encoded body, cached until shortly before it expires, and
 * fetched once for all the calls that need it at the same moment (single flight). A token
 * the agency refuses is dropped so that the next `get` fetches a new one; the client decides
 * how often that may happen (once per request).
 */
import { readJson, send, throwForStatus, upstreamFailure } from '../../src/connectors/kit/http.js';
import type { AgencyContext, CallSignal, CommonAgencyConfig } from '../../src/connectors/types.js';
import { validatorFor } from '../../src/validation.js';
import { knownErrorCode } from './codes.js';
import type { HudConfig } from './config.js';
import {
  HUD_GRANT_TYPE,
  HUD_MAX_RESPONSE_BYTES,
  HUD_TOKEN_PATH,
  HUD_TOKEN_REFRESH_MARGIN_MS,
  HUD_TOKEN_TIMEOUT_MS,
  HUD_TOKEN_TYPE,
  HudTokenAnswer,
} from './types.js';

const LABEL = 'HUD token';

export interface TokenSource {
  /** A token valid for a while yet: the cached one, or the one being fetched, or a new one. */
  get(signal: CallSignal | undefined): Promise<string>;
  /** The agency refused `token`: forget it (unless a newer one has replaced it already). */
  refused(token: string): void;
}

/** The form body of a token request (RFC 6749 §4.4.2, client authentication in the body, §2.3.1). */
export function tokenRequestBody(clientId: string, clientSecret: string): string {
  return new URLSearchParams({ grant_type: HUD_GRANT_TYPE, client_id: clientId, client_secret: clientSecret }).toString();
}

/** The credentials refused: a config error no retry mends. */
export function credentialsRefused(label: string, why: string) {
  return upstreamFailure(label, 'fatal', 'upstream_error', `client credentials refused (${why}): check clientId/clientSecret`);
}

/** How long a token of `expiresInS` seconds is used: its lifetime less a margin of at most half of it. */
export function usableForMs(expiresInS: number): number {
  const lifetime = expiresInS * 1000;
  return lifetime - Math.min(HUD_TOKEN_REFRESH_MARGIN_MS, lifetime / 2);
}

export function createTokenSource(ctx: AgencyContext<HudConfig & CommonAgencyConfig>, now: () => number): TokenSource {
  const path = ctx.basePath + HUD_TOKEN_PATH;
  const body = tokenRequestBody(ctx.config.clientId, ctx.config.clientSecret);
  const validAnswer = validatorFor(HudTokenAnswer);
  let cached: { token: string; renewAt: number } | undefined;
  let inFlight: Promise<string> | undefined;

  async function fetchToken(): Promise<string> {
    // Its own deadline, not a caller's: the request is shared, and one caller giving up must not fail the others.
    const deadline = new AbortController();
    // The lifetime counts from before the request: the agency's clock started no later.
    const requestedAt = now();
    const timer = setTimeout(() => deadline.abort(), HUD_TOKEN_TIMEOUT_MS);
    let res;
    try {
      res = await send({
        label: LABEL, dispatcher: ctx.dispatcher, path, method: 'POST', signal: deadline.signal, maxBytes: HUD_MAX_RESPONSE_BYTES,
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body,
      });
    } catch (err) {
      if (deadline.signal.aborted) throw upstreamFailure(LABEL, 'retryable', 'timeout', `no answer within ${HUD_TOKEN_TIMEOUT_MS} ms`, { cause: err });
      throw err;
    } finally {
      clearTimeout(timer);
    }

    if (res.status === 401) throw credentialsRefused(LABEL, 'HTTP 401');
    if (res.status < 200 || res.status >= 300) {
      const code = knownErrorCode(res.text);
      if (code === 'invalid_client') throw credentialsRefused(LABEL, `HTTP ${res.status} invalid_client`);
      throwForStatus(code ? `${LABEL} (${code})` : LABEL, res);
    }

    const answer = readJson(LABEL, res.text, validAnswer, 'token answer');
    // RFC 6749 §5.1: the type is case-insensitive.
    if (answer.token_type.toLowerCase() !== HUD_TOKEN_TYPE.toLowerCase()) {
      throw upstreamFailure(LABEL, 'fatal', 'invalid_response', 'token_type is not Bearer');
    }
    cached = { token: answer.access_token, renewAt: requestedAt + usableForMs(answer.expires_in) };
    if (ctx.log.isLevelEnabled('debug')) ctx.log.debug({ expiresInS: answer.expires_in }, 'hud token obtained');
    return answer.access_token;
  }

  return {
    get(signal) {
      if (cached && now() < cached.renewAt) return Promise.resolve(cached.token);
      if (signal?.aborted) return Promise.reject(abortedError());
      inFlight ??= fetchToken().finally(() => { inFlight = undefined; });
      return untilAborted(inFlight, signal);
    },
    refused(token) {
      if (cached?.token === token) cached = undefined;
    },
  };
}

function abortedError(): Error {
  return new Error('the call was aborted while waiting for a token');
}

/** `promise`, or a rejection as soon as the caller's signal aborts (the runtime reports that as its timeout). */
function untilAborted<T>(promise: Promise<T>, signal: CallSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  if (signal.aborted) return Promise.reject(abortedError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortedError());
    const off = 'addEventListener' in signal
      ? (signal.addEventListener('abort', onAbort, { once: true }), () => signal.removeEventListener('abort', onAbort))
      : (signal.once('abort', onAbort), () => { signal.off('abort', onAbort); });
    promise.then((v) => { off(); resolve(v); }, (e: unknown) => { off(); reject(e); });
  });
}
