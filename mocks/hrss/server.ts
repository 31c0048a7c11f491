/**
 * Mock of the HRSS data-sharing interface (protocol style D): REST `GET`s under
 * `/api/v2/…`, the API key in `X-Api-Key` (missing or wrong: 401), a request quota per
 * second (over it: 429 with `Retry-After`), cursor pages over monthly records, and every
 * failure as `{ errcode, errmsg }` with the HTTP status of the code (connectors/hrss/codes.ts):
 * a person the registry does not know is 404 / 40400.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HRSS_CODES, type HrssCode } from '../../connectors/hrss/codes.js';
import type { HrssConfig } from '../../connectors/hrss/config.js';
import {
  HRSS_API_KEY_HEADER,
  HRSS_DEFAULT_PAGE_SIZE,
  HRSS_INTERFACES,
  HRSS_MAX_PAGE_SIZE,
  HRSS_ROUTES,
  HrssIdNumber,
  type HrssInterface,
  type HrssMonthsPage,
} from '../../connectors/hrss/types.js';
import { validatorFor } from '../../src/validation.js';
import type { FaultStyle } from '../kit/faults.js';
import { indexPopulation } from '../kit/population-index.js';
import { createMockServer, listenMock, mockQuota, type MockServer } from '../kit/server.js';
import type { MockStartOptions, RunningMock } from '../types.js';
import { employmentRecord, insuranceStatus, monthRecords } from './render.js';

export const HRSS_MOCK_DEFAULTS = {
  /** Requests per second before 429: well above what a cached gateway sends. */
  quotaPerSecond: 2000,
} as const;

/** The registry's codes by what the mock means (their numbers, statuses and messages are the connector's table). */
const CODES = {
  badParameters: '40001', badKey: '40100', noRecord: '40400', noInterface: '40401', overQuota: '42900', internal: '50000',
} as const satisfies Record<string, HrssCode>;
type CodeName = keyof typeof CODES;

const validIdNumber = validatorFor(HrssIdNumber);

function refuse(reply: FastifyReply, code: CodeName, errmsg?: string): FastifyReply {
  const entry = HRSS_CODES.entries[CODES[code]];
  return reply.code(entry.http).send({ errcode: Number(CODES[code]), errmsg: errmsg ?? entry.errmsg });
}

/** Cursors are opaque to clients; here, the offset of the next record. */
function cursorFor(offset: number): string {
  return Buffer.from(`c1.${offset}`, 'utf8').toString('base64url');
}

function offsetOf(cursor: string): number | undefined {
  const m = /^c1\.(\d{1,7})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return m ? Number(m[1]) : undefined;
}

