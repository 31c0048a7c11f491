/**
 * Mock of the MCA data exchange (protocol style F): an asynchronous exchange.
 * `POST /exchange/jobs` with `{type, idNumber}` and `X-Exchange-Token` answers
 * `202 {jobId}`; `GET /exchange/jobs/{jobId}` answers `{jobId, status, result?, error?}`.
 * Timing is deterministic, counted in polls, not in time: a job is `pending` on its first
 * poll, `running` on its second and finished (`done` or `failed`) from its third (tuning
 * `finishOnPoll`), so tests never wait for the mock. A finished job can be read for
 * `jobTtlMs` (of the mock clock) after it finished, then it is gone: `404 JOB_NOT_FOUND`.
 * HTTP errors carry `{code, message}`: 401 UNAUTHORIZED (missing or wrong token),
 * 400 BAD_REQUEST, 429 RATE_LIMITED (submissions over the quota, Retry-After), 404.
 */
import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { MCA_CODES, type McaCode } from '../../connectors/mca/codes.js';
import type { McaConfig } from '../../connectors/mca/config.js';
import { MCA_JOB_TYPES, MCA_JOBS_PATH, MCA_TOKEN_HEADER, McaSubmitRequest, type McaJob, type McaJobError, type McaJobType } from '../../connectors/mca/types.js';
import { idNumberCheckChar } from '../../src/domain/id-number.js';
import { validatorFor } from '../../src/validation.js';
import type { FaultStyle } from '../kit/faults.js';
import { indexPopulation } from '../kit/population-index.js';
import { createMockServer, listenMock, mockQuota, type MockServer } from '../kit/server.js';
import type { MockStartOptions, RunningMock } from '../types.js';
import { assistanceRecords, marriageRecords } from './render.js';

export interface McaMockTuning {
  /** The poll on which a job finishes: 1 finishes on the first poll, Infinity never. Default 3 (pending, running, then done). */
  finishOnPoll?: number;
  /** Every job fails with this error code (BUSY, INTERNAL_ERROR, or any other) instead of answering. Default: none. */
  failWith?: string;
  /** How long a finished job can be read, in ms of the mock clock; 0: gone the moment it finishes. Default 60 000. */
  jobTtlMs?: number;
  /** Submissions per second before HTTP 429. Default 1000 (options.quotaPerSecond when given; 0 there: no quota). */
  maxSubmissionsPerSecond?: number;
  /** Called with the number of polls received so far, on each poll before it is answered (tests abort a call at a chosen poll). */
  onPoll?: (received: number) => void;
}

export const MCA_MOCK_DEFAULTS = { finishOnPoll: 3, jobTtlMs: 60_000, maxSubmissionsPerSecond: 1000 } as const;

/** An unfinished job nobody has polled for this long is dropped (a caller that gave up). */
const ABANDONED_MS = 10 * 60_000;

/** What the mock has received so far: tests count polls to prove a client stopped. */
export interface McaMockStats {
  submissions: number;
  polls: number;
}

export interface McaRunningMock extends RunningMock {
  readonly stats: Readonly<McaMockStats>;
}

interface Job {
  id: string;
  type: McaJobType;
  outcome: { result: unknown } | { error: McaJobError };
  polls: number;
  finishedAt: number | undefined;
  lastSeen: number;
}

const JSON_TYPE = 'application/json; charset=utf-8';

function errorBody(code: McaCode) {
  return { code, message: MCA_CODES.entries[code].message };
}

function jobError(code: string): McaJobError {
  return { code, message: Object.hasOwn(MCA_CODES.entries, code) ? MCA_CODES.entries[code as McaCode].message : '任务执行失败' };
}

function tokenMatches(expected: Buffer, header: string | string[] | undefined): boolean {
  const got = Buffer.from(typeof header === 'string' ? header : '', 'utf8');
  return got.length === expected.length && timingSafeEqual(got, expected);
}

