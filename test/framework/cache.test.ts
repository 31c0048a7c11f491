import t from 'tap';
import { ResultCache } from '../../src/cache.js';

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
