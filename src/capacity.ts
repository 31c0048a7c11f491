/**
 * Capacity: how many verifications run at once, and what the others do meanwhile (not to
 * be confused with admission profiles, which are about schools).
 *
 * Past what the gateway and the registries can do together, every verification let in
 * slows all the others, and the verification deadline (which starts when a verification
 * starts) then cuts their registry calls short: measured at 300 connections of cold
 * verifications on two cores, 1 346 of 1 362 answers came back partial. Held back instead, the
 * verifications that run finish complete and the rest wait their turn, in order of
 * arrival; one that waits longer than `queueTimeoutMs`, or finds `maxQueued` already
 * waiting, is refused with 503 and Retry-After, never left to hang.
 *
 * How many may run adapts, every `intervalMs`, to two signs that more at once would only
 * make every answer later: the event loop saturated (its utilization, ELU), or the
 * verifications that ended in the interval taking longer on average than `targetMs` (a
 * share of the deadline: the registries, not the gateway, may be what is saturated) and
 * more than twice as long as the best interval of the last 30 s (a registry that is
 * simply slow is as slow with few verifications as with many: holding them back would only
 * throttle everyone). While
 * either holds and the limit binds (verifications wait), the limit shrinks toward
 * `minConcurrent`; while it binds, the loop has time to spare and verifications end well
 * within the target, it grows toward `maxConcurrent`. It starts at twice the minimum. A
 * registry that answers slowly holds the limit down only until its breaker opens; one that
 * hangs with nothing ending lets it grow (the loop is idle), so the verifications that do
 * not need that registry still find a turn.
 */
import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import { GatewayError } from './errors.js';

export interface CapacityOptions {
  /** Verifications running at once while the event loop has time to spare. */
  maxConcurrent: number;
  /** The fewest let run at once while the loop is saturated. */
  minConcurrent: number;
  /** Verifications that may wait for a turn; one more is refused at once. */
  maxQueued: number;
  /** The longest a verification waits for a turn before it is refused. */
  queueTimeoutMs: number;
  /** Verifications that end later than this on average (ms) are a sign of saturation. */
  targetMs: number;
  /** How often the limit is adjusted. Default 200 ms. */
  intervalMs?: number;
  /** Clock for how long verifications take (tests move it). Default performance.now. */
  now?: () => number;
}

/** Utilization at or above which the loop counts as saturated, and below which it has time to spare. */
export const SATURATED = 0.9;
export const SPARE = 0.7;
/** Intervals (with verifications ending) the recent best mean is taken over: 30 s at 200 ms. */
const BASELINE_INTERVALS = 150;

/**
 * The next limit, from the current one, what runs and waits, the loop's utilization and
 * the mean time of the verifications that ended over the last interval (undefined: none
 * ended), and the best such mean of the recent past. Shrinks by a quarter while the limit
 * binds (verifications wait, or as many run as may) and the loop is saturated or
 * verifications take longer than the target and twice the recent best; grows by
 * a quarter while it binds, the loop has time to spare and they end within half the
 * target; otherwise stays. A limit that does not bind does not grow: a burst after a quiet
 * hour meets the limit that last served, not the maximum.
 */
export function nextLimit(
  limit: number,
  state: { active: number; queued: number; utilization: number; meanMs: number | undefined; baselineMs?: number | undefined },
  options: Pick<CapacityOptions, 'minConcurrent' | 'maxConcurrent' | 'targetMs'>,
): number {
  const min = Math.min(options.minConcurrent, options.maxConcurrent);
  const binds = state.queued > 0 || state.active >= limit;
  // Slower than the target, and than the same verifications were with fewer at once.
  const slow = state.meanMs !== undefined && state.meanMs > options.targetMs && (state.baselineMs === undefined || state.meanMs > 2 * state.baselineMs);
  if (binds && (state.utilization >= SATURATED || slow)) return Math.max(min, Math.floor(limit * 0.75));
  if (binds && state.utilization < SPARE && (state.meanMs === undefined || state.meanMs < options.targetMs / 2)) {
    return Math.min(options.maxConcurrent, limit + Math.max(1, Math.ceil(limit / 4)));
  }
  return limit;
}

interface Waiter {
  admit(release: () => void): void;
  refuse(err: GatewayError): void;
  timer: NodeJS.Timeout;
  settled: boolean;
}

export interface Admitted {
  /** Ends the verification's turn (once; later calls do nothing). */
  release(): void;
  /** How long it waited for its turn, in ms (0 when it ran at once). */
  waitedMs: number;
}