function buildMcaMock(options: MockStartOptions<McaConfig>, tuning: McaMockTuning, stats: McaMockStats): MockServer {
  const { marriagesOf, assistanceOf } = indexPopulation(options.population);
  const now = options.now ?? Date.now;
  const token = Buffer.from(options.agencyConfig.token, 'utf8');
  const finishOnPoll = tuning.finishOnPoll ?? MCA_MOCK_DEFAULTS.finishOnPoll;
  const jobTtlMs = tuning.jobTtlMs ?? MCA_MOCK_DEFAULTS.jobTtlMs;
  const quota = mockQuota(options, tuning.maxSubmissionsPerSecond, MCA_MOCK_DEFAULTS.maxSubmissionsPerSecond);
  const validSubmit = validatorFor(McaSubmitRequest);
  const jobs = new Map<string, Job>();
  let window = { second: -1, count: 0 };
  let lastSweep = 0;

  const gone = (job: Job, at: number) => (job.finishedAt !== undefined ? at >= job.finishedAt + jobTtlMs : at - job.lastSeen >= ABANDONED_MS);

  function sweep(at: number): void {
    if (at - lastSweep < 1000) return;
    lastSweep = at;
    for (const [id, job] of jobs) if (gone(job, at)) jobs.delete(id);
  }

  /** What the job will come to, decided when it is submitted (the registry's answer does not change while it runs). */
  function run(type: McaJobType, idNumber: string): Job['outcome'] {
    if (tuning.failWith !== undefined) return { error: jobError(tuning.failWith) };
    // The form was checked on submission; the check character only when the job runs.
    if (idNumberCheckChar(idNumber.slice(0, 17)) !== idNumber[17]) return { error: jobError('BAD_REQUEST') };
    const records = type === 'marriage'
      ? marriageRecords(idNumber, marriagesOf.get(idNumber) ?? [])
      : assistanceRecords(assistanceOf.get(idNumber) ?? []);
    return records.length === 0 ? { error: jobError('NO_RECORD') } : { result: { records } };
  }

  // A fault may target one job type: the submission's body names it, a poll's job knows it.
  const interfaceOf = (req: FastifyRequest): string | undefined => {
    if (req.method === 'POST') {
      const type = (req.body as { type?: unknown } | null)?.type;
      return typeof type === 'string' ? type : undefined;
    }
    const id = (req.params as { jobId?: string } | undefined)?.jobId;
    return id === undefined ? undefined : jobs.get(id)?.type;
  };
  const refuse = (reply: FastifyReply, status: number, code: McaCode) => reply.code(status).type(JSON_TYPE).send(errorBody(code));
  /** A submission is answered 202, a poll 200: a fault's "success" keeps the interface's own status. */
  const successStatus = (req: FastifyRequest) => (req.method === 'POST' ? 202 : 200);

  /**
   * How the exchange says each failure when a fault is switched on (mocks/kit/faults.ts):
   * HTTP 500 INTERNAL_ERROR; HTTP 429 RATE_LIMITED over quota; busy as the exchange says it,
   * a job that fails with BUSY (a submission is accepted, 202, and its job has failed; a poll
   * answers the job failed); a bad body is JSON that breaks off.
   */
  const faultStyle: FaultStyle = {
    error: (reply) => refuse(reply, 500, 'INTERNAL_ERROR'),
    busy: (reply, req) => {
      if (req.method === 'POST') {
        const at = now();
        const sent = (req.body as { type?: unknown } | null)?.type;
        // A submission without a valid type gets a job all the same (it can only fail busy).
        const type = MCA_JOB_TYPES.find((t) => t === sent) ?? 'marriage';
        const job: Job = { id: randomUUID(), type, outcome: { error: jobError('BUSY') }, polls: 0, finishedAt: at, lastSeen: at };
        jobs.set(job.id, job);
        return reply.code(202).type(JSON_TYPE).send({ jobId: job.id });
      }
      const jobId = (req.params as { jobId?: string } | undefined)?.jobId ?? '';
      const answer: McaJob = { jobId, status: 'failed', error: jobError('BUSY') };
      return reply.code(200).type(JSON_TYPE).send(answer);
    },
    rateLimit: (reply) => refuse(reply, 429, 'RATE_LIMITED'),
    malformed: (reply, req) => reply.code(successStatus(req)).type(JSON_TYPE).send(req.method === 'POST'
      ? '{"jobId":"5b0c6f3e-8d1a-4c'
      : '{"jobId":"5b0c6f3e-8d1a-4c2e-9f4b-2a7d1e0c9b13","status":"done","result":{"records":[{"registeredOn":"2015-'),
    oversized: (req) => ({
      status: successStatus(req),
      contentType: JSON_TYPE,
      head: '{"jobId":"5b0c6f3e-8d1a-4c2e-9f4b-2a7d1e0c9b13","status":"done","result":{"records":[',
      item: '{"status":"married","registeredOn":"2015-05-20","authority":"青岛市市南区民政局婚姻登记处"},',
      tail: '{}]}}',
    }),
    // `corrupt`: every date of the answer written the way a careless export writes it (2021年05月12日).
    corrupt: (payload) => (typeof payload === 'string' ? payload.replace(/"(\d{4})-(\d{2})-(\d{2})"/g, '"$1年$2月$3日"') : payload),
  };
  const server = createMockServer(options, { interfaces: MCA_JOB_TYPES, interfaceOf, faultStyle });
  const { app } = server;

  app.post(MCA_JOBS_PATH, async (req, reply) => {
    stats.submissions++;
    if (!tokenMatches(token, req.headers[MCA_TOKEN_HEADER])) return refuse(reply, 401, 'UNAUTHORIZED');
    const at = now();
    const second = Math.floor(at / 1000);
    if (window.second !== second) window = { second, count: 0 };
    if (++window.count > quota) return refuse(reply.header('retry-after', '1'), 429, 'RATE_LIMITED');
    if (!validSubmit(req.body)) return refuse(reply, 400, 'BAD_REQUEST');
    sweep(at);
    const { type, idNumber } = req.body;
    const job: Job = { id: randomUUID(), type, outcome: run(type, idNumber), polls: 0, finishedAt: undefined, lastSeen: at };
    jobs.set(job.id, job);
    return reply.code(202).type(JSON_TYPE).send({ jobId: job.id });
  });

  app.get<{ Params: { jobId: string } }>(`${MCA_JOBS_PATH}/:jobId`, async (req, reply) => {
    stats.polls++;
    tuning.onPoll?.(stats.polls);
    if (!tokenMatches(token, req.headers[MCA_TOKEN_HEADER])) return refuse(reply, 401, 'UNAUTHORIZED');
    const job = jobs.get(req.params.jobId);
    if (!job) return refuse(reply, 404, 'JOB_NOT_FOUND');
    const at = now();
    job.polls++;
    job.lastSeen = at;
    if (job.finishedAt === undefined && job.polls >= finishOnPoll) job.finishedAt = at;
    if (gone(job, at)) {
      jobs.delete(job.id);
      return refuse(reply, 404, 'JOB_NOT_FOUND');
    }
    const answer: McaJob = job.finishedAt === undefined
      ? { jobId: job.id, status: job.polls === 1 ? 'pending' : 'running' }
      : 'error' in job.outcome
        ? { jobId: job.id, status: 'failed', error: job.outcome.error }
        : { jobId: job.id, status: 'done', result: job.outcome.result };
    return reply.code(200).type(JSON_TYPE).send(answer);
  });

  app.setNotFoundHandler((_req, reply) => reply.code(404).type(JSON_TYPE).send({ code: 'NOT_FOUND', message: '接口不存在' }));
  // Unreadable bodies (not JSON, wrong media type, too large) are the caller's: 400; anything else 500.
  app.setErrorHandler(async (err: { statusCode?: number }, _req, reply) => {
    const clientError = err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500;
    return clientError ? refuse(reply, 400, 'BAD_REQUEST') : refuse(reply, 500, 'INTERNAL_ERROR');
  });
  return server;
}

/** Starts the mock on a free port (or the options' port); `stats` counts what it received. */
export async function startMcaMock(options: MockStartOptions<McaConfig>, tuning: McaMockTuning = {}): Promise<McaRunningMock> {
  const stats: McaMockStats = { submissions: 0, polls: 0 };
  const running = await listenMock('mca', buildMcaMock(options, tuning, stats), options);
  return { ...running, stats };
}
