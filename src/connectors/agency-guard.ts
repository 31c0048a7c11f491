/**
 * What protects one agency from the gateway, shared by all of that agency's connectors
 * (one guard per agency, made by the hub):
 *
 * - **a concurrency cap and an outbound rate quota** (`maxConcurrent`, `ratePerSecond`):
 *   a call beyond either waits in a short queue (`queueMs`, never past the request's
 *   deadline) and is then refused locally as `rate_limited`, without reaching the agency.
 *   The real registries grant a quota; exceeding it gets the gateway's key suspended.
 * - **a retry budget**: retries may be at most `ratio` of the calls of the last 10 s, plus
 *   `minPerSecond` a second (so a quiet gateway can still retry a blip). When a registry
 *   fails, the calls fail and retries stop: they never multiply the load on it.
 *
 * The fast path (a free slot and a token) takes no promise and no timer.
 */
import { UpstreamError } from './types.js';

export interface AgencyGuardOptions {
  /** Calls in flight at once to this agency; 0: no cap. */
  maxConcurrent: number;
  /** Calls started per second (token bucket, burst of one second); 0: no quota. */
  ratePerSecond: number;
  /** How long a call may wait for a slot or a token before it is refused. */
  queueMs: number;
  /** Retries allowed as a share of calls (10 s window). */
  retryBudgetRatio: number;
  /** Retries allowed per second regardless of traffic. */
  retryBudgetMinPerSecond: number;
  /** Clock in ms (tests move it). */
  now?: () => number;
}

/** A call refused by our own quota: the agency never saw it, so it never counts against its breaker. */
export class LocalRateLimit extends UpstreamError {
  readonly local = true;
}

interface Waiter {
  resolve: (release: () => void) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

const WINDOW_SECONDS = 10;

export class AgencyGuard {
  private active = 0;
  private tokens: number;
  private refilledAt: number;
  private readonly queue: Waiter[] = [];
  private refillTimer: NodeJS.Timeout | undefined;
  private readonly now: () => number;
  // Retry budget: per-second buckets of first calls and retries, over the last WINDOW_SECONDS.
  private readonly calls = new Array<number>(WINDOW_SECONDS).fill(0);
  private readonly retries = new Array<number>(WINDOW_SECONDS).fill(0);
  private bucketSecond = 0;
  /** Counters for health views and tests. */
  readonly counts = { calls: 0, retries: 0, retriesRefused: 0, refused: 0 };

  constructor(readonly agency: string, private readonly options: AgencyGuardOptions) {
    this.now = options.now ?? (() => performance.now());
    this.tokens = Math.max(1, options.ratePerSecond);
    this.refilledAt = this.now();
  }

  /**
   * A slot to make one request. Returns the release function at once when one is free,
   * else a promise of it; rejects with LocalRateLimit after `queueMs` or at `deadlineAt`.
   */
  acquire(deadlineAt: number): (() => void) | Promise<() => void> {
    if (this.queue.length === 0 && this.take()) return this.release;
    const waitMs = Math.min(this.options.queueMs, deadlineAt - this.now());
    if (waitMs <= 0) throw this.refusal();
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        timer: setTimeout(() => {
          const i = this.queue.indexOf(waiter);
          if (i >= 0) this.queue.splice(i, 1);
          reject(this.refusal());
        }, waitMs),
      };
      this.queue.push(waiter);
      this.schedule();
    });
  }

  /** Counts a first attempt towards the retry budget. */
  noteCall(): void {
    this.roll();
    this.calls[this.bucketSecond % WINDOW_SECONDS]!++;
    this.counts.calls++;
  }

  /** True (and counted) when the budget allows one more retry now. */
  allowRetry(): boolean {
    this.roll();
    const calls = this.calls.reduce((a, b) => a + b, 0);
    const retries = this.retries.reduce((a, b) => a + b, 0);
    if (retries >= this.options.retryBudgetRatio * calls + this.options.retryBudgetMinPerSecond * WINDOW_SECONDS) {
      this.counts.retriesRefused++;
      return false;
    }
    this.retries[this.bucketSecond % WINDOW_SECONDS]!++;
    this.counts.retries++;
    return true;
  }

  /** Rejects every waiting call (the gateway closing). */
  close(): void {
    clearTimeout(this.refillTimer);
    for (const w of this.queue.splice(0)) {
      clearTimeout(w.timer);
      w.reject(this.refusal());
    }
  }

  private readonly release = (): void => {
    this.active--;
    this.drain();
  };

  /** Takes a slot and a token when both are there. */
  private take(): boolean {
    const { maxConcurrent, ratePerSecond } = this.options;
    if (maxConcurrent > 0 && this.active >= maxConcurrent) return false;
    if (ratePerSecond > 0) {
      const now = this.now();
      this.tokens = Math.min(ratePerSecond, this.tokens + ((now - this.refilledAt) * ratePerSecond) / 1000);
      this.refilledAt = now;
      if (this.tokens < 1) return false;
      this.tokens -= 1;
    }
    this.active++;
    return true;
  }

  private drain(): void {
    while (this.queue.length > 0 && this.take()) {
      const w = this.queue.shift()!;
      clearTimeout(w.timer);
      w.resolve(this.release);
    }
    this.schedule();
  }

  /** Waiters held by the quota (not by the cap) are woken when the next token is due. */
  private schedule(): void {
    if (this.queue.length === 0 || this.refillTimer !== undefined || this.options.ratePerSecond <= 0) return;
    const { maxConcurrent } = this.options;
    if (maxConcurrent > 0 && this.active >= maxConcurrent) return; // a release will drain
    const dueMs = Math.max(1, Math.ceil(((1 - this.tokens) * 1000) / this.options.ratePerSecond));
    this.refillTimer = setTimeout(() => {
      this.refillTimer = undefined;
      this.drain();
    }, dueMs);
  }

  private refusal(): LocalRateLimit {
    this.counts.refused++;
    const { maxConcurrent, ratePerSecond, queueMs } = this.options;
    const limits = [maxConcurrent > 0 ? `${maxConcurrent} calls at once` : '', ratePerSecond > 0 ? `${ratePerSecond} calls a second` : ''].filter(Boolean).join(', ');
    return new LocalRateLimit('retryable', 'rate_limited', `the gateway's own limit for this agency (${limits}) held the call ${queueMs} ms or to the deadline; not sent`);
  }

  private roll(): void {
    const second = Math.floor(this.now() / 1000);
    if (second === this.bucketSecond) return;
    const steps = Math.min(WINDOW_SECONDS, second - this.bucketSecond);
    for (let i = 1; i <= steps; i++) {
      this.calls[(this.bucketSecond + i) % WINDOW_SECONDS] = 0;
      this.retries[(this.bucketSecond + i) % WINDOW_SECONDS] = 0;
    }
    this.bucketSecond = second;
  }
}
