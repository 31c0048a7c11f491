/**
 * Mock of the AMR market-entity register (protocol style E): `GET /api/entity?key=…&code=…`
 * and `GET /api/entity/by-person?key=…&idNumber=…`, always HTTP 200 with a
 * `{状态码, 信息, 数据}` envelope encoded in GB18030 (except for a path that does not exist:
 * 404). The access key is checked first (403), then the parameter (400).
 * AMR has no request quota: `quotaPerSecond` does not apply.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import iconv from 'iconv-lite';
import { amrMessage, type AmrCode } from '../../connectors/amr/codes.js';
import type { AmrConfig } from '../../connectors/amr/config.js';
import { AMR_CHARSET, AMR_CONTENT_TYPE, AMR_INTERFACES, AMR_KEY_PARAM, amrInterfaceOf, type AmrInterface } from '../../connectors/amr/types.js';
import type { Population } from '../../schemas/population.js';
import { validatorFor } from '../../src/validation.js';
import type { FaultStyle } from '../kit/faults.js';
import { indexPopulation } from '../kit/population-index.js';
import { createMockServer, listenMock, type MockServer } from '../kit/server.js';
import type { MockStartOptions, RunningMock } from '../types.js';
import { amrEntity } from './render.js';

export interface AmrReply { 状态码: AmrCode; 信息: string; 数据?: unknown }

const reply = (code: AmrCode, 信息: string = amrMessage(code), 数据?: unknown): AmrReply =>
  (数据 === undefined ? { 状态码: code, 信息 } : { 状态码: code, 信息, 数据 });

/** Every answer leaves in GB18030, saying so. */
function sendGb18030(res: FastifyReply, body: AmrReply | Record<string, unknown>, status = 200): FastifyReply {
  return res.code(status).header('content-type', AMR_CONTENT_TYPE).send(gb18030(JSON.stringify(body)));
}

const gb18030 = (text: string): Buffer => iconv.encode(text, AMR_CHARSET);

/**
 * `corrupt`: every 成立日期 is no date, still written the register's way (the payload is
 * the GB18030 body: decoded, changed, encoded again).
 */
function corrupt(payload: unknown): unknown {
  if (!Buffer.isBuffer(payload)) return payload;
  const text = iconv.decode(payload, AMR_CHARSET).replace(/"成立日期":"[^"]*"/g, '"成立日期":"二〇一八年三月"');
  return iconv.encode(text, AMR_CHARSET);
}

/**
 * How AMR says each failure when a fault is switched on (mocks/kit/faults.ts): its envelope
 * in GB18030 with its own 状态码 503 (系统繁忙), at HTTP 200 when busy and at HTTP 500 from
 * its front end for a server error; the register has no quota code, so over quota its front
 * end answers HTTP 429 in the same envelope; a bad body is GB18030 that breaks off in the
 * middle of a character.
 */
export const AMR_FAULT_STYLE: FaultStyle = {
  error: (res) => sendGb18030(res, reply('503'), 500),
  busy: (res) => sendGb18030(res, reply('503')),
  rateLimit: (res) => sendGb18030(res, { 状态码: '429', 信息: '请求过于频繁，请稍后再试' }, 429),
  malformed: (res) => {
    const bytes = gb18030('{"状态码":"200","信息":"查询成功","数据":{"统一社会信用代码":"91370202MA3C5X8R2K","企业名称":"青岛');
    // The last character's second byte is missing: neither GB18030 nor JSON.
    return res.code(200).header('content-type', AMR_CONTENT_TYPE).send(bytes.subarray(0, bytes.length - 1));
  },
  oversized: () => ({
    contentType: AMR_CONTENT_TYPE,
    head: gb18030('{"状态码":"200","信息":"查询成功","数据":['),
    item: gb18030('{"统一社会信用代码":"91370202MA3C5X8R2K","企业名称":"青岛海纳电子有限公司","登记状态":"存续","成立日期":"2019年03月05日"},'),
    tail: gb18030('{}]}'),
  }),
  corrupt,
};

/** The two interfaces over one population: a validated parameter in, the envelope out. */
function createAmrServices(population: Population): { [I in AmrInterface]: (value: string) => AmrReply } {
  const { persons, enterpriseByCode, enterprisesOf } = indexPopulation(population);
  const leaderOf = (idNumber: string) => persons.get(idNumber)?.name ?? '';
  return {
    entity(code) {
      const e = enterpriseByCode.get(code);
      if (!e) return reply('404');
      return reply('200', undefined, amrEntity(e, leaderOf(e.legalRepresentativeIdNumber)));
    },
    'by-person'(idNumber) {
      const led = enterprisesOf.get(idNumber) ?? [];
      if (led.length === 0) return reply('404', '未查询到该人员任职的市场主体');
      return reply('200', undefined, led.map((e) => amrEntity(e, leaderOf(idNumber))));
    },
  };
}

export function buildAmrMock(options: MockStartOptions<AmrConfig>): MockServer {
  const services = createAmrServices(options.population);
  const { accessKey } = options.agencyConfig;
  const server = createMockServer(options, {
    interfaces: Object.keys(AMR_INTERFACES),
    // A fault may target one interface: its path names it.
    interfaceOf: (req) => amrInterfaceOf(req.url),
    faultStyle: AMR_FAULT_STYLE,
  });
  const { app } = server;

  for (const iface of Object.keys(AMR_INTERFACES) as AmrInterface[]) {
    const { path, param, value: schema } = AMR_INTERFACES[iface];
    const valid = validatorFor(schema);
    app.get(path, async (req, res) => {
      const query = req.query as Record<string, unknown>;
      if (query[AMR_KEY_PARAM] !== accessKey) return sendGb18030(res, reply('403'));
      const value = query[param];
      if (typeof value !== 'string' || value === '') return sendGb18030(res, reply('400', `请求参数错误：缺少参数${param}`));
      if (!valid(value)) return sendGb18030(res, reply('400', `请求参数错误：参数${param}格式不正确`));
      return sendGb18030(res, services[iface](value));
    });
  }

  // The register's front end never lets an exception through as a 500.
  app.setErrorHandler(async (err: { statusCode?: number }, _req, res) => {
    const clientError = err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500;
    return sendGb18030(res, clientError ? reply('400', '请求格式错误') : reply('503'));
  });
  return server;
}

/** Builds the server (not listening), for tests that inject requests. */
export function buildAmrServer(options: MockStartOptions<AmrConfig>): FastifyInstance {
  return buildAmrMock(options).app;
}

export async function startAmrMock(options: MockStartOptions<AmrConfig>): Promise<RunningMock> {
  return listenMock('amr', buildAmrMock(options), options);
}
