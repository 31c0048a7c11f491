/**
 * A bounded result cache in front of one connector: lru-cache for memory, plus
 *  - coalescing: identical concurrent loads share one upstream request;
 *  - per-result TTL (found answers live longer than not_found ones);
 *  - stale-if-error: when a load fails, an entry that expired less than `staleIfErrorMs`
 *    ago is served and marked `stale`.
 * Failures are never cached. Keys are HMACs (see subject-key.ts), never raw identifiers.
 * A fresh entry is found synchronously (`fresh`): a hit costs a lookup, not a promise.
 * Every connector's cache draws on one CacheBudget: memory for the gateway as a whole, the
 * least recently used answer going first whichever connector it came from.
 */
import { LRUCache } from 'lru-cache';
import { isoTime } from './iso-time.js';

export type CacheStatus = 'miss' | 'hit' | 'stale' | 'coalesced';

export interface CacheOptions {
  /** Entries kept at most (0 disables caching, coalescing stays). */
  max: number;
  /**
   * The memory this cache shares with the others (default: a budget of its own, no bound
   * beyond `max`).
   */
  budget?: CacheBudget;
  /** How long past its TTL an entry may still be served when the source fails. */
  staleIfErrorMs: number;
  now?: () => number;
}

export interface Entry<V> {
  value: V;
  fetchedAt: number;
  /** `fetchedAt` as ISO 8601, formatted once when the answer arrived. */
  fetchedAtIso: string;
  expiresAt: number;
  /** Estimated bytes (0 when the budget has no bound: nothing is weighed). */
  size: number;
  /** When it was last served or stored: the budget evicts the oldest of all caches first. */
  usedAt: number;
}

/**
 * The estimated memory (approximateBytes) all connectors' caches may take together. Answers
 * differ a hundredfold in size (an identity check, years of insurance months), so counts
 * alone do not bound memory, and a bound per connector either starves the connectors with
 * large answers or, summed over twenty, is no bound. When a new answer takes the total over
 * `maxBytes`, the least recently used answer of any cache goes, until it fits.
 */
export class CacheBudget {
  /** Estimated bytes held by every cache of this budget. */
  bytes = 0;
  private readonly caches: Array<ResultCache<{}>> = [];

  /** `maxBytes` 0: no bound (entries are not weighed). */
  constructor(readonly maxBytes: number) {}

  /** @internal */
  join(cache: ResultCache<{}>): void {
    this.caches.push(cache);
  }

  /**
   * @internal A cache stored an entry. Over the bound, the oldest answers of all caches go
   * until a 32nd of the budget is free: the caches' tails are read once for a batch of
   * evictions, not for every answer stored.
   */
  settle(): void {
    if (this.maxBytes <= 0 || this.bytes <= this.maxBytes) return;
    const goal = this.maxBytes - Math.floor(this.maxBytes / 32);
    const tails = this.caches.map((cache) => cache.leastRecentUse());
    while (this.bytes > goal) {
      let oldest = -1;
      let oldestAt = Infinity;
      for (let i = 0; i < tails.length; i++) {
        const at = tails[i];
        if (at !== undefined && at < oldestAt) {
          oldest = i;
          oldestAt = at;
        }
      }
      if (oldest < 0) return;
      const cache = this.caches[oldest]!;
      cache.evictLeastRecent();
      tails[oldest] = cache.leastRecentUse();
    }
  }
}

export interface Cached<V> {
  value: V;
  cache: CacheStatus;
  fetchedAt: number;
  fetchedAtIso: string;
  /** For a hit: when the entry stops being fresh. */
  expiresAt?: number;
}

export class ResultCache<V extends {}> {
  private readonly lru: LRUCache<string, Entry<V>> | undefined;
  private readonly inflight = new Map<string, Promise<Entry<V>>>();
  private readonly now: () => number;
  private readonly budget: CacheBudget;
  /** Estimated bytes this cache holds. */
  private held = 0;

  constructor(private readonly options: CacheOptions) {
    this.now = options.now ?? Date.now;
    this.budget = options.budget ?? new CacheBudget(0);
    // Whatever takes an entry out (evicted for the count, replaced, deleted, cleared) gives its bytes back.
    const dispose = (entry: Entry<V>) => {
      this.held -= entry.size;
      this.budget.bytes -= entry.size;
    };
    this.lru = options.max > 0 ? new LRUCache<string, Entry<V>>({ max: options.max, dispose }) : undefined;
    if (this.lru) this.budget.join(this as unknown as ResultCache<{}>);
  }

  /** The entry for `key` if it is fresh, else undefined. */
  fresh(key: string): Entry<V> | undefined {
    const entry = this.lru?.get(key);
    if (entry === undefined) return undefined;
    const now = this.now();
    if (now >= entry.expiresAt) return undefined;
    entry.usedAt = now;
    return entry;
  }

