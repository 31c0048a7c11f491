/**
 * The MCA protocol client (style F): an asynchronous exchange. It submits a job
 * (`POST /exchange/jobs` → `202 {jobId}`), then polls it (`GET /exchange/jobs/{jobId}`) with
 * a doubling wait (pollIntervalMs, twice that, … up to 200 ms) until it is `done` or `failed`,
 * all inside the one connector call. Every exchange goes through the kit's `send`; answers
 * are classified once (codes.ts). It returns ok / not_found as an UpstreamAnswer and throws
 * UpstreamError for everything else.
 *
 * The call's signal bounds the whole exchange: the runtime aborts it at the connector's
 * timeout, and then the wait between polls ends at once and the abort surfaces as an error
 * (the runtime reports `timeout`). A job still running at the deadline is a timeout, never a
 * hang; `maxPolls` is a second guard when no deadline comes. Messages name the job type, the
 * operation and a code, never the request or the exchange's `message` (either may carry an
 * ID number).
 */
import { readJson, send, throwForStatus, upstreamFailure } from '../../src/connectors/kit/http.js';
import type { AgencyContext, CallSignal, CommonAgencyConfig, UpstreamAnswer } from '../../src/connectors/types.js';
import { describeErrors, validatorFor } from '../../src/validation.js';
import { MCA_CODES } from './codes.js';
import { MCA_DEFAULT_MAX_POLLS, MCA_DEFAULT_POLL_INTERVAL_MS, type McaConfig } from './config.js';
import {
  MCA_JOBS_PATH,
  MCA_MAX_POLL_INTERVAL_MS,
  MCA_MAX_RESPONSE_BYTES,
  MCA_RESULTS,
  MCA_TOKEN_HEADER,
  McaErrorBody,
  McaJob,
  McaSubmitted,
  mcaJobPath,
  type McaJobType,
  type McaResult,
} from './types.js';

export interface McaClient {
  /**
   * Submits a job of `type` about `idNumber` and polls it to its end: ok with its result,
   * not_found for NO_RECORD (or a done job without records); throws UpstreamError otherwise,
   * and the abort's own error when `signal` aborts.
   */
  exchange<T extends McaJobType>(type: T, idNumber: string, signal: CallSignal): Promise<UpstreamAnswer<McaResult<T>>>;
}

export type McaClientContext = AgencyContext<McaConfig & CommonAgencyConfig>;

/** What a wait rejects with when the call is aborted: not an UpstreamError (the runtime makes it its `timeout`). */
export class McaCallAborted extends Error {
  override readonly name = 'AbortError';
  constructor() {
    super('MCA exchange: call aborted');
  }
}

/** The doubling waits before each poll: first, 2×first, 4×first … capped at MCA_MAX_POLL_INTERVAL_MS. */
export function pollDelays(firstMs: number, polls: number): number[] {
  const out: number[] = [];
  for (let wait = Math.min(firstMs, MCA_MAX_POLL_INTERVAL_MS); out.length < polls; wait = Math.min(wait * 2, MCA_MAX_POLL_INTERVAL_MS)) out.push(wait);
  return out;
}

function aborted(signal: CallSignal): unknown {
  return 'addEventListener' in signal && signal.reason !== undefined ? signal.reason : new McaCallAborted();
}

/**
 * Waits `ms`, or rejects the moment `signal` aborts. The signal is the runtime's
 * EventEmitter or a standard AbortSignal; the listener is removed either way, so fifty
 * polls leave none behind.
 */
export function pause(ms: number, signal: CallSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(aborted(signal));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(aborted(signal));
    };
    const timer = setTimeout(() => {
      if ('removeEventListener' in signal) signal.removeEventListener('abort', onAbort);
      else signal.removeListener('abort', onAbort);
      resolve();
    }, ms);
    if ('addEventListener' in signal) signal.addEventListener('abort', onAbort, { once: true });
    else signal.once('abort', onAbort);
  });
}

/** A code as it may be shown: the exchange's codes are upper-case words; anything else is not repeated. */
function shown(code: string): string {
  return /^[A-Z][A-Z0-9_]{0,39}$/.test(code) ? code : '(unrecognised code)';
}

