/**
 * Mock of the HUD open-data API (protocol style C): `POST /oauth/token` issues short-lived
 * bearer tokens for the configured client (form-encoded client credentials), and
 * `GET /api/v1/sale-contracts?buyerIdNumber=…` and `GET /api/v1/leases?tenantIdNumber=…`
 * answer `{ items, total }` to a valid token. Failures are an HTTP status with
 * `{ error, errorDescription }` (connectors/hud/codes.ts): 401 for an unknown or expired
 * token, 429 over the quota, 400 for bad parameters.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { HUD_ERRORS, type HudErrorCode } from '../../connectors/hud/codes.js';
import type { HudConfig } from '../../connectors/hud/config.js';
import {
  HUD_GRANT_TYPE,
  HUD_QUERIES,
  HUD_TOKEN_LIFETIME_SECONDS,
  HUD_TOKEN_PATH,
  HUD_TOKEN_TYPE,
  HudIdNumber,
  type HudErrorBody,
  type HudQuery,
  type HudTokenAnswer,
} from '../../connectors/hud/types.js';
import { validatorFor } from '../../src/validation.js';
import type { FaultStyle } from '../kit/faults.js';
import { indexPopulation } from '../kit/population-index.js';
import { createMockServer, listenMock, mockQuota, type MockServer } from '../kit/server.js';
import type { MockStartOptions, RunningMock } from '../types.js';
import { leaseItem, saleContractItem } from './render.js';

export interface HudMockTuning {
  /** Lifetime of the tokens the mock issues, in seconds (`expires_in`). Default 300; 0 makes every token expire at once. */
  tokenLifetimeSeconds?: number;
  /** Queries per client per second before 429. Default: options.quotaPerSecond (0: none), else 2000. */
  maxRequestsPerSecond?: number;
}

export const HUD_MOCK_DEFAULTS = { tokenLifetimeSeconds: HUD_TOKEN_LIFETIME_SECONDS, maxRequestsPerSecond: 2000 } as const satisfies Required<HudMockTuning>;

/** The fault seam's names for the mock's interfaces: `token`, `sale-contracts`, `leases`. */
const INTERFACE_BY_PATH = new Map<string, string>([
  [HUD_TOKEN_PATH, 'token'],
  ...(Object.keys(HUD_QUERIES) as HudQuery[]).map((q) => [HUD_QUERIES[q].path, q] as [string, string]),
]);

function refuse(reply: FastifyReply, code: HudErrorCode, headers: Record<string, string> = {}) {
  const { httpStatus, description } = HUD_ERRORS.entries[code];
  const body: HudErrorBody = { error: code, errorDescription: description };
  return reply.code(httpStatus).headers(headers).send(body);
}

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * How HUD says each failure when a fault is switched on (mocks/kit/faults.ts): its own error
 * codes with their HTTP statuses (500 server_error, 503 temporarily_unavailable when busy,
 * 429 rate_limit_exceeded), and JSON that breaks off for a bad body.
 */
export const HUD_FAULT_STYLE: FaultStyle = {
  error: (reply) => refuse(reply, 'server_error'),
  busy: (reply) => refuse(reply, 'temporarily_unavailable'),
  rateLimit: (reply) => refuse(reply, 'rate_limit_exceeded'),
  malformed: (reply, request) => reply.code(200).type(JSON_TYPE).send(INTERFACE_BY_PATH.get(request.url.split('?')[0]!) === 'token'
    ? '{"access_token":"bG9uZy1saXZlZC10b2tlbi'
    : '{"items":[{"contractNumber":"QD2021-0012345","address":"市南区福州南路88号3-2-'),
  oversized: () => ({
    contentType: JSON_TYPE,
    head: '{"items":[',
    item: '{"contractNumber":"QD2021-0012345","address":"市南区福州南路88号3-2-501","filedOn":"2021-03-05","status":"已备案"},',
    tail: '{}],"total":1}',
  }),
  // `corrupt`: every date is the legacy database's zero date, which is no date.
  corrupt: (payload) => (typeof payload === 'string' ? payload.replace(/"\d{4}-\d{2}-\d{2}"/g, '"0000-00-00"') : payload),
};

/** Builds the server (not listening), for tests that inject requests. */
export function buildHudServer(options: MockStartOptions<HudConfig>, tuning: HudMockTuning = {}): FastifyInstance {
  return buildHudMock(options, tuning).app;
}