  /** The entry for `key` while it may still be served as stale; an older one is dropped. */
  private servable(key: string): Entry<V> | undefined {
    const entry = this.lru?.get(key);
    if (entry !== undefined && this.now() >= entry.expiresAt + this.options.staleIfErrorMs) {
      this.lru!.delete(key);
      return undefined;
    }
    return entry;
  }

  /**
   * The cached value for `key`, or `load()`'s. `ttlOf` says how long a loaded value is
   * fresh (0: not cached at all).
   */
  async get(key: string, load: () => Promise<V>, ttlOf: (value: V) => number): Promise<Cached<V>> {
    const entry = this.servable(key);
    const now = this.now();
    if (entry && now < entry.expiresAt) {
      entry.usedAt = now;
      return { value: entry.value, cache: 'hit', fetchedAt: entry.fetchedAt, fetchedAtIso: entry.fetchedAtIso, expiresAt: entry.expiresAt };
    }

    const pending = this.inflight.get(key);
    const coalesced = pending !== undefined;
    const promise = pending ?? this.load(key, load, ttlOf);
    try {
      const got = await promise;
      return { value: got.value, cache: coalesced ? 'coalesced' : 'miss', fetchedAt: got.fetchedAt, fetchedAtIso: got.fetchedAtIso };
    } catch (err) {
      if (entry && this.now() < entry.expiresAt + this.options.staleIfErrorMs) {
        return { value: entry.value, cache: 'stale', fetchedAt: entry.fetchedAt, fetchedAtIso: entry.fetchedAtIso };
      }
      throw err;
    }
  }

  /**
   * Keeps `value` under `key` until `expiresAt`, weighed at `size` estimated bytes against
   * the budget: for values made here rather than loaded (a whole answer, whose freshness is
   * that of its sources). One larger than the whole budget is not kept.
   */
  put(key: string, value: V, expiresAt: number, size: number): void {
    const now = this.now();
    if (expiresAt <= now) return;
    this.keep(key, { value, fetchedAt: now, fetchedAtIso: '', expiresAt, size: this.weigh(key, size), usedAt: now });
  }

  get size(): number {
    return this.lru?.size ?? 0;
  }

  /** Estimated bytes the entries take (0 when the budget has no bound). */
  get bytes(): number {
    return this.held;
  }

  clear(): void {
    this.lru?.clear();
  }

  /** @internal When the least recently used entry was last used (undefined: empty). */
  leastRecentUse(): number | undefined {
    if (this.lru === undefined) return undefined;
    for (const entry of this.lru.rvalues()) return entry?.usedAt;
    return undefined;
  }

  /** @internal */
  evictLeastRecent(): void {
    this.lru?.pop();
  }

  private load(key: string, load: () => Promise<V>, ttlOf: (value: V) => number): Promise<Entry<V>> {
    const promise = (async () => {
      const value = await load();
      const fetchedAt = this.now();
      const ttl = ttlOf(value);
      const size = this.budget.maxBytes > 0 ? this.weigh(key, approximateBytes(value)) : 0;
      const entry: Entry<V> = { value, fetchedAt, fetchedAtIso: isoTime(fetchedAt), expiresAt: fetchedAt + ttl, size, usedAt: fetchedAt };
      // Kept past its TTL for stale-if-error (dropped when found older than that, or
      // evicted by newer entries). No lru-cache TTL: its per-entry clock made every get dearer.
      if (ttl > 0) this.keep(key, entry);
      return entry;
    })();
    this.inflight.set(key, promise);
    const forget = () => this.inflight.delete(key);
    promise.then(forget, forget);
    return promise;
  }

  /** What an entry of `valueBytes` weighs against the budget, its key and bookkeeping included (0 when the budget has no bound). */
  private weigh(key: string, valueBytes: number): number {
    return this.budget.maxBytes > 0 ? valueBytes + 2 * key.length + ENTRY_OVERHEAD : 0;
  }

  /** Keeps `entry`, its size counted against the budget; one larger than the whole budget is served, not kept. */
  private keep(key: string, entry: Entry<V>): void {
    if (this.lru === undefined || (this.budget.maxBytes > 0 && entry.size > this.budget.maxBytes)) return;
    this.lru.set(key, entry);
    this.held += entry.size;
    this.budget.bytes += entry.size;
    this.budget.settle();
  }
}

/** The entry object, its timestamps and the LRU's bookkeeping for one key. */
const ENTRY_OVERHEAD = 160;

/**
 * What a JSON-shaped value takes on V8's heap, roughly: strings at two bytes a character
 * (the registries' answers are mostly Chinese, so two-byte strings), 16 bytes a header,
 * 8 a slot. An estimate for a bound, cheaper than serializing; never below 1.
 */
export function approximateBytes(value: unknown): number {
  switch (typeof value) {
    case 'string':
      return 16 + 2 * value.length;
    case 'object': {
      if (value === null) return 8;
      let n = 16;
      if (Array.isArray(value)) {
        for (const v of value) n += 8 + approximateBytes(v);
        return n;
      }
      for (const k in value) n += 8 + approximateBytes((value as Record<string, unknown>)[k]);
      return n;
    }
    default:
      return 8;
  }
}
