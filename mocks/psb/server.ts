/**
 * Mock of the PSB data-sharing gateway (protocol style A): `POST /api/v2/query/{service}`,
 * signed requests, and always HTTP 200 with a `{code, msg, data}` envelope, except for a
 * service that does not exist (404).
 */
import type { FastifyInstance } from 'fastify';
import { PSB_CODES } from '../../connectors/psb/codes.js';
import type { PsbConfig } from '../../connectors/psb/config.js';
import { PSB_SERVICES, psbServicePath, type PsbParams, type PsbService } from '../../connectors/psb/types.js';
import { validatorFor } from '../../src/validation.js';
import type { FaultStyle } from '../kit/faults.js';
import { createMockServer, listenMock, type MockServer } from '../kit/server.js';
import type { MockStartOptions, RunningMock } from '../types.js';
import { createPsbGuard } from './guard.js';
import { createPsbServices, type PsbReply, type PsbServices } from './services.js';

export interface PsbMockTuning {
  /** Requests per app key per second before the mock answers 4290. Default 2000 (well above what a cached gateway sends). */
  maxRequestsPerSecond?: number;
}

export const PSB_MOCK_DEFAULTS = { maxRequestsPerSecond: 2000 } as const satisfies Required<PsbMockTuning>;

const JSON_TYPE = 'application/json; charset=utf-8';
const refusal = (code: '4290' | '9999'): PsbReply => ({ code, msg: PSB_CODES.entries[code].msg, data: null });

/**
 * How PSB says each failure when a fault is switched on (mocks/kit/faults.ts): its envelope
 * with its own codes, 9999 busy and 4290 over quota, always HTTP 200 but for the front end's
 * 500 when the service behind it falls over.
 */
export const PSB_FAULT_STYLE: FaultStyle = {
  error: (reply) => reply.code(500).type(JSON_TYPE).send(refusal('9999')),
  busy: (reply) => reply.code(200).type(JSON_TYPE).send(refusal('9999')),
  rateLimit: (reply) => reply.code(200).type(JSON_TYPE).send(refusal('4290')),
  // The envelope cut off in the middle of the record.
  malformed: (reply) => reply.code(200).type(JSON_TYPE).send('{"code":"0000","msg":"查询成功","data":{"xm":"孙安然","xb":"2","csrq":"2020'),
  oversized: () => ({
    contentType: JSON_TYPE,
    head: '{"code":"0000","msg":"查询成功","data":[',
    item: '{"xm":"孙安然","xb":"2","csrq":"20201001","hjdz":"山东省青岛市市南区福州南路88号3号楼2单元501户"},',
    tail: '{}]}',
  }),
  // `corrupt`: the first date of the answer is no date (PSB writes them YYYYMMDD).
  corrupt: (payload) => (typeof payload === 'string' ? payload.replace(/"\d{8}"/, '"2026-99-99"') : payload),
};

/** Builds the server (not listening), for tests that inject requests. */
export function buildPsbServer(options: MockStartOptions<PsbConfig>, tuning: PsbMockTuning = {}): FastifyInstance {
  return buildPsbMock(options, tuning).app;
}

function buildPsbMock(options: MockStartOptions<PsbConfig>, tuning: PsbMockTuning): MockServer {
  const services = createPsbServices(options.population);
  const guard = createPsbGuard({
    credentials: options.agencyConfig,
    now: options.now ?? Date.now,
    maxRequestsPerSecond: tuning.maxRequestsPerSecond ?? (options.quotaPerSecond === 0 ? Infinity : options.quotaPerSecond) ?? PSB_MOCK_DEFAULTS.maxRequestsPerSecond,
  });

  const server = createMockServer(options, {
    interfaces: Object.keys(PSB_SERVICES),
    // A fault may target one service: the last path segment names it.
    interfaceOf: (req) => req.url.slice(req.url.lastIndexOf('/') + 1),
    faultStyle: PSB_FAULT_STYLE,
  });
  const { app } = server;
  // The signature covers the raw bytes: keep the body as a string and parse it after the check.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));

  for (const service of Object.keys(PSB_SERVICES) as PsbService[]) {
    app.post(psbServicePath(service), async (req): Promise<PsbReply> => {
      const body = typeof req.body === 'string' ? req.body : '';
      const refusal = guard({ method: req.method, path: req.url, headers: req.headers, body });
      if (refusal) return refusal;
      const params = readParams(service, body);
      return 'code' in params ? params : answer(services, service, params.value);
    });
  }

  // The agency's front end never lets an exception through as a 500.
  app.setErrorHandler(async (err: { statusCode?: number }, _req, reply) => {
    const clientError = err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500;
    return reply.code(200).send(clientError
      ? { code: '1002', msg: '请求报文格式错误', data: null }
      : { code: '9999', msg: PSB_CODES.entries['9999'].msg, data: null });
  });
  return server;
}

export async function startPsbMock(options: MockStartOptions<PsbConfig>, tuning: PsbMockTuning = {}): Promise<RunningMock> {
  return listenMock('psb', buildPsbMock(options, tuning), options);
}

function answer<S extends PsbService>(services: PsbServices, service: S, params: PsbParams<S>): PsbReply {
  return (services[service] as (p: PsbParams<S>) => PsbReply)(params);
}

/** The JSON body, checked against the service's request schema; 1002 names the field at fault. */
function readParams<S extends PsbService>(service: S, body: string): { value: PsbParams<S> } | PsbReply {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { code: '1002', msg: '请求参数错误：请求报文不是合法的JSON', data: null };
  }
  const valid = validatorFor(PSB_SERVICES[service].params);
  if (valid(json)) return { value: json as PsbParams<S> };
  const e = valid.errors?.[0];
  const field = e?.keyword === 'required' ? String(e.params.missingProperty)
    : e?.keyword === 'additionalProperties' ? String(e.params.additionalProperty)
      : e?.instancePath.replace(/^\//, '') ?? '';
  const problem = e?.keyword === 'required' ? '缺少参数' : e?.keyword === 'additionalProperties' ? '不支持的参数' : '参数格式不正确';
  return { code: '1002', msg: field ? `请求参数错误：${problem} ${field}` : '请求参数错误：请求报文必须是JSON对象', data: null };
}