export function createMcaClient(ctx: McaClientContext): McaClient {
  const { dispatcher, log } = ctx;
  const firstWait = ctx.config.pollIntervalMs ?? MCA_DEFAULT_POLL_INTERVAL_MS;
  const maxPolls = ctx.config.maxPolls ?? MCA_DEFAULT_MAX_POLLS;
  const delays = pollDelays(firstWait, maxPolls);
  const headers = { [MCA_TOKEN_HEADER]: ctx.config.token, accept: 'application/json' };
  const submitHeaders = { ...headers, 'content-type': 'application/json' };
  const validSubmitted = validatorFor(McaSubmitted);
  const validJob = validatorFor(McaJob);
  const validResult = { marriage: validatorFor(MCA_RESULTS.marriage), assistance: validatorFor(MCA_RESULTS.assistance) };

  const invalid = (label: string, what: string) => upstreamFailure(label, 'fatal', 'invalid_response', what);

  async function submit(type: McaJobType, idNumber: string, signal: CallSignal): Promise<string> {
    const label = `MCA ${type} submit`;
    const body = JSON.stringify({ type, idNumber });
    const res = await send({ label, dispatcher, path: ctx.basePath + MCA_JOBS_PATH, method: 'POST', headers: submitHeaders, body, signal, maxBytes: MCA_MAX_RESPONSE_BYTES });
    throwForStatus(label, res);
    return readJson(label, res.text, validSubmitted).jobId;
  }

  async function poll(type: McaJobType, jobId: string, signal: CallSignal): Promise<McaJob> {
    const label = `MCA ${type} poll`;
    const res = await send({ label, dispatcher, path: ctx.basePath + mcaJobPath(jobId), method: 'GET', headers, signal, maxBytes: MCA_MAX_RESPONSE_BYTES });
    // The one status this agency uses specially (codes.ts): our own job, gone before we read it.
    if (res.status === 404 && isJobNotFound(res.text)) {
      throw upstreamFailure(label, 'retryable', 'upstream_error', `code JOB_NOT_FOUND (${MCA_CODES.entries.JOB_NOT_FOUND.meaning})`);
    }
    throwForStatus(label, res);
    const answer = readJson(label, res.text, validJob);
    if (answer.jobId !== jobId) throw invalid(label, 'answer is about another job');
    return answer;
  }

  function finished<T extends McaJobType>(type: T, job: McaJob): UpstreamAnswer<McaResult<T>> {
    const label = `MCA ${type}`;
    if (job.status === 'failed') {
      if (job.error === undefined) throw invalid(label, 'failed job without an error');
      const entry = MCA_CODES.classify(job.error.code);
      if (entry.outcome === 'not_found') return { outcome: 'not_found' };
      // Success is a done job, never a code: a failed job stays a failure whatever its code's entry says.
      const outcome = entry.outcome === 'retryable' ? 'retryable' : 'fatal';
      throw upstreamFailure(label, outcome, entry.status ?? 'upstream_error', `job failed with code ${shown(job.error.code)} (${entry.meaning})`);
    }
    const validate = validResult[type];
    if (job.result === undefined) throw invalid(label, 'done job without a result');
    if (!validate(job.result)) throw invalid(label, `malformed result: ${describeErrors(validate.errors, '/result').join('; ')}`);
    const result = job.result as McaResult<T>;
    // The exchange answers NO_RECORD for a person without records; an empty list says the same.
    if (result.records.length === 0) return { outcome: 'not_found' };
    return { outcome: 'ok', data: result };
  }

  return {
    async exchange(type, idNumber, signal) {
      const jobId = await submit(type, idNumber, signal);
      for (let i = 0; i < delays.length; i++) {
        await pause(delays[i]!, signal);
        const job = await poll(type, jobId, signal);
        if (job.status === 'pending' || job.status === 'running') continue;
        if (log.isLevelEnabled('debug')) {
          log.debug({ mcaJobType: type, polls: i + 1, jobStatus: job.status, ...(job.error ? { code: shown(job.error.code) } : {}) }, 'mca job finished');
        }
        return finished(type, job);
      }
      throw upstreamFailure(`MCA ${type}`, 'retryable', 'timeout', `job not finished after ${delays.length} polls`);
    },
  };
}

/** A 404 that is the exchange's own "no such job" (a 404 from anything else stays the kit's). */
function isJobNotFound(text: string): boolean {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return false;
  }
  const valid = validatorFor(McaErrorBody);
  return valid(body) && body.code === 'JOB_NOT_FOUND';
}
