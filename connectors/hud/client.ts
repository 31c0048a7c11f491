/**
 * The HUD protocol client (style C): `GET` with `Authorization: Bearer <token>` through the
 * kit's one upstream exchange, the token from token.ts, and the answer classified once
 * (codes.ts): `{ items, total }` with items is ok, without is not_found, a 401 refreshes the
 * token once and retries once, every other status goes by the kit's table. Messages name the
 * interface, the status and a known code, never the request (its query string holds an ID
 * number) or the agency's `errorDescription`.
 */
import { readJson, send, throwForStatus, upstreamFailure, type UpstreamResponse } from '../../src/connectors/kit/http.js';
import type { AgencyContext, CallSignal, CommonAgencyConfig, UpstreamAnswer } from '../../src/connectors/types.js';
import { validatorFor } from '../../src/validation.js';
import { knownErrorCode } from './codes.js';
import type { HudConfig } from './config.js';
import { createTokenSource, credentialsRefused } from './token.js';
import { HUD_MAX_RESPONSE_BYTES, HUD_QUERIES, HUD_TOKEN_TYPE, hudQueryPath, type HudItem, type HudQuery } from './types.js';

export interface HudClient {
  /** The person's records of one interface; resolves ok (at least one) / not_found, throws UpstreamError otherwise. */
  list<Q extends HudQuery>(query: Q, idNumber: string, signal: CallSignal): Promise<UpstreamAnswer<HudItem<Q>[]>>;
}

export type HudClientContext = AgencyContext<HudConfig & CommonAgencyConfig>;

export interface HudClientOptions {
  /** The clock that decides when a cached token is renewed. Default Date.now; tests inject their own. */
  now?: () => number;
}

export function createHudClient(ctx: HudClientContext, options: HudClientOptions = {}): HudClient {
  const tokens = createTokenSource(ctx, options.now ?? Date.now);
  // Per interface, once: its label and answer validator.
  const queries = new Map((Object.keys(HUD_QUERIES) as HudQuery[]).map((q) => [q, {
    label: `HUD ${q}`,
    validAnswer: validatorFor(HUD_QUERIES[q].answer),
  }]));

  function get(label: string, path: string, token: string, signal: CallSignal): Promise<UpstreamResponse> {
    return send({
      label, dispatcher: ctx.dispatcher, path, method: 'GET', signal, maxBytes: HUD_MAX_RESPONSE_BYTES,
      headers: { authorization: `${HUD_TOKEN_TYPE} ${token}`, accept: 'application/json' },
    });
  }

  return {
    async list(query, idNumber, signal) {
      const { label, validAnswer } = queries.get(query)!;
      const path = ctx.basePath + hudQueryPath(query, idNumber);

      const token = await tokens.get(signal);
      let res = await get(label, path, token, signal);
      if (res.status === 401) {
        // Expired or revoked before we thought: one new token, one more try.
        tokens.refused(token);
        const renewed = await tokens.get(signal);
        res = await get(label, path, renewed, signal);
        if (res.status === 401) {
          tokens.refused(renewed);
          throw credentialsRefused(label, 'a new token was refused with HTTP 401 too');
        }
      }
      if (ctx.log.isLevelEnabled('debug')) ctx.log.debug({ hudQuery: query, httpStatus: res.status }, 'hud answer');
      if (res.status < 200 || res.status >= 300) {
        const code = knownErrorCode(res.text);
        throwForStatus(code ? `${label} (${code})` : label, res);
      }

      const json = readJson(label, res.text, validAnswer);
      // HUD answers every record at once: a total that disagrees is a broken answer, not a page.
      if (json.total !== json.items.length) throw upstreamFailure(label, 'fatal', 'invalid_response', `total ${json.total} but ${json.items.length} items`);
      if (json.items.length === 0) return { outcome: 'not_found' };
      return { outcome: 'ok', data: json.items as HudItem<typeof query>[] };
    },
  };
}
