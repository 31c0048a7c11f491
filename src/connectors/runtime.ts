/**
 * Wraps one connector declaration in what every connector gets alike, as layers:
 * cache (coalescing, stale-if-error) → retries (retryable failures only, jittered backoff,
 * Retry-After, inside the request's deadline, within the agency's retry budget) → the
 * agency's guard (concurrency cap and rate quota: agency-guard.ts) → opossum breaker (only
 * the agency's failures count) → per-attempt timeout (the smaller of the connector's
 * timeout and what is left of the deadline; the request is really aborted) → the agency
 * client → pure mapper → schema validation. Failures and not-founds are never cached as
 * answers (a not-found is, with its shorter TTL).
 * The result of a call is a Resolution for the fact, and a SourceRecord for the response;
 * every call is also one `call` event, and every breaker transition a `breaker` event, on
 * the hub's emitter (log today; metrics, health and audit later).
 */
import { EventEmitter } from 'node:events';
import CircuitBreaker from 'opossum';
import type { ValidateFunction } from 'ajv';
import type { Logger } from 'pino';
import { ResultCache, type CacheBudget, type CacheStatus } from '../cache.js';
import { AgencyGuard, LocalRateLimit } from './agency-guard.js';
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
  /** Requests made to the agency for this call (absent for a cache hit). */
  attempts?: number;
  /** Why it failed; never personal data. */
  message?: string;
}

/** One connector call, as an event (`call` on the hub's emitter). Never personal data. */
export interface CallEvent {
  connector: string;
  agency: string;
  status: SourceStatus;
  /** Why it failed (the source's message); absent when it did not. */
  reason?: string;
  cache: SourceRecord['cache'];
  latencyMs: number;
  attempts: number;
  breaker: BreakerState;
}

/** A breaker changing state (`breaker` on the hub's emitter). */
export interface BreakerEvent {
  connector: string;
  agency: string;
  from: BreakerState;
  to: BreakerState;
}

export type BreakerState = 'closed' | 'open' | 'half_open';

/** Retries, from the config's `connectors` block. */
export interface RetryOptions {
  retries: number;
  retryBaseMs: number;
  retryMaxMs: number;
}

/** The part of a pino logger a call uses (a request's logger or the connector's own). */
export interface CallLogger {
  level: string;
  debug(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

const NOT_FOUND = Object.freeze({ status: 'not_found' as const });

/** pino's numeric level (debug is 20): cheaper than its `level` getter, which looks the name up. */
function debugOn(log: CallLogger): boolean {
  const value = (log as { levelVal?: number }).levelVal;
  return value === undefined ? log.level === 'debug' || log.level === 'trace' : value <= 20;
}

/** A call's cancellation: aborted by its timer (the kit's `send` takes an EventEmitter with `aborted` as its signal). */
class TimeoutSignal extends EventEmitter {
  aborted = false;
}

function abortOnTimeout(signal: TimeoutSignal): void {
  signal.aborted = true;
  signal.emit('abort');
}

/** Freezes a mapped answer (JSON-shaped: arrays and plain objects) all the way down. */
function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  // Indexes and own keys walked directly: Object.values made an array per object, a tenth
  // of the runtime's own cost of a call.
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) deepFreeze(value[i]);
    return;
  }
  for (const k in value) if (Object.hasOwn(value, k)) deepFreeze((value as Record<string, unknown>)[k]);
}

export interface CallRecord<V> {
  resolution: Resolution<V>;
  source: SourceRecord;
  /** For a cache hit: when the cached answer stops being fresh (a whole answer built on it too). */
  freshUntil: number | undefined;
}

/** A found or not-found answer: what the cache keeps. */
type Settled<V> = { found: true; value: V } | { found: false };

export interface RuntimeOptions {
  keyer: SubjectKeyer;
  cacheMax: number;
  /** The memory all connectors' caches share (default: unbounded beyond cacheMax). */
  cacheBudget?: CacheBudget;
  staleIfErrorMs: number;
  defaults: Required<BreakerOptions>;
  log: Logger;
  /** Clock for cache freshness (tests move it). */
  now?: () => number;
  /** The agency's guard, shared by its connectors (default: one of its own, no cap, no quota). */
  guard?: AgencyGuard;
  /** Default: no retries. */
  retry?: RetryOptions;
  /** Where call and breaker events go (default: nowhere). */
  events?: EventEmitter;
}

const NO_RETRY: RetryOptions = { retries: 0, retryBaseMs: 1, retryMaxMs: 1 };