export class Capacity {
  private limitNow: number;
  private active = 0;
  private waiting = 0;
  private readonly queue: Waiter[] = [];
  private head = 0;
  private timer: NodeJS.Timeout | undefined;
  private elu: EventLoopUtilization | undefined;
  /** Verifications that ended since the last adjustment, and their total time. */
  private ended = 0;
  private endedMs = 0;
  /** The mean of each recent interval in which verifications ended (a ring, BASELINE_INTERVALS long). */
  private readonly means: number[] = [];
  private meansAt = 0;

  private readonly now: () => number;

  constructor(private readonly options: CapacityOptions) {
    this.now = options.now ?? (() => performance.now());
    // Twice the minimum to begin with; it grows as far as the load needs and the machine allows.
    this.limitNow = Math.min(options.maxConcurrent, 2 * options.minConcurrent);
  }

  /** Starts adjusting the limit to the event loop (tests of the queue itself leave it fixed). */
  start(): void {
    if (this.timer) return;
    this.elu = performance.eventLoopUtilization();
    this.timer = setInterval(() => {
      const now = performance.eventLoopUtilization();
      const { utilization } = performance.eventLoopUtilization(now, this.elu);
      this.elu = now;
      this.adjust(utilization);
    }, this.options.intervalMs ?? 200);
    this.timer.unref();
  }

  /** Stops adjusting; verifications still waiting are refused (the gateway is closing). */
  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    while (this.waiting > 0) {
      const w = this.next()!;
      w.refuse(overloaded('The gateway is shutting down; retry on another instance.'));
    }
  }

  /** Applies one utilization sample and what ended since the last (what the interval does; exposed for tests). */
  adjust(utilization: number): void {
    const meanMs = this.ended > 0 ? this.endedMs / this.ended : undefined;
    this.ended = 0;
    this.endedMs = 0;
    let baselineMs: number | undefined;
    if (meanMs !== undefined) {
      if (this.means.length < BASELINE_INTERVALS) this.means.push(meanMs);
      else this.means[this.meansAt] = meanMs;
      this.meansAt = (this.meansAt + 1) % BASELINE_INTERVALS;
      baselineMs = Math.min(...this.means);
    }
    this.limitNow = nextLimit(this.limitNow, { active: this.active, queued: this.waiting, utilization, meanMs, baselineMs }, this.options);
    this.drain();
  }

  get limit(): number { return this.limitNow; }
  get running(): number { return this.active; }
  get queued(): number { return this.waiting; }

  /**
   * A turn for one verification: at once when the limit allows and nobody waits (no
   * promise then), else after those who came first. Throws or rejects with
   * TONGBAN_ERR_OVERLOADED when the queue is full or the wait too long.
   */
  enter(): Admitted | Promise<Admitted> {
    if (this.waiting === 0 && this.active < this.limitNow) {
      this.active++;
      return { release: this.releaser(), waitedMs: 0 };
    }
    if (this.waiting >= this.options.maxQueued) throw overloaded(`The gateway is at capacity and ${this.options.maxQueued} verifications are already waiting; retry shortly.`);
    return new Promise<Admitted>((resolve, reject) => {
      const since = this.now();
      const w: Waiter = {
        settled: false,
        admit: (release) => resolve({ release, waitedMs: this.now() - since }),
        refuse: reject,
        timer: setTimeout(() => {
          w.settled = true;
          this.waiting--;
          this.forgetSettled();
          reject(overloaded(`The gateway is at capacity: no turn within ${this.options.queueTimeoutMs} ms; retry shortly.`));
        }, this.options.queueTimeoutMs),
      };
      this.queue.push(w);
      this.waiting++;
    });
  }

  private releaser(): () => void {
    let released = false;
    const since = this.now();
    return () => {
      if (released) return;
      released = true;
      this.active--;
      this.ended++;
      this.endedMs += this.now() - since;
      this.drain();
    };
  }

  /** Lets waiting verifications in, first come first, while the limit allows. */
  private drain(): void {
    while (this.waiting > 0 && this.active < this.limitNow) {
      const w = this.next()!;
      this.active++;
      w.admit(this.releaser());
    }
  }

  /** The first waiter still waiting, taken off the queue (its timer cleared). */
  private next(): Waiter | undefined {
    while (this.head < this.queue.length) {
      const w = this.queue[this.head++]!;
      if (w.settled) continue;
      w.settled = true;
      clearTimeout(w.timer);
      this.waiting--;
      this.forgetSettled();
      return w;
    }
    return undefined;
  }

  /** Drops the entries of waiters already admitted or refused: all of them once nobody waits. */
  private forgetSettled(): void {
    if (this.waiting === 0) {
      this.queue.length = 0;
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
  }
}

function overloaded(message: string): GatewayError {
  return new GatewayError('TONGBAN_ERR_OVERLOADED', [], message);
}
