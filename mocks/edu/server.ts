/**
 * Mock of the education bureau's data API (protocol style H): plain JSON REST under
 * `/api/v1` with a static bearer token. Errors are an HTTP status with `{ code, message }`
 * (connectors/edu/codes.ts): 401 INVALID_TOKEN, 400 INVALID_PARAMETER, 404
 * STUDENT_NOT_FOUND for a pupil it has no 学籍 for, 404 NOT_FOUND for a path it does not
 * have, 500 INTERNAL_ERROR. The bureau grants no per-second quota: `quotaPerSecond` does
 * not apply.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { EDU_ERRORS, type EduErrorCode } from '../../connectors/edu/codes.js';
import type { EduConfig } from '../../connectors/edu/config.js';
import { EDU_AUTH_HEADER, EDU_AUTH_SCHEME, EDU_PATHS, EduStudentInput, EduZoneQuery, type EduZones } from '../../connectors/edu/types.js';
import { validatorFor } from '../../src/validation.js';
import type { FaultStyle } from '../kit/faults.js';
import { createMockServer, listenMock, type MockServer } from '../kit/server.js';
import { indexPopulation } from '../kit/population-index.js';
import type { MockStartOptions, RunningMock } from '../types.js';
import { eduQueryDoor, eduSchool, eduStudent } from './render.js';
import { createZoning } from './zoning.js';

/** The mock's names for its interfaces (a fault may target one): `students`, `zones`. */
export function eduInterfaceOf(url: string): string | undefined {
  const path = url.split('?')[0]!;
  if (path.startsWith(`${EDU_PATHS.students}/`)) return 'students';
  if (path === EDU_PATHS.zones) return 'zones';
  return undefined;
}

/**
 * `corrupt`: the first school code gets a letter O for a zero's place, as a mistyped
 * directory entry would; the bureau's answer is still well-formed JSON, the fact is not.
 */
export function corruptEduAnswer(payload: unknown): unknown {
  return typeof payload === 'string' ? payload.replace(/"schoolCode":"(\d*)\d"/, '"schoolCode":"$1O"') : payload;
}

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

function sendError(reply: FastifyReply, code: EduErrorCode): FastifyReply {
  const { httpStatus, message } = EDU_ERRORS[code];
  return reply.code(httpStatus).send({ code, message });
}

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * How EDU says each failure when a fault is switched on (mocks/kit/faults.ts): its own 500
 * INTERNAL_ERROR for an error and when busy (the bureau's one code for both: 系统繁忙); the
 * bureau grants no quota, so over quota it is its API front end that answers 429, in the
 * bureau's error shape; a bad body is JSON that breaks off.
 */
export const EDU_FAULT_STYLE: FaultStyle = {
  error: (reply) => sendError(reply, 'INTERNAL_ERROR'),
  busy: (reply) => sendError(reply, 'INTERNAL_ERROR'),
  rateLimit: (reply) => reply.code(429).type(JSON_TYPE).send({ code: 'TOO_MANY_REQUESTS', message: '请求过于频繁，请稍后再试' }),
  malformed: (reply) => reply.code(200).type(JSON_TYPE).send('{"studentNumber":"G37021200001","schoolCode":"3702'),
  oversized: () => ({
    contentType: JSON_TYPE,
    head: '{"address":"市南区福州南路88号","schools":[',
    item: '{"schoolCode":"3702020001","schoolName":"青岛市市南区实验小学","level":"primary"},',
    tail: '{}]}',
  }),
  corrupt: corruptEduAnswer,
};

/** Builds the server (not listening), for tests that inject requests. */
export function buildEduMock(options: MockStartOptions<EduConfig>): MockServer {
  const { population, studentOf } = indexPopulation(options.population);
  const schoolNames = new Map(population.schoolZones.map((z) => [z.schoolCode, z.schoolName]));
  const zoning = createZoning(population.schoolZones);
  // Compared as digests, in constant time: the length of the token is no secret either.
  const expected = digest(options.agencyConfig.token);
  const scheme = new RegExp(`^${EDU_AUTH_SCHEME} +(.+)$`, 'i');
  const validStudent = validatorFor(EduStudentInput);
  const validZoneQuery = validatorFor(EduZoneQuery);

  const server = createMockServer(options, {
    interfaces: Object.keys(EDU_PATHS),
    interfaceOf: (req) => eduInterfaceOf(req.url),
    faultStyle: EDU_FAULT_STYLE,
  });
  const { app } = server;

  // After the fault seam (createMockServer's preHandler), before any route: RFC 6750 refusals.
  app.addHook('preHandler', async (req: FastifyRequest, reply: FastifyReply) => {
    const sent = req.headers[EDU_AUTH_HEADER];
    const token = typeof sent === 'string' ? scheme.exec(sent)?.[1] : undefined;
    if (token !== undefined && timingSafeEqual(digest(token), expected)) return undefined;
    reply.header('www-authenticate', sent === undefined ? 'Bearer realm="edu-api"' : 'Bearer realm="edu-api", error="invalid_token"');
    return sendError(reply, 'INVALID_TOKEN');
  });

  app.get<{ Params: { idNumber: string } }>(`${EDU_PATHS.students}/:idNumber`, async (req, reply) => {
    const input = { idNumber: req.params.idNumber };
    if (!validStudent(input)) return sendError(reply, 'INVALID_PARAMETER');
    const student = studentOf.get(input.idNumber);
    if (!student) return sendError(reply, 'STUDENT_NOT_FOUND');
    return eduStudent(student, schoolNames.get(student.schoolCode));
  });

  app.get(EDU_PATHS.zones, async (req, reply) => {
    const query = { ...(req.query as Record<string, unknown>) };
    if (!validZoneQuery(query)) return sendError(reply, 'INVALID_PARAMETER');
    const door = { district: query.district, street: query.street, number: Number(query.number) };
    const answer: EduZones = { address: eduQueryDoor(query), schools: zoning(door).map(eduSchool) };
    return answer;
  });

  app.setNotFoundHandler(async (_req, reply) => sendError(reply, 'NOT_FOUND'));
  // The bureau's front end answers its own error bodies, never a stack trace.
  app.setErrorHandler(async (err: { statusCode?: number }, _req, reply) =>
    sendError(reply, err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500 ? 'INVALID_PARAMETER' : 'INTERNAL_ERROR'));
  return server;
}

export async function startEduMock(options: MockStartOptions<EduConfig>): Promise<RunningMock> {
  return listenMock('edu', buildEduMock(options), options);
}
