/**
 * A bounded result cache in front of one connector: lru-cache for memory, plus
 *  - coalescing: identical concurrent loads share one upstream request;
 *  - per-result TTL (found answers live longer than not_found ones);
 *  - stale-if-error: when a load fails, an entry that expired less than `staleIfErrorMs`
 *    ago is served and marked `stale`.
 * Failures are never cached. Keys are HMACs (see subject-key.ts), never raw identifiers.
 * A fresh entry is found synchronously (`fresh`): a hit costs a lookup, not a promise.
 */
import { LRUCache } from 'lru-cache';

export type CacheStatus = 'miss' | 'hit' | 'stale' | 'coalesced';

export interface CacheOptions {
  /** Entries kept at most (0 disables caching, coalescing stays). */
  max: number;
  /**
   * Memory the entries may take, estimated (approximateBytes); the least recently used go
   * first. Answers differ a hundredfold in size (an identity check, years of insurance
   * months), so a count alone does not bound memory. 0: no bound beyond `max`.
   */
  maxBytes?: number;
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
}

export interface Cached<V> { value: V; cache: CacheStatus; fetchedAt: number; fetchedAtIso: string }

export class ResultCache<V extends {}> {
  private readonly lru: LRUCache<string, Entry<V>> | undefined;
  private readonly inflight = new Map<string, Promise<Entry<V>>>();
  private readonly now: () => number;

  constructor(private readonly options: CacheOptions) {
    this.now = options.now ?? Date.now;
    const maxBytes = options.maxBytes ?? 0;
    this.lru = options.max > 0
      ? new LRUCache<string, Entry<V>>(maxBytes > 0
        ? { max: options.max, maxSize: maxBytes, sizeCalculation: (entry, key) => approximateBytes(entry.value) + 2 * key.length + ENTRY_OVERHEAD }
        : { max: options.max })
      : undefined;
  }

  /** The entry for `key` if it is fresh, else undefined. */
  fresh(key: string): Entry<V> | undefined {
    const entry = this.lru?.get(key);
    return entry !== undefined && this.now() < entry.expiresAt ? entry : undefined;
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
    if (entry && this.now() < entry.expiresAt) return { value: entry.value, cache: 'hit', fetchedAt: entry.fetchedAt, fetchedAtIso: entry.fetchedAtIso };

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

  get size(): number {
    return this.lru?.size ?? 0;
  }

  /** Estimated bytes the entries take (0 without a byte bound). */
  get bytes(): number {
    return this.lru?.calculatedSize ?? 0;
  }

  clear(): void {
    this.lru?.clear();
  }

  private load(key: string, load: () => Promise<V>, ttlOf: (value: V) => number): Promise<Entry<V>> {
    const promise = (async () => {
      const value = await load();
      const fetchedAt = this.now();
      const ttl = ttlOf(value);
      const entry = { value, fetchedAt, fetchedAtIso: new Date(fetchedAt).toISOString(), expiresAt: fetchedAt + ttl };
      // Kept past its TTL for stale-if-error (dropped when found older than that, or
      // evicted by newer entries). No lru-cache TTL: its per-entry clock made every get dearer.
      if (this.lru && ttl > 0) this.lru.set(key, entry);
      return entry;
    })();
    this.inflight.set(key, promise);
    const forget = () => this.inflight.delete(key);
    promise.then(forget, forget);
    return promise;
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
