import t from 'tap';
import { ResultCache, approximateBytes } from '../../src/cache.js';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => { now += ms; } };
}

t.test('a fresh entry is a hit, a new key a miss', async (t) => {
  const c = clock();
  const cache = new ResultCache<{ v: number }>({ max: 10, staleIfErrorMs: 1000, now: c.now });
  let loads = 0;
  const load = async () => ({ v: ++loads });
  t.equal((await cache.get('a', load, () => 100)).cache, 'miss');
  const hit = await cache.get('a', load, () => 100);
  t.equal(hit.cache, 'hit');
  t.equal(hit.value.v, 1);
  t.equal(loads, 1);
});

t.test('identical concurrent loads share one upstream request', async (t) => {
  const cache = new ResultCache<{ v: number }>({ max: 10, staleIfErrorMs: 0 });
  let loads = 0;
  let release!: () => void;
  const gate = new Promise<void>((r) => { release = r; });
  const load = async () => { loads++; await gate; return { v: 1 }; };
  const first = cache.get('k', load, () => 100);
  const second = cache.get('k', load, () => 100);
  release();
  const [a, b] = await Promise.all([first, second]);
  t.equal(loads, 1);
  t.equal(a.cache, 'miss');
  t.equal(b.cache, 'coalesced');
});

t.test('each value has its own TTL; expired entries are loaded again', async (t) => {
  const c = clock();
  const cache = new ResultCache<{ found: boolean }>({ max: 10, staleIfErrorMs: 0, now: c.now });
  await cache.get('nf', async () => ({ found: false }), (v) => (v.found ? 1000 : 10));
  c.advance(11);
  t.equal((await cache.get('nf', async () => ({ found: false }), () => 10)).cache, 'miss', 'not_found TTL is short');
});

t.test('when the source fails, a recently expired entry is served as stale', async (t) => {
  const c = clock();
  const cache = new ResultCache<{ v: number }>({ max: 10, staleIfErrorMs: 500, now: c.now });
  await cache.get('k', async () => ({ v: 7 }), () => 100);
  c.advance(200);
  const stale = await cache.get('k', async () => { throw new Error('down'); }, () => 100);
  t.equal(stale.cache, 'stale');
  t.equal(stale.value.v, 7);
  c.advance(500);
  await t.rejects(cache.get('k', async () => { throw new Error('down'); }, () => 100), /down/, 'too old to serve');
});

t.test('failures are not cached', async (t) => {
  const cache = new ResultCache<{ v: number }>({ max: 10, staleIfErrorMs: 0 });
  await t.rejects(cache.get('k', async () => { throw new Error('boom'); }, () => 100));
  t.equal((await cache.get('k', async () => ({ v: 1 }), () => 100)).cache, 'miss');
  t.equal(cache.size, 1);
});

t.test('max bounds the memory', async (t) => {
  const cache = new ResultCache<{ v: number }>({ max: 2, staleIfErrorMs: 0 });
  for (const k of ['a', 'b', 'c']) await cache.get(k, async () => ({ v: 1 }), () => 1000);
  t.equal(cache.size, 2);
});

t.test('a byte bound: large answers push out the least recently used, whatever their count', async (t) => {
  const cache = new ResultCache<{ months: string[] }>({ max: 1000, maxBytes: 20_000, staleIfErrorMs: 0 });
  const big = (n: number) => async () => ({ months: Array.from({ length: n }, (_, i) => `2026${String(i % 12 + 1).padStart(2, '0')}青岛市`) });
  for (let i = 0; i < 30; i++) await cache.get(`k${i}`, big(60), () => 60_000);
  t.ok(cache.bytes <= 20_000, `estimated ${cache.bytes} bytes held, within the bound`);
  t.ok(cache.size < 30 && cache.size > 1, `${cache.size} of 30 answers kept`);
  t.equal((await cache.get('k29', big(60), () => 60_000)).cache, 'hit', 'the most recent is kept');
  t.equal((await cache.get('k0', big(60), () => 60_000)).cache, 'miss', 'the oldest went first');
  const unbounded = new ResultCache<{ months: string[] }>({ max: 1000, staleIfErrorMs: 0 });
  for (let i = 0; i < 30; i++) await unbounded.get(`k${i}`, big(60), () => 60_000);
  t.equal(unbounded.size, 30, 'without a byte bound only the count bounds it');
});

t.test('approximateBytes counts two bytes a character and a slot per field', async (t) => {
  t.equal(approximateBytes('青岛市'), 16 + 6);
  t.equal(approximateBytes({ a: 1, b: null }), 16 + 8 + 8 + 8 + 8);
  t.equal(approximateBytes([true, 'ab']), 16 + 8 + 8 + 8 + 20);
  t.ok(approximateBytes({ months: Array.from({ length: 120 }, () => ({ month: '202601', baseFen: 500000 })) }) > 120 * 40, 'ten years of months weigh what they hold');
});
