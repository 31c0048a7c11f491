/**
 * The core of the generator's workbench: the population's seed and date, the random stream
 * every draw comes from, unique numbers, and date draws. The domains (places, people, civil
 * records, property, work) draw through it and never hold an Rng of their own.
 *
 * Streams. The builder starts on the main stream (`new Rng(seed)`: companies, fillers).
 * `withRng(rng, fn)` runs `fn` with every draw of every primitive taken from `rng` instead,
 * and with pools of its own; `fork(label)` makes the stream for a label
 * (`streamSeed(seed, label)`). A scenario family is built inside
 * `withRng(fork(`scenario:${name}`), …)`, so what it draws depends on no one built before it
 * and moves no other stream on. What still ties streams together is uniqueness: a number
 * handed out once is never handed out again (whoever draws it later draws again).
 */
import { addDays, addYears, minDate, schoolYearStart } from '../dates.js';
import { Rng, streamSeed } from '../random.js';

interface Stream {
  rng: Rng;
  /** What the stream's builders share between the families they build (see `pool`). */
  pools: Map<string, unknown> | undefined;
}

export class Core {
  private stream: Stream;
  private readonly used = new Set<string>();

  constructor(readonly seed: number, readonly asOf: string) {
    this.stream = { rng: new Rng(seed), pools: undefined };
  }

  // ----- streams ----------------------------------------------------------------------

  /** The stream in use: the main one, or the one `withRng` runs with. */
  get rng(): Rng {
    return this.stream.rng;
  }

  /** A stream of its own for `label`, forked from the seed. */
  fork(label: string): Rng {
    return new Rng(streamSeed(this.seed, label));
  }

  /** Runs `fn` drawing from `rng` (and with fresh pools); the previous stream resumes after. */
  withRng<T>(rng: Rng, fn: () => T): T {
    const outer = this.stream;
    this.stream = { rng, pools: undefined };
    try {
      return fn();
    } finally {
      this.stream = outer;
    }
  }

  /**
   * Something the current stream's builders share from one family to the next (a landlord
   * pool, collective households): one per stream, so that a family never takes from what
   * another stream built.
   */
  pool<T>(name: string, make: () => T): T {
    const pools = (this.stream.pools ??= new Map());
    if (!pools.has(name)) pools.set(name, make());
    return pools.get(name) as T;
  }

  // ----- uniqueness -------------------------------------------------------------------

  /** Draws values until one is new in its namespace, and reserves it. */
  unique(namespace: string, make: () => string): string {
    for (let i = 0; i < 10_000; i++) {
      const value = make();
      const key = `${namespace}\u0000${value}`;
      if (!this.used.has(key)) {
        this.used.add(key);
        return value;
      }
    }
    throw new Error(`population generator: ran out of unique values for ${namespace}`);
  }

  // ----- dates ------------------------------------------------------------------------

  /** A birth date for someone aged minAge..maxAge (whole years) on asOf. */
  birthAged(minAge: number, maxAge: number): string {
    return this.rng.dateBetween(addDays(addYears(this.asOf, -(maxAge + 1)), 1), addYears(this.asOf, -minAge));
  }

  /**
   * A child about to enter primary school: aged 5 or 6 on asOf and younger than 6 at the
   * start of the current school year (so not a pupil yet).
   */
  applicantBirth(): string {
    return this.rng.dateBetween(addDays(addYears(schoolYearStart(this.asOf), -6), 1), addYears(this.asOf, -5));
  }

  /** A date `minYears..maxYears` before `date` (e.g. a parent's birth before a child's). */
  yearsBefore(date: string, minYears: number, maxYears: number): string {
    return this.rng.dateBetween(addYears(date, -maxYears), addYears(date, -minYears));
  }

  /** A date in [from, to], never after asOf. */
  between(from: string, to: string): string {
    return minDate(this.rng.dateBetween(from, minDate(to, this.asOf)), this.asOf);
  }
}
