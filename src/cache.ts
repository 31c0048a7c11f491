/**
 * A bounded result cache in front of one connector: lru-cache for memory, plus
 *  - coalescing: identical concurrent loads share one upstream request;
 *  - per-result TTL (found answers live longer than not_found ones);
 *  - stale-if-error: when a load fails, an entry that expired less than `staleIfErrorMs`
 *    ago is served and marked `stale`.
 * Failures are never cached. Keys are HMACs (see subject-key.ts), never raw identifiers.
 */
import { LRUCache } from 'lru-cache';

export type CacheStatus = 'miss' | 'hit' | 'stale' | 'coalesced';

export interface CacheOptions {
  /** Entries kept at most (0 disables caching, coalescing stays). */
  max: number;
  /** How long past its TTL an entry may still be served when the source fails. */
  staleIfErrorMs: number;
  now?: () => number;
}

interface Entry<V> { value: V; fetchedAt: number; expiresAt: number }

export interface Cached<V> { value: V; cache: CacheStatus; fetchedAt: number }

export class ResultCache<V extends {}> {
  private readonly lru: LRUCache<string, Entry<V>> | undefined;
  private readonly inflight = new Map<string, Promise<Entry<V>>>();
  private readonly now: () => number;

  constructor(private readonly options: CacheOptions) {
    this.now = options.now ?? Date.now;
    this.lru = options.max > 0 ? new LRUCache<string, Entry<V>>({ max: options.max }) : undefined;
  }

  /**
   * The cached value for `key`, or `load()`'s. `ttlOf` says how long a loaded value is
   * fresh (0: not cached at all).
   */
  async get(key: string, load: () => Promise<V>, ttlOf: (value: V) => number): Promise<Cached<V>> {
    const entry = this.lru?.get(key);
    if (entry && this.now() < entry.expiresAt) return { value: entry.value, cache: 'hit', fetchedAt: entry.fetchedAt };

    const pending = this.inflight.get(key);
    const coalesced = pending !== undefined;
    const promise = pending ?? this.load(key, load, ttlOf);
    try {
      const fresh = await promise;
      return { value: fresh.value, cache: coalesced ? 'coalesced' : 'miss', fetchedAt: fresh.fetchedAt };
    } catch (err) {
      if (entry && this.now() < entry.expiresAt + this.options.staleIfErrorMs) {
        return { value: entry.value, cache: 'stale', fetchedAt: entry.fetchedAt };
      }
      throw err;
    }
  }

  get size(): number {
    return this.lru?.size ?? 0;
  }

  clear(): void {
    this.lru?.clear();
  }

  private load(key: string, load: () => Promise<V>, ttlOf: (value: V) => number): Promise<Entry<V>> {
    const promise = (async () => {
      const value = await load();
      const fetchedAt = this.now();
      const ttl = ttlOf(value);
      const entry = { value, fetchedAt, expiresAt: fetchedAt + ttl };
      // Kept past its TTL for stale-if-error; lru-cache drops it after that.
      if (this.lru && ttl > 0) this.lru.set(key, entry, { ttl: ttl + this.options.staleIfErrorMs });
      return entry;
    })();
    this.inflight.set(key, promise);
    const forget = () => this.inflight.delete(key);
    promise.then(forget, forget);
    return promise;
  }
}