function buildHudMock(options: MockStartOptions<HudConfig>, tuning: HudMockTuning): MockServer {
  const { agencyConfig } = options;
  const index = indexPopulation(options.population);
  const now = options.now ?? Date.now;
  const lifetimeS = tuning.tokenLifetimeSeconds ?? HUD_MOCK_DEFAULTS.tokenLifetimeSeconds;
  const maxPerSecond = mockQuota(options, tuning.maxRequestsPerSecond, HUD_MOCK_DEFAULTS.maxRequestsPerSecond);
  const validIdNumber = validatorFor(HudIdNumber);

  /** Issued token → when it expires (ms). Expired ones are swept as new ones are issued. */
  const tokens = new Map<string, number>();
  let lastSweep = 0;
  let quota = { second: -1, count: 0 };

  const server = createMockServer(options, {
    interfaces: [...INTERFACE_BY_PATH.values()],
    interfaceOf: (req) => INTERFACE_BY_PATH.get(req.url.split('?')[0]!),
    faultStyle: HUD_FAULT_STYLE,
  });
  const { app } = server;

  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  app.post(HUD_TOKEN_PATH, async (req, reply) => {
    // RFC 6749 §4.4.2: the form, and nothing else (a JSON body is refused, not guessed at).
    if (!/^application\/x-www-form-urlencoded\b/i.test(req.headers['content-type'] ?? '')) return refuse(reply, 'invalid_request');
    const form = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<string, string | undefined>;
    if (form.grant_type === undefined) return refuse(reply, 'invalid_request');
    if (form.grant_type !== HUD_GRANT_TYPE) return refuse(reply, 'unsupported_grant_type');
    if (form.client_id !== agencyConfig.clientId || form.client_secret !== agencyConfig.clientSecret) {
      return refuse(reply, 'invalid_client', { 'www-authenticate': 'Basic realm="hud"' });
    }
    const at = now();
    if (at - lastSweep > 10_000) {
      lastSweep = at;
      for (const [t, expires] of tokens) if (expires <= at) tokens.delete(t);
    }
    const token = randomBytes(24).toString('base64url');
    tokens.set(token, at + lifetimeS * 1000);
    const answer: HudTokenAnswer = { access_token: token, token_type: HUD_TOKEN_TYPE, expires_in: lifetimeS };
    return reply.headers({ 'cache-control': 'no-store', pragma: 'no-cache' }).send(answer);
  });

  for (const query of Object.keys(HUD_QUERIES) as HudQuery[]) {
    const { path, param } = HUD_QUERIES[query];
    app.get(path, async (req, reply) => {
      const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
      const expires = token === undefined ? undefined : tokens.get(token);
      const at = now();
      if (expires === undefined || expires <= at) {
        return refuse(reply, 'invalid_token', { 'www-authenticate': `Bearer error="invalid_token"` });
      }
      const second = Math.floor(at / 1000);
      if (quota.second !== second) quota = { second, count: 0 };
      if (++quota.count > maxPerSecond) return refuse(reply, 'rate_limit_exceeded', { 'retry-after': '1' });

      const idNumber = (req.query as Record<string, unknown>)[param];
      if (typeof idNumber !== 'string' || !validIdNumber(idNumber)) return refuse(reply, 'invalid_request');
      // HUD lists the latest first.
      const items = query === 'sale-contracts'
        ? (index.contractsOf.get(idNumber) ?? []).slice().sort((a, b) => b.filedOn.localeCompare(a.filedOn)).map((c) => saleContractItem(index, c))
        : (index.leasesOf.get(idNumber) ?? []).slice().sort((a, b) => b.startOn.localeCompare(a.startOn)).map((l) => leaseItem(index, l));
      return { items, total: items.length };
    });
  }

  app.setNotFoundHandler((_req, reply) => refuse(reply, 'not_found'));
  // The API's front end answers every failure in its own format.
  app.setErrorHandler((err: { statusCode?: number }, _req, reply) => {
    const clientError = err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500;
    return refuse(reply, clientError ? 'invalid_request' : 'server_error');
  });
  return server;
}

export async function startHudMock(options: MockStartOptions<HudConfig>, tuning: HudMockTuning = {}): Promise<RunningMock> {
  return listenMock('hud', buildHudMock(options, tuning), options);
}