/** An error that says which attempt it ended on. */
interface Attempted { attempts?: number }

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class ConnectorRuntime<V = unknown> {
  readonly id: string;
  readonly agency: string;
  readonly breaker: CircuitBreaker<[ConnectorInput, number, boolean], Settled<V>>;
  readonly cache: ResultCache<Settled<V>>;
  readonly guard: AgencyGuard;
  private readonly retry: RetryOptions;
  private readonly events: EventEmitter | undefined;
  private breakerState: BreakerState = 'closed';
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
    this.cache = new ResultCache<Settled<V>>({ max: options.cacheMax, ...(options.cacheBudget ? { budget: options.cacheBudget } : {}), staleIfErrorMs: options.staleIfErrorMs, ...(options.now ? { now: options.now } : {}) });
    this.guard = options.guard ?? new AgencyGuard(definition.agency, { maxConcurrent: 0, ratePerSecond: 0, queueMs: 0, retryBudgetRatio: 0, retryBudgetMinPerSecond: 0 });
    this.retry = options.retry ?? NO_RETRY;
    this.events = options.events;
    this.breaker = new CircuitBreaker((input: ConnectorInput, timeoutMs: number, byDeadline: boolean) => this.fetchOnce(input, timeoutMs, byDeadline), {
      name: definition.id,
      // The timeout is ours (an AbortSignal per call, so the request is really cancelled).
      timeout: false,
      errorThresholdPercentage: b.errorThresholdPercentage,
      resetTimeout: b.resetTimeoutMs,
      volumeThreshold: b.volumeThreshold,
      // Latency is measured by the runtime (the call event). opossum's rolling percentiles
      // kept every latency of the window and sorted them each time its stats were read: on
      // every failure and every second, per connector.
      rollingPercentilesEnabled: false,
      // Only the agency's failures count. A request it refused as malformed is our defect
      // or the client's (the registry answered), and a timeout cut short by the request's
      // deadline says nothing about the registry: neither opens the breaker.
      // A half-open trial the deadline cut short proved nothing: opossum would take a
      // filtered error for a success and close the breaker on a registry that never
      // answered, so then it counts as a failure (the breaker opens again). A refused
      // request is an answer: the registry is up.
      errorFilter: (err: unknown) => (err instanceof DeadlineReached && !this.breaker.halfOpen) || (err instanceof UpstreamError && err.status === 'invalid_request'),
    });
    this.breaker.on('open', () => this.transition('open'));
    this.breaker.on('halfOpen', () => this.transition('half_open'));
    this.breaker.on('close', () => this.transition('closed'));
  }

  private transition(to: BreakerState): void {
    const from = this.breakerState;
    this.breakerState = to;
    const line = { connector: this.id, breaker: to, from };
    if (to === 'open') this.log.warn(line, 'circuit opened');
    else this.log.info(line, to === 'half_open' ? 'circuit half-open' : 'circuit closed');
    this.events?.emit('breaker', { connector: this.id, agency: this.agency, from, to } satisfies BreakerEvent);
  }

  /**
   * One call for a fact: never throws; failures become `unavailable` with a source status.
   * `log` is the request's logger, so the call's line carries the request id. `key` is the
   * cache key (the HMAC of the canonical input) when the caller has it already: a request
   * computes it once per distinct input, for all the connectors that take that input.
   * A fresh cached answer is returned without a promise.
   */
  call(input: ConnectorInput, log: CallLogger = this.log, key?: string, deadlineAt = Infinity): CallRecord<V> | Promise<CallRecord<V>> {
    const started = performance.now();
    const cacheKey = key ?? this.options.keyer(canonicalInput(input));
    const hit = this.cache.fresh(cacheKey);
    if (hit !== undefined) return this.settled(hit.value, 'hit', hit.fetchedAtIso, started, log, 0, hit.expiresAt);
    return this.callThrough(input, cacheKey, started, log, deadlineAt);
  }

  private async callThrough(input: ConnectorInput, key: string, started: number, log: CallLogger, deadlineAt: number): Promise<CallRecord<V>> {
    const made = { attempts: 0 };
    let got;
    try {
      got = await this.cache.get(key, () => this.attempts(input, deadlineAt, made), this.ttlOf);
    } catch (err) {
      const { status, message } = classify(err);
      const source = this.source(status, 'none', null, started);
      source.message = message;
      source.attempts = (err as Attempted).attempts ?? made.attempts;
      log.warn(this.logFields(source), 'connector call failed');
      this.emitCall(source);
      return { resolution: { status: 'unavailable' }, source, freshUntil: undefined };
    }
    return this.settled(got.value, got.cache, got.fetchedAtIso, started, log, made.attempts, got.expiresAt);
  }

  /** `freshUntil`: the entry's expiry, which the cache gives for a hit only. */
  private settled(value: Settled<V>, cache: CacheStatus, fetchedAt: string, started: number, log: CallLogger, attempts: number, freshUntil: number | undefined): CallRecord<V> {
    const source = this.source(value.found ? 'ok' : 'not_found', cache, fetchedAt, started);
    if (attempts > 0) source.attempts = attempts;
    if (cache === 'stale') source.message = 'source failed; served a cached answer';
    if (debugOn(log)) log.debug(this.logFields(source), 'connector call');
    this.emitCall(source);
    const resolution = value.found ? { status: 'found' as const, value: value.value } : NOT_FOUND;
    return { resolution, source, freshUntil };
  }

  private emitCall(source: SourceRecord): void {
    if (this.events === undefined || this.events.listenerCount('call') === 0) return;
    const event: CallEvent = {
      connector: this.id,
      agency: this.agency,
      status: source.status,
      ...(source.message !== undefined ? { reason: source.message } : {}),
      cache: source.cache,
      latencyMs: source.latencyMs,
      attempts: source.attempts ?? 0,
      breaker: this.state,
    };
    this.events.emit('call', event);
  }

  /**
   * The attempts of one call: the first, then retries of retryable failures while the
   * deadline leaves room for the backoff and another attempt and the agency's retry budget
   * allows. `made.attempts` counts the requests made (for the source and the call event).
   */
  private async attempts(input: ConnectorInput, deadlineAt: number, made: { attempts: number }): Promise<Settled<V>> {
    this.guard.noteCall();
    for (;;) {
      try {
        made.attempts++;
        return await this.attempt(input, deadlineAt);
      } catch (err) {
        (err as Attempted).attempts = made.attempts;
        if (made.attempts > this.retry.retries || !retryable(err)) throw err;
        const backoff = Math.random() * Math.min(this.retry.retryMaxMs, this.retry.retryBaseMs * 2 ** (made.attempts - 1));
        const retryAfter = err instanceof UpstreamError ? err.retryAfterMs : undefined;
        // A Retry-After longer than we would ever wait, or past the deadline: give up now.
        if (retryAfter !== undefined && retryAfter > this.retry.retryMaxMs) throw err;
        const wait = Math.max(backoff, retryAfter ?? 0);
        // Another attempt needs time to be worth making: at least a tenth of the connector's timeout.
        if (performance.now() + wait + Math.min(this.timeoutMs / 10, 100) >= deadlineAt) throw err;
        if (!this.guard.allowRetry()) throw err;
        await sleep(wait);
      }
    }
  }

  /** One request: a slot from the agency's guard, then through the breaker with what is left of the deadline. */
  private async attempt(input: ConnectorInput, deadlineAt: number): Promise<Settled<V>> {
    const left = deadlineAt - performance.now();
    if (left <= 0) throw deadlineReached();
    const slot = this.guard.acquire(deadlineAt);
    const release = typeof slot === 'function' ? slot : await slot;
    try {
      const remaining = deadlineAt - performance.now();
      if (remaining <= 0) throw deadlineReached();
      const byDeadline = remaining < this.timeoutMs;
      return await this.breaker.fire(input, byDeadline ? Math.max(1, Math.floor(remaining)) : this.timeoutMs, byDeadline);
    } finally {
      release();
    }
  }

  /** Breaker state for health views. */
  get state(): BreakerState {
    return this.breaker.opened ? 'open' : this.breaker.halfOpen ? 'half_open' : 'closed';
  }

  shutdown(): void {
    this.breaker.shutdown();
  }

  private async fetchOnce(input: ConnectorInput, timeoutMs: number, byDeadline: boolean): Promise<Settled<V>> {
    // What the agency would refuse is not sent (the API's bounds should make this unreachable).
    if (!this.validInput(input)) {
      throw new UpstreamError('fatal', 'invalid_request', `input the agency does not accept: ${describeErrors(this.validInput.errors).slice(0, 3).join('; ')}`);
    }
    // Our own signal and a timer cleared when the call ends. Not AbortSignal.timeout(): it
    // keeps the signal, and what listens to it, alive until it fires (every request held 5 s
    // for the garbage collector: it doubled the CPU of a call under load). Not an
    // AbortController either: a listener on an EventTarget cost ~10 µs a call (undici's, measured).
    const signal = new TimeoutSignal();
    const timer = setTimeout(abortOnTimeout, timeoutMs, signal);
    let answer;
    try {
      answer = await this.definition.fetch(this.client, input, signal);
    } catch (err) {
      // However the client reported it, an aborted call is our timeout.
      if (signal.aborted) {
        if (byDeadline) throw deadlineReached(err);
        throw new UpstreamError('retryable', 'timeout', `no answer within ${timeoutMs} ms`, { cause: err });
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
    // Shared by every request the cache serves: what was validated is what is served, and a
    // fact that hands it on unchanged needs no second validation (verification/run.ts).
    deepFreeze(value);
    return { found: true, value: value as V };
  }

  /** What a log line says about a call: never the input, which is personal data. */
  private logFields(source: SourceRecord) {
    return { connector: this.id, status: source.status, cache: source.cache, latencyMs: source.latencyMs, ...(source.attempts !== undefined ? { attempts: source.attempts } : {}), breaker: this.state, ...(source.message ? { reason: source.message } : {}) };
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

/** The request's deadline ended the call: a timeout, but not the agency's fault (no breaker count, no retry). */
class DeadlineReached extends UpstreamError {}

function deadlineReached(cause?: unknown): DeadlineReached {
  return new DeadlineReached('fatal', 'timeout', 'the verification deadline was reached', cause === undefined ? {} : { cause });
}

/** Worth another attempt: the agency failed transiently (not our quota, not an open breaker, not the deadline). */
function retryable(err: unknown): boolean {
  return err instanceof UpstreamError && err.outcome === 'retryable' && !(err instanceof LocalRateLimit);
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
