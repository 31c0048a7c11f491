/**
 * Wraps one connector declaration in what every connector gets alike:
 * cache (coalescing, stale-if-error) → opossum breaker → per-call timeout (the request is
 * really aborted) → the agency client → pure mapper → schema validation.
 * The result of a call is a Resolution for the fact, and a SourceRecord for the response.
 */
import { EventEmitter } from 'node:events';
import CircuitBreaker from 'opossum';
import type { TSchema } from '@sinclair/typebox';
import type { ValidateFunction } from 'ajv';
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
  level: string;
  debug(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

const NOT_FOUND = Object.freeze({ status: 'not_found' as const });

/**
 * Mapped answers that passed their schema, with the schema: a fact that hands one on
 * unchanged needs no second validation. Such values are frozen (they are shared by every
 * request the cache serves), so what was validated is what is served.
 */
const validated = new WeakMap<object, TSchema>();

/** True when `value` is a mapped answer already validated against exactly `schema`. */
export function validatedAgainst(value: unknown, schema: TSchema): boolean {
  return typeof value === 'object' && value !== null && validated.get(value) === schema;
}

/** pino's numeric level (debug is 20): cheaper than its `level` getter, which looks the name up. */
function debugOn(log: CallLogger): boolean {
  const value = (log as { levelVal?: number }).levelVal;
  return value === undefined ? log.level === 'debug' || log.level === 'trace' : value <= 20;
}

/** A call's cancellation: aborted by its timer (undici accepts an EventEmitter with `aborted` as its signal). */
class TimeoutSignal extends EventEmitter {
  aborted = false;
}

function abortOnTimeout(signal: TimeoutSignal): void {
  signal.aborted = true;
  signal.emit('abort');
}

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
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
  private readonly validInput: ValidateFunction;
  private readonly validOutput: ValidateFunction;
  private readonly ttlOf: (s: Settled<V>) => number;

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
    this.validInput = validatorFor(definition.input);
    this.validOutput = validatorFor(definition.schema);
    const { foundMs, notFoundMs } = definition.ttl;
    this.ttlOf = (s) => (s.found ? foundMs : notFoundMs);
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
   * `log` is the request's logger, so the call's line carries the request id. `key` is the
   * cache key (the HMAC of the canonical input) when the caller has it already: a request
   * computes it once per distinct input, for all the connectors that take that input.
   * A fresh cached answer is returned without a promise.
   */
  call(input: ConnectorInput, log: CallLogger = this.log, key?: string): CallRecord<V> | Promise<CallRecord<V>> {
    const started = performance.now();
    const cacheKey = key ?? this.options.keyer(canonicalInput(input));
    const hit = this.cache.fresh(cacheKey);
    if (hit !== undefined) return this.settled(hit.value, 'hit', hit.fetchedAtIso, started, log);
    return this.callThrough(input, cacheKey, started, log);
  }

  private async callThrough(input: ConnectorInput, key: string, started: number, log: CallLogger): Promise<CallRecord<V>> {
    let got;
    try {
      got = await this.cache.get(key, () => this.breaker.fire(input), this.ttlOf);
    } catch (err) {
      const { status, message } = classify(err);
      const source = this.source(status, 'none', null, started);
      source.message = message;
      log.warn(this.logFields(source), 'connector call failed');
      return { resolution: { status: 'unavailable' }, source };
    }
    return this.settled(got.value, got.cache, got.fetchedAtIso, started, log);
  }

  private settled(value: Settled<V>, cache: CacheStatus, fetchedAt: string, started: number, log: CallLogger): CallRecord<V> {
    const source = this.source(value.found ? 'ok' : 'not_found', cache, fetchedAt, started);
    if (cache === 'stale') source.message = 'source failed; served a cached answer';
    if (debugOn(log)) log.debug(this.logFields(source), 'connector call');
    return { resolution: value.found ? { status: 'found', value: value.value } : NOT_FOUND, source };
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
    if (!this.validInput(input)) {
      throw new UpstreamError('fatal', 'invalid_request', `input the agency does not accept: ${describeErrors(this.validInput.errors).slice(0, 3).join('; ')}`);
    }
    // Our own signal and a timer cleared when the call ends. Not AbortSignal.timeout(): it
    // keeps the signal, and what listens to it, alive until it fires (every request held 5 s
    // for the garbage collector: it doubled the CPU of a call under load). Not an
    // AbortController either: undici's listener on an EventTarget costs ~10 µs a call.
    const signal = new TimeoutSignal();
    const timer = setTimeout(abortOnTimeout, this.timeoutMs, signal);
    let answer;
    try {
      answer = await this.definition.fetch(this.client, input, signal);
    } catch (err) {
      // However the client reported it, an aborted call is our timeout.
      if (signal.aborted) {
        throw new UpstreamError('retryable', 'timeout', `no answer within ${this.timeoutMs} ms`, { cause: err });
      }
      throw err;
    } finally {
      clearTimeout(timer);
    }
    if (answer.outcome === 'not_found') return { found: false };
    let value: unknown;
    try {
      value = this.definition.map(answer.data, input);
    } catch (err) {
      // A mapper's own message may quote the value it choked on: only its class goes out.
      throw new UpstreamError('fatal', 'invalid_response', `answer could not be mapped (${(err as Error).name})`, { cause: err });
    }
    if (!this.validOutput(value)) {
      throw new UpstreamError('fatal', 'invalid_response', `mapped answer breaks its schema: ${describeErrors(this.validOutput.errors).slice(0, 3).join('; ')}`);
    }
    deepFreeze(value);
    if (typeof value === 'object' && value !== null) validated.set(value, this.definition.schema);
    return { found: true, value: value as V };
  }

  /** What a log line says about a call: never the input, which is personal data. */
  private logFields(source: SourceRecord) {
    return { connector: this.id, status: source.status, cache: source.cache, latencyMs: source.latencyMs, breaker: this.state, ...(source.message ? { reason: source.message } : {}) };
  }

  private source(status: SourceStatus, cache: SourceRecord['cache'], fetchedAt: string | null, started: number): SourceRecord {
    return {
      connector: this.id,
      agency: this.agency,
      status,
      cache,
      fetchedAt,
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
