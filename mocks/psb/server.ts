/**
 * Mock of the PSB data-sharing gateway (protocol style A): `POST /api/v2/query/{service}`,
 * signed requests, and always HTTP 200 with a `{code, msg, data}` envelope, except for a
 * service that does not exist (404).
 */
import type { FastifyInstance } from 'fastify';
import { PSB_CODES } from '../../connectors/psb/codes.js';
import type { PsbConfig } from '../../connectors/psb/config.js';
import { PSB_SERVICES, psbServicePath, type PsbService } from '../../connectors/psb/types.js';
import { serveEnvelope } from '../kit/envelope.js';
import type { FaultStyle } from '../kit/faults.js';
import { createMockServer, listenMock, mockQuota, type MockServer } from '../kit/server.js';
import type { MockStartOptions, RunningMock } from '../types.js';
import { createPsbGuard } from './guard.js';
import { createPsbServices, type PsbReply } from './services.js';

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
    maxRequestsPerSecond: mockQuota(options, tuning.maxRequestsPerSecond, PSB_MOCK_DEFAULTS.maxRequestsPerSecond),
  });

  const server = createMockServer(options, {
    interfaces: Object.keys(PSB_SERVICES),
    // A fault may target one service: the last path segment names it.
    interfaceOf: (req) => req.url.slice(req.url.lastIndexOf('/') + 1),
    faultStyle: PSB_FAULT_STYLE,
  });
  serveEnvelope<PsbReply>(server.app, {
    services: PSB_SERVICES,
    pathOf: (service) => psbServicePath(service as PsbService),
    guard,
    answer: (service, params) => (services[service as PsbService] as (p: unknown) => PsbReply)(params),
    badRequest: (msg) => ({ code: '1002', msg, data: null }),
    busy: () => refusal('9999'),
    words: {
      malformed: '请求报文格式错误',
      notJson: '请求参数错误：请求报文不是合法的JSON',
      notObject: '请求参数错误：请求报文必须是JSON对象',
      missing: '请求参数错误：缺少参数',
      unsupported: '请求参数错误：不支持的参数',
      badFormat: '请求参数错误：参数格式不正确',
    },
  });
  return server;
}

export async function startPsbMock(options: MockStartOptions<PsbConfig>, tuning: PsbMockTuning = {}): Promise<RunningMock> {
  return listenMock('psb', buildPsbMock(options, tuning), options);
}
