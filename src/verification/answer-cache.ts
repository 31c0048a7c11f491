/**
 * Whole answers, for a request the gateway has answered before. An enrollment platform asks
 * about the same family again and again (a reviewer opens the file, the family checks its
 * status, a client retries): when the same request body comes again on the same day, and
 * the answer it was last given came wholly from fresh cache entries (every source a `hit`),
 * that answer is sent again without validating, normalizing, planning or fanning out:
 * it is what the fan-out would assemble from those same entries. Only the two fields that
 * belong to each request are new: `id` (the verification's, and its audit record's) and
 * `createdAt`.
 *
 * What keeps it true:
 *  - it lives no longer than the first of its sources' entries (a `not_found` a minute,
 *    restrictions on a property five, a hukou ten: each connector's TTL), and is kept only
 *    when none of its sources failed, was stale, missed or was shared with a concurrent call;
 *  - the key is an HMAC (the subject keyer's, over its own prefix): of the UTC day, which
 *    bounds what a birth date may be (src/domain/id-number.ts), of who asks (`scope`: the
 *    client, once clients are told apart), and of the body's exact bytes; another spelling
 *    of the same question is another key, answered by the fan-out and its caches;
 *  - an answer is kept only for a body asked before (`askedBefore`): most questions come
 *    once, and keeping their answers would cost each a copy and push out the others;
 *  - a replay is a verification of its own: its id is new (the audit record's, once the
 *    trail exists, which must record replays too: no connector call, and so no call event,
 *    happens for them; the request's log line says `replayed`);
 *  - it has a memory bound of its own (`cache.answersMaxMiB`, and `cache.maxAnswers` for
 *    the count), the least recently used answer going first: answers never push out the
 *    connectors' entries, which every request shares.
 */
import { randomBytes } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { CacheBudget, ResultCache } from '../cache.js';
import type { SubjectKeyer } from '../subject-key.js';

const DAY_MS = 86_400_000;

export interface StoredAnswer {
  /** The answer in UTF-8, with the marks still in it, in memory of its own (not a slice of node's shared pool). */
  bytes: Buffer;
  /** Where the id mark and the time mark begin. */
  idAt: number;
  timeAt: number;
  /** What the request's log line says about the answer (statuses and counts, never personal data). */
  logFields: Readonly<Record<string, unknown>>;
}

export interface AnswerCacheOptions {
  /** Answers kept at most (0: none). */
  max: number;
  /** Their memory, in bytes (0: only `max` bounds it). */
  maxBytes: number;
  keyer: SubjectKeyer;
  now?: () => number;
}

export class AnswerCache {
  /**
   * What the answer to be kept carries in place of its id and its `createdAt`: random for
   * each process, 32 letters and digits that no serializer escapes.
   */
  readonly idMark = `id${randomBytes(15).toString('hex')}`;
  readonly timeMark = `at${randomBytes(15).toString('hex')}`;
  /** Their own memory: answers never push the connectors' entries out, which every request shares. */
  readonly budget: CacheBudget;
  private readonly cache: ResultCache<StoredAnswer>;
  /** The keys of recent requests not answered from here: an answer is kept for a body asked before, not for every one. */
  private readonly asked: LRUCache<string, true> | undefined;
  private readonly keyer: SubjectKeyer;
  private readonly now: () => number;

  constructor(options: AnswerCacheOptions) {
    this.keyer = options.keyer;
    this.now = options.now ?? Date.now;
    this.budget = new CacheBudget(options.maxBytes);
    // No stale answers: a whole answer is only ever served fresh.
    this.cache = new ResultCache<StoredAnswer>({ max: options.max, budget: this.budget, staleIfErrorMs: 0, now: this.now });
    this.asked = options.max > 0 ? new LRUCache<string, true>({ max: 2 * options.max }) : undefined;
  }

  /**
   * Notes that `key` was asked and says whether it had been asked before (among the last
   * 2 × max keys noted): only then is its answer worth keeping. Most questions come once;
   * keeping each of their answers would cost every one of them a copy and push out the
   * answers that are asked again.
   */
  askedBefore(key: string): boolean {
    if (this.asked === undefined) return false;
    if (this.asked.get(key) !== undefined) return true;
    this.asked.set(key, true);
    return false;
  }

  /** The key of a request body asked by `scope` today. */
  key(body: string, scope = ''): string {
    return this.keyer('answer', String(Math.floor(this.now() / DAY_MS)), scope, body);
  }

  /** The answer kept for `key`, while every source it was built on is still fresh. */
  get(key: string): StoredAnswer | undefined {
    return this.cache.fresh(key)?.value;
  }

  /**
   * Keeps an answer until `freshUntil`, and returns it (undefined when it is not kept).
   * `marked` is the answer serialized with `idMark` and `timeMark` for its id and
   * `createdAt`; one where either does not appear exactly once, in that order, is not kept.
   */
  put(key: string, marked: string, logFields: Readonly<Record<string, unknown>>, freshUntil: number): StoredAnswer | undefined {
    // Unpooled: a slice of the shared pool would keep the pool's whole slab alive.
    const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(marked));
    bytes.write(marked);
    const idAt = bytes.indexOf(this.idMark);
    const timeAt = bytes.indexOf(this.timeMark);
    if (idAt < 0 || timeAt < idAt || bytes.lastIndexOf(this.idMark) !== idAt || bytes.lastIndexOf(this.timeMark) !== timeAt) return undefined;
    const stored: StoredAnswer = { bytes, idAt, timeAt, logFields };
    // The bytes, the log fields and the objects around them.
    this.cache.put(key, stored, freshUntil, bytes.length + 512);
    return this.cache.fresh(key)?.value === stored ? stored : undefined;
  }

  /** The kept answer with this request's id and time (both ASCII). */
  replay(stored: StoredAnswer, id: string, createdAt: string): Buffer {
    const { bytes, idAt, timeAt } = stored;
    const idEnd = idAt + this.idMark.length;
    const timeEnd = timeAt + this.timeMark.length;
    const out = Buffer.allocUnsafe(bytes.length - this.idMark.length - this.timeMark.length + id.length + createdAt.length);
    let at = bytes.copy(out, 0, 0, idAt);
    at += out.write(id, at, 'latin1');
    at += bytes.copy(out, at, idEnd, timeAt);
    at += out.write(createdAt, at, 'latin1');
    bytes.copy(out, at, timeEnd);
    return out;
  }

  get size(): number {
    return this.cache.size;
  }

  get bytes(): number {
    return this.cache.bytes;
  }
}