/** `limit` as sent: absent means the default; 1..100 otherwise. */
function limitOf(value: unknown): number | undefined {
  if (value === undefined) return HRSS_DEFAULT_PAGE_SIZE;
  if (typeof value !== 'string' || !/^\d{1,3}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= 1 && n <= HRSS_MAX_PAGE_SIZE ? n : undefined;
}

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * How HRSS says each failure when a fault is switched on (mocks/kit/faults.ts): its own
 * `{ errcode, errmsg }` with the code's HTTP status: 500 / 50000 for an error and, with the
 * registry's busy wording, when busy (it has no code of its own for that); 429 / 42900 over
 * quota; JSON that breaks off for a bad body.
 */
export const HRSS_FAULT_STYLE: FaultStyle = {
  error: (reply) => refuse(reply, 'internal'),
  busy: (reply) => refuse(reply, 'internal', '系统繁忙，请稍后再试'),
  rateLimit: (reply) => refuse(reply, 'overQuota'),
  malformed: (reply) => reply.code(200).type(JSON_TYPE).send('{"idNumber":"370202198503120017","records":[{"month":"2024'),
  oversized: () => ({
    contentType: JSON_TYPE,
    head: '{"idNumber":"370202198503120017","records":[',
    item: '{"month":"202401","employerCreditCode":"91370202MA3C5X8R2K","employerName":"青岛海纳电子有限公司","baseFen":650000,"paidFen":65000},',
    tail: '{}],"nextCursor":null}',
  }),
  // `corrupt`: employers as their legacy 15-digit 注册号 and 参保状态 as legacy text,
  // both in the registry's own older vocabulary, both refused before they become a fact.
  corrupt: (payload) => (typeof payload === 'string'
    ? payload
      .replace(/"employerCreditCode":"[0-9A-Z]{2}([0-9A-Z]{15})[0-9A-Z]"/g, '"employerCreditCode":"$1"')
      .replace(/"insuredStatus":"\d"/g, '"insuredStatus":"正常参保"')
    : payload),
};

function buildHrssMock(options: MockStartOptions<HrssConfig>): MockServer {
  const index = indexPopulation(options.population);
  const now = options.now ?? Date.now;
  const quota = mockQuota(options, undefined, HRSS_MOCK_DEFAULTS.quotaPerSecond);
  const apiKey = options.agencyConfig.apiKey;

  // A fault may target one interface: the matched route names it.
  const interfaceByRoute = new Map<string, HrssInterface>(HRSS_INTERFACES.map((name) => [HRSS_ROUTES[name], name]));
  const server = createMockServer(options, {
    interfaces: HRSS_INTERFACES,
    interfaceOf: (req) => interfaceByRoute.get(req.routeOptions.url ?? ''),
    faultStyle: HRSS_FAULT_STYLE,
  });
  const { app } = server;

  // The key first, then its quota (counted per clock second, like the registry's gateway).
  let window = { second: -1, count: 0 };
  app.addHook('preHandler', async (req, reply) => {
    const key = req.headers[HRSS_API_KEY_HEADER];
    if (typeof key !== 'string' || key === '') return refuse(reply, 'badKey', '缺少API Key(X-Api-Key)');
    if (key !== apiKey) return refuse(reply, 'badKey');
    const at = now();
    const second = Math.floor(at / 1000);
    if (window.second !== second) window = { second, count: 0 };
    if (++window.count > quota) {
      reply.header('retry-after', String(Math.max(1, Math.ceil(((second + 1) * 1000 - at) / 1000))));
      return refuse(reply, 'overQuota');
    }
    return undefined;
  });

  /** The person in the path, checked: undefined after a 400 has been sent. */
  function personOf(req: FastifyRequest, reply: FastifyReply): string | undefined {
    const id = (req.params as { idNumber?: unknown }).idNumber;
    if (typeof id === 'string' && validIdNumber(id)) return id;
    refuse(reply, 'badParameters', '请求参数错误：身份证号码格式不正确');
    return undefined;
  }

  app.get(HRSS_ROUTES.status, async (req, reply) => {
    const id = personOf(req, reply);
    if (id === undefined) return reply;
    const insurance = index.insuranceOf.get(id);
    if (!insurance) return refuse(reply, 'noRecord');
    return insuranceStatus(index, insurance);
  });

  app.get(HRSS_ROUTES.months, async (req, reply) => {
    const id = personOf(req, reply);
    if (id === undefined) return reply;
    const query = req.query as Record<string, unknown>;
    const limit = limitOf(query.limit);
    if (limit === undefined) return refuse(reply, 'badParameters', `请求参数错误：limit须为1-${HRSS_MAX_PAGE_SIZE}的整数`);
    let offset = 0;
    if (query.cursor !== undefined) {
      const o = typeof query.cursor === 'string' ? offsetOf(query.cursor) : undefined;
      if (o === undefined) return refuse(reply, 'badParameters', '请求参数错误：cursor无效');
      offset = o;
    }
    const insurance = index.insuranceOf.get(id);
    if (!insurance) return refuse(reply, 'noRecord');
    const all = monthRecords(insurance);
    if (offset > all.length) return refuse(reply, 'badParameters', '请求参数错误：cursor无效');
    const end = offset + limit;
    const page: HrssMonthsPage = { idNumber: id, records: all.slice(offset, end), nextCursor: end < all.length ? cursorFor(end) : null };
    return page;
  });

  app.get(HRSS_ROUTES.employment, async (req, reply) => {
    const id = personOf(req, reply);
    if (id === undefined) return reply;
    return employmentRecord(index, id) ?? refuse(reply, 'noRecord');
  });

  app.setNotFoundHandler((_req, reply) => refuse(reply, 'noInterface'));
  // The registry's front end answers in its own format, whatever went wrong.
  app.setErrorHandler((err: { statusCode?: number }, _req, reply) => {
    const clientError = err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500;
    return refuse(reply, clientError ? 'badParameters' : 'internal');
  });
  return server;
}

export async function startHrssMock(options: MockStartOptions<HrssConfig>): Promise<RunningMock> {
  return listenMock('hrss', buildHrssMock(options), options);
}
