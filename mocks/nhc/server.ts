/**
 * Mock of the NHC data-sharing platform (protocol style G): `POST /api/v1/{service}/query`,
 * requests signed with HMAC-SM3, and always HTTP 200 with a `{code, msg, data}` envelope
 * whose code is a number, except for a service that does not exist (404).
 */
import type { FastifyInstance } from 'fastify';
import type { NhcConfig } from '../../connectors/nhc/config.js';
import { NHC_SERVICES, nhcServicePath, type NhcService } from '../../connectors/nhc/types.js';
import { serveEnvelope } from '../kit/envelope.js';
import type { FaultStyle } from '../kit/faults.js';
import { createMockServer, listenMock, mockQuota, type MockServer } from '../kit/server.js';
import type { MockStartOptions, RunningMock } from '../types.js';
import { createNhcGuard } from './guard.js';
import { createNhcServices, nhcReply, type NhcReply } from './services.js';

export interface NhcMockTuning {
  /** Requests per app id per second before the mock answers 42901. Default 2000 (well above what a cached gateway sends). */
  maxRequestsPerSecond?: number;
}

export const NHC_MOCK_DEFAULTS = { maxRequestsPerSecond: 2000 } as const satisfies Required<NhcMockTuning>;

/** The service a request is for (`/api/v1/birth/query` → `birth`): a fault may target one. */
export function nhcInterfaceOf(url: string): string | undefined {
  return /^\/api\/v1\/([^/?]+)\/query(?:\?|$)/.exec(url)?.[1];
}

/**
 * For the `corrupt` fault: the certificate's birth date written with dots (`2021.03.05`),
 * as an old hospital system might: no date the gateway accepts.
 */
export function corruptNhcAnswer(payload: unknown): unknown {
  return typeof payload === 'string'
    ? payload.replace(/"birthDate":"(\d{4})-(\d{2})-(\d{2})"/, '"birthDate":"$1.$2.$3"')
    : payload;
}

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * How NHC says each failure when a fault is switched on (mocks/kit/faults.ts): its envelope
 * with its own numeric codes, 50001 busy and 42901 over quota, always HTTP 200 but for the
 * front end's 500 when the platform behind it falls over.
 */
export const NHC_FAULT_STYLE: FaultStyle = {
  error: (reply) => reply.code(500).type(JSON_TYPE).send(nhcReply('50001')),
  busy: (reply) => reply.code(200).type(JSON_TYPE).send(nhcReply('50001')),
  rateLimit: (reply) => reply.code(200).type(JSON_TYPE).send(nhcReply('42901')),
  malformed: (reply) => reply.code(200).type(JSON_TYPE).send('{"code":0,"msg":"成功","data":{"certificateNo":"Q370212345","birthDate":"2020-10'),
  oversized: () => ({
    contentType: JSON_TYPE,
    head: '{"code":0,"msg":"成功","data":[',
    item: '{"certificateNo":"Q370212345","birthDate":"2020-10-01","birthOrgName":"青岛市妇女儿童医院","childName":"孙安然"},',
    tail: '{}]}',
  }),
  corrupt: corruptNhcAnswer,
};

/** Builds the server (not listening), for tests that inject requests. */
export function buildNhcServer(options: MockStartOptions<NhcConfig>, tuning: NhcMockTuning = {}): FastifyInstance {
  return buildNhcMock(options, tuning).app;
}

function buildNhcMock(options: MockStartOptions<NhcConfig>, tuning: NhcMockTuning): MockServer {
  const services = createNhcServices(options.population);
  const guard = createNhcGuard({
    credentials: options.agencyConfig,
    now: options.now ?? Date.now,
    maxRequestsPerSecond: mockQuota(options, tuning.maxRequestsPerSecond, NHC_MOCK_DEFAULTS.maxRequestsPerSecond),
  });

  const server = createMockServer(options, {
    interfaces: Object.keys(NHC_SERVICES),
    interfaceOf: (req) => nhcInterfaceOf(req.url),
    faultStyle: NHC_FAULT_STYLE,
  });
  serveEnvelope<NhcReply>(server.app, {
    services: NHC_SERVICES,
    pathOf: (service) => nhcServicePath(service as NhcService),
    guard,
    answer: (service, params) => (services[service as NhcService] as (p: unknown) => NhcReply)(params),
    badRequest: (msg) => nhcReply('10001', null, msg),
    busy: () => nhcReply('50001'),
    words: {
      malformed: '请求参数错误：请求报文格式错误',
      notJson: '请求参数错误：请求体不是合法的JSON',
      notObject: '请求参数错误：请求体必须是JSON对象',
      missing: '请求参数错误：缺少必填字段',
      unsupported: '请求参数错误：不支持的字段',
      badFormat: '请求参数错误：字段格式不正确',
    },
  });
  return server;
}

export async function startNhcMock(options: MockStartOptions<NhcConfig>, tuning: NhcMockTuning = {}): Promise<RunningMock> {
  return listenMock('nhc', buildNhcMock(options, tuning), options);
}
