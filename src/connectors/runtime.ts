/**
 * Wraps one connector declaration in what every connector gets alike:
 * cache (coalescing, stale-if-error) → opossum breaker → per-call timeout (the request is
 * really aborted) → the agency client → pure mapper → schema validation.
 * The result of a call is a Resolution for the fact, and a SourceRecord for the response.
 */
import CircuitBreaker from 'opossum';
import type { Logger } from 'pino';
import { ResultCache, type CacheStatus } from '../cache.js';
import { canonicalInput, type SubjectKeyer } from '../subject-key.js';
import { describeErrors, validatorFor } from '../validation.js';
import {
  UpstreamError,
  type BreakerOptions,
  type ConnectorDefinition,
  type ConnectorInput,
  type Resolution,
  type SourceStatus,
} from './types.js';

/** What the response says about one upstream call. */
export interface SourceRecord {
  connector: string;
  agency: string;
  status: SourceStatus;
  cache: CacheStatus | 'none';
  /** When the data was fetched from the agency (for a cache hit: originally). */
  fetchedAt: string | null;
  latencyMs: number;
  /** Why it failed; never personal data. */
  message?: string;
}

/** The part of a pino logger a call uses (a request's logger or the connector's own). */
export interface CallLogger {
  debug(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface CallRecord<V> { resolution: Resolution<V>; source: SourceRecord }

/** A found or not-found answer: what the cache keeps. */
type Settled<V> = { found: true; value: V } | { found: false };

export interface RuntimeOptions {
  keyer: SubjectKeyer;
  cacheMax: number;
  staleIfErrorMs: number;
  defaults: Required<BreakerOptions>;
  log: Logger;
  /** Clock for cache freshness (tests move it). */
  now?: () => number;
}

export class ConnectorRuntime<V = unknown> {
  readonly id: string;
  readonly agency: string;
  readonly breaker: CircuitBreaker<[ConnectorInput], Settled<V>>;
  readonly cache: ResultCache<Settled<V>>;
  private readonly timeoutMs: number;
  private readonly log: Logger;

  constructor(
    readonly definition: ConnectorDefinition<any, any, any, any>,
    private readonly client: unknown,
    private readonly options: RuntimeOptions,
  ) {
    this.id = definition.id;
    this.agency = definition.agency;
    // The agency's logger: every line names the connector itself, exactly once.
    this.log = options.log;
    const b = { ...options.defaults, ...definition.breaker };
    this.timeoutMs = b.timeoutMs;
    this.cache = new ResultCache<Settled<V>>({ max: options.cacheMax, staleIfErrorMs: options.staleIfErrorMs, ...(options.now ? { now: options.now } : {}) });
    this.breaker = new CircuitBreaker((input: ConnectorInput) => this.fetchOnce(input), {
      name: definition.id,
      // The timeout is ours (an AbortSignal per call, so the request is really cancelled).
      timeout: false,
      errorThresholdPercentage: b.errorThresholdPercentage,
      resetTimeout: b.resetTimeoutMs,
      volumeThreshold: b.volumeThreshold,
      // A request the agency refused as malformed is our defect or the client's: the
      // registry answered, so it never counts towards opening the breaker.
      errorFilter: (err: unknown) => err instanceof UpstreamError && err.status === 'invalid_request',
    });
    this.breaker.on('open', () => this.log.warn({ connector: this.id, breaker: 'open' }, 'circuit opened'));
    this.breaker.on('halfOpen', () => this.log.info({ connector: this.id, breaker: 'half_open' }, 'circuit half-open'));
    this.breaker.on('close', () => this.log.info({ connector: this.id, breaker: 'closed' }, 'circuit closed'));
  }

  /**
   * One call for a fact: never throws; failures become `unavailable` with a source status.
   * `log` is the request's logger, so the call's line carries the request id.
   */
  async call(input: ConnectorInput, log: CallLogger = this.log): Promise<CallRecord<V>> {
    const started = performance.now();
    const key = this.options.keyer(this.id, canonicalInput(input));
    const ttl = this.definition.ttl;
    try {
      const got = await this.cache.get(key, () => this.breaker.fire(input), (s) => (s.found ? ttl.foundMs : ttl.notFoundMs));
      const source = this.source(got.value.found ? 'ok' : 'not_found', got.cache, got.fetchedAt, started);
      if (got.cache === 'stale') source.message = 'source failed; served a cached answer';
      log.debug(this.logFields(source), 'connector call');
      const resolution: Resolution<V> = got.value.found ? { status: 'found', value: got.value.value } : { status: 'not_found' };
      return { resolution, source };
    } catch (err) {
      const { status, message } = classify(err);
      const source = this.source(status, 'none', null, started);
      source.message = message;
      log.warn(this.logFields(source), 'connector call failed');
      return { resolution: { status: 'unavailable' }, source };
    }
  }

  /** Breaker state for health views. */
  get state(): 'closed' | 'open' | 'half_open' {
    return this.breaker.opened ? 'open' : this.breaker.halfOpen ? 'half_open' : 'closed';
  }

  shutdown(): void {
    this.breaker.shutdown();
  }

  private async fetchOnce(input: ConnectorInput): Promise<Settled<V>> {
    // What the agency would refuse is not sent (the API's bounds should make this unreachable).
    const validInput = validatorFor(this.definition.input);
    if (!validInput(input)) {
      throw new UpstreamError('fatal', 'invalid_request', `input the agency does not accept: ${describeErrors(validInput.errors).slice(0, 3).join('; ')}`);
    }
    const signal = AbortSignal.timeout(this.timeoutMs);
    let answer;
    try {
      answer = await this.definition.fetch(this.client, input, signal);
    } catch (err) {
      // However the client reported it, an aborted call is our timeout.
      if (signal.aborted) {
        throw new UpstreamError('retryable', 'timeout', `no answer within ${this.timeoutMs} ms`, { cause: err });
      }
      throw err;
    }
    if (answer.outcome === 'not_found') return { found: false };
    let value: unknown;
    try {
      value = this.definition.map(answer.data, input);
    } catch (err) {
      // A mapper's own message may quote the value it choked on: only its class goes out.
      throw new UpstreamError('fatal', 'invalid_response', `answer could not be mapped (${(err as Error).name})`, { cause: err });
    }
    const validate = validatorFor(this.definition.schema);
    if (!validate(value)) {
      throw new UpstreamError('fatal', 'invalid_response', `mapped answer breaks its schema: ${describeErrors(validate.errors).slice(0, 3).join('; ')}`);
    }
    return { found: true, value: value as V };
  }

  /** What a log line says about a call: never the input, which is personal data. */
  private logFields(source: SourceRecord) {
    return { connector: this.id, status: source.status, cache: source.cache, latencyMs: source.latencyMs, breaker: this.state, ...(source.message ? { reason: source.message } : {}) };
  }

  private source(status: SourceStatus, cache: SourceRecord['cache'], fetchedAt: number | null, started: number): SourceRecord {
    return {
      connector: this.id,
      agency: this.agency,
      status,
      cache,
      fetchedAt: fetchedAt === null ? null : new Date(fetchedAt).toISOString(),
      latencyMs: Math.round((performance.now() - started) * 10) / 10,
    };
  }
}

function classify(err: unknown): { status: SourceStatus; message: string } {
  if (err instanceof UpstreamError) return { status: err.status, message: err.message };
  const code = (err as { code?: string } | null)?.code;
  if (code === 'EOPENBREAKER') return { status: 'circuit_open', message: 'circuit breaker is open after repeated failures' };
  if (code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'UND_ERR_CONNECT_TIMEOUT') {
    return { status: 'upstream_error', message: `connection failed (${code})` };
  }
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') return { status: 'timeout', message: `no answer in time (${code})` };
  // Anything else is a defect or an unforeseen transport error; its message may not be
  // safe to return, so only its code is.
  return { status: 'upstream_error', message: `request failed${code ? ` (${code})` : ''}` };
}
