import t from 'tap';
import { CacheBudget, ResultCache, approximateBytes } from '../../src/cache.js';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => { now += ms; } };
}

/** An answer of `n` insurance months, some 60 estimated bytes a month. */
const big = (n: number) => async () => ({ months: Array.from({ length: n }, (_, i) => `2026${String(i % 12 + 1).padStart(2, '0')}青岛市`) });

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

t.test('a byte budget: large answers push out the least recently used, whatever their count', async (t) => {
  const cache = new ResultCache<{ months: string[] }>({ max: 1000, budget: new CacheBudget(20_000), staleIfErrorMs: 0 });
  for (let i = 0; i < 30; i++) await cache.get(`k${i}`, big(60), () => 60_000);
  t.ok(cache.bytes <= 20_000, `estimated ${cache.bytes} bytes held, within the budget`);
  t.ok(cache.size < 30 && cache.size > 1, `${cache.size} of 30 answers kept`);
  t.equal((await cache.get('k29', big(60), () => 60_000)).cache, 'hit', 'the most recent is kept');
  t.equal((await cache.get('k0', big(60), () => 60_000)).cache, 'miss', 'the oldest went first');
  const unbounded = new ResultCache<{ months: string[] }>({ max: 1000, staleIfErrorMs: 0 });
  for (let i = 0; i < 30; i++) await unbounded.get(`k${i}`, big(60), () => 60_000);
  t.equal(unbounded.size, 30, 'without a byte budget only the count bounds it');
  t.equal(unbounded.bytes, 0, 'and nothing is weighed');
});

t.test('one budget for every cache: the least recently used answer of any of them goes first', async (t) => {
  const c = clock();
  const budget = new CacheBudget(12_000);
  const small = new ResultCache<{ months: string[] }>({ max: 1000, budget, staleIfErrorMs: 0, now: c.now });
  const large = new ResultCache<{ months: string[] }>({ max: 1000, budget, staleIfErrorMs: 0, now: c.now });
  for (let i = 0; i < 5; i++) {
    await small.get(`s${i}`, big(5), () => 60_000);
    c.advance(1);
  }
  const smallBytes = small.bytes;
  t.equal(small.size, 5);
  for (let i = 0; i < 10; i++) {
    // The first small answer is asked for all along: it stays more recent than the others.
    t.ok(small.fresh('s0'), `s0 still held before large answer ${i}`);
    c.advance(1);
    await large.get(`l${i}`, big(60), () => 60_000);
    c.advance(1);
    t.ok(budget.bytes <= 12_000, `after answer ${i}: ${budget.bytes} estimated bytes held, within the budget`);
    t.equal(budget.bytes, small.bytes + large.bytes, 'the budget counts what both hold');
  }
  t.equal(small.size, 1, 'the large answers pushed out the small ones of the other cache');
  t.ok(small.fresh('s0'), 'but not the one in use');
  t.notOk(large.fresh('l0'), 'the oldest large answer went before it');
  t.ok(large.size < 10 && large.size > 1, `${large.size} of 10 large answers kept`);
  t.ok(smallBytes > 0);
  small.clear();
  t.equal(small.bytes, 0, 'clearing a cache gives its bytes back');
  t.equal(budget.bytes, large.bytes);
});

t.test('the count bound and replaced entries give their bytes back too', async (t) => {
  const c = clock();
  const budget = new CacheBudget(1_000_000);
  const cache = new ResultCache<{ months: string[] }>({ max: 3, budget, staleIfErrorMs: 0, now: c.now });
  for (let i = 0; i < 6; i++) await cache.get(`k${i}`, big(10), () => 1000);
  t.equal(cache.size, 3);
  const three = budget.bytes;
  c.advance(2000); // expired: the next get loads again and replaces the entry
  await cache.get('k5', big(10), () => 1000);
  t.equal(cache.size, 3);
  t.equal(budget.bytes, three, 'a replaced entry is not counted twice');
  t.equal(budget.bytes, cache.bytes);
});

t.test('an answer larger than the whole budget is served, not kept', async (t) => {
  const cache = new ResultCache<{ months: string[] }>({ max: 10, budget: new CacheBudget(500), staleIfErrorMs: 0 });
  const got = await cache.get('k', big(60), () => 60_000);
  t.equal(got.value.months.length, 60);
  t.equal(cache.size, 0);
  t.equal(cache.bytes, 0);
});

t.test('approximateBytes counts two bytes a character and a slot per field', async (t) => {
  t.equal(approximateBytes('青岛市'), 16 + 6);
  t.equal(approximateBytes({ a: 1, b: null }), 16 + 8 + 8 + 8 + 8);
  t.equal(approximateBytes([true, 'ab']), 16 + 8 + 8 + 8 + 20);
  t.ok(approximateBytes({ months: Array.from({ length: 120 }, () => ({ month: '202601', baseFen: 500000 })) }) > 120 * 40, 'ten years of months weigh what they hold');
});
