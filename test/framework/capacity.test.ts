/**
 * Taking turns (src/capacity.ts): how many verifications run at once, the order the others
 * wait in, when they are refused, and how the limit follows the event loop.
 */
import t from 'tap';
import { Capacity, nextLimit, SATURATED, SPARE, type Admitted } from '../../src/capacity.js';
import { GatewayError } from '../../src/errors.js';

const OPTIONS = { minConcurrent: 16, maxConcurrent: 256, targetMs: 2000 };
const idle = { meanMs: undefined };

t.test('the limit shrinks while it binds and the loop is saturated', async (t) => {
  t.equal(nextLimit(256, { active: 256, queued: 10, utilization: 0.99, ...idle }, OPTIONS), 192, 'saturated, verifications waiting: a quarter less');
  t.equal(nextLimit(100, { active: 100, queued: 0, utilization: SATURATED, meanMs: 300 }, OPTIONS), 75, 'saturated, as many running as may: a quarter less');
  t.equal(nextLimit(18, { active: 18, queued: 5, utilization: 1, ...idle }, OPTIONS), 16, 'never below minConcurrent');
  t.equal(nextLimit(256, { active: 40, queued: 0, utilization: 1, meanMs: 300 }, OPTIONS), 256, 'saturated but the limit does not bind (the work is something else): unchanged');
});

t.test('the limit shrinks while it binds and verifications take longer than the target (the registries are what is saturated)', async (t) => {
  t.equal(nextLimit(256, { active: 256, queued: 44, utilization: 0.4, meanMs: 3500 }, OPTIONS), 192, 'the loop idle, answers slow: a quarter less');
  t.equal(nextLimit(256, { active: 12, queued: 0, utilization: 0.4, meanMs: 3500 }, OPTIONS), 256, 'slow but not binding: unchanged');
  t.equal(nextLimit(64, { active: 64, queued: 5, utilization: 0.4, meanMs: 1500 }, OPTIONS), 64, 'within the target but not within half of it: unchanged');
  t.equal(nextLimit(256, { active: 256, queued: 44, utilization: 0.4, meanMs: 3500, baselineMs: 1200 }, OPTIONS), 192, 'three times the recent best: a quarter less');
  t.equal(nextLimit(32, { active: 32, queued: 44, utilization: 0.2, meanMs: 2600, baselineMs: 2500 }, OPTIONS), 32,
    'a registry that is simply slow (as slow as at its best): unchanged, holding verifications back would only throttle everyone');
});

t.test('slower than the target cuts the limit only when also twice as slow as the recent best: a registry that is simply slow does not', async (t) => {
  let clock = 0;
  const capacity = new Capacity({ maxConcurrent: 4, minConcurrent: 1, maxQueued: 100, queueTimeoutMs: 60_000, targetMs: 400, now: () => clock });
  t.equal(capacity.limit, 2);
  let running = [capacity.enter() as Admitted, capacity.enter() as Admitted];
  const waiting = Array.from({ length: 6 }, () => capacity.enter() as Promise<Admitted>);
  // Three batches of two, each taking 1 000 ms (over the 400 ms target), with others waiting.
  for (let batch = 0; batch < 2; batch++) {
    clock += 1000;
    for (const turn of running) turn.release();
    running = await Promise.all(waiting.splice(0, 2));
    capacity.adjust(0.2); // the loop mostly idle
    t.equal(capacity.limit, 2, `batch ${batch + 1}: as slow as the best interval: the limit stays`);
  }
  clock += 3000; // now three times as slow as the best
  for (const turn of running) turn.release();
  running = await Promise.all(waiting.splice(0, 2));
  capacity.adjust(0.2);
  t.equal(capacity.limit, 1, 'three times as slow as the recent best, the limit binding: cut');
  for (const turn of running) turn.release();
});

t.test('the recent best is kept per interval in which verifications ended', async (t) => {
  const capacity = new Capacity({ maxConcurrent: 2, minConcurrent: 1, maxQueued: 10, queueTimeoutMs: 60_000, targetMs: 0 });
  // targetMs 0: every interval is "slower than the target"; only the recent best decides.
  const a = capacity.enter() as Admitted;
  const b = capacity.enter() as Admitted;
  const waiting = capacity.enter() as Promise<Admitted>;
  a.release();
  capacity.adjust(0.5); // the first interval with an ending: it is its own best, so not twice as slow
  t.equal(capacity.limit, 2, 'not cut on the first interval');
  (await waiting).release();
  b.release();
});

t.test('the limit grows while the loop has time to spare and verifications end well within the target', async (t) => {
  t.equal(nextLimit(16, { active: 16, queued: 50, utilization: 0.05, meanMs: 400 }, OPTIONS), 20, 'a quarter more');
  t.equal(nextLimit(250, { active: 250, queued: 50, utilization: 0.05, meanMs: 400 }, OPTIONS), 256, 'never above maxConcurrent');
  t.equal(nextLimit(2, { active: 2, queued: 1, utilization: 0, ...idle }, { ...OPTIONS, minConcurrent: 1, maxConcurrent: 10 }), 3, 'at least one more');
  // A registry that hangs with nothing ending: the loop idle, no time measured: the limit is not cut.
  let limit = 16;
  for (let i = 0; i < 20; i++) limit = nextLimit(limit, { active: limit, queued: 100, utilization: 0.1, ...idle }, OPTIONS);
  t.equal(limit, 256, 'back to the maximum within twenty intervals');
  t.equal(nextLimit(64, { active: 64, queued: 3, utilization: (SATURATED + SPARE) / 2, meanMs: 100 }, OPTIONS), 64, 'the loop neither saturated nor spare: unchanged');
  t.equal(nextLimit(32, { active: 5, queued: 0, utilization: 0.01, meanMs: 100 }, OPTIONS), 32, 'a limit that does not bind does not grow (a burst meets the limit that last served)');
  t.equal(nextLimit(8, { active: 8, queued: 3, utilization: 1, ...idle }, { ...OPTIONS, minConcurrent: 50, maxConcurrent: 8 }), 8, 'a minimum above the maximum is the maximum');
});

t.test('the limit starts at twice the minimum', async (t) => {
  t.equal(new Capacity({ maxConcurrent: 256, minConcurrent: 16, maxQueued: 1, queueTimeoutMs: 1, targetMs: 1 }).limit, 32);
  t.equal(new Capacity({ maxConcurrent: 20, minConcurrent: 16, maxQueued: 1, queueTimeoutMs: 1, targetMs: 1 }).limit, 20, 'at most the maximum');
});

t.test('verifications beyond the limit wait in order of arrival, and each release lets exactly one in', async (t) => {
  const capacity = new Capacity({ maxConcurrent: 2, minConcurrent: 2, maxQueued: 10, queueTimeoutMs: 60_000, targetMs: 2000 });
  const a = capacity.enter() as Admitted;
  const b = capacity.enter() as Admitted;
  t.ok('release' in a && 'release' in b, 'within the limit: at once, without a promise');
  t.equal(a.waitedMs, 0);
  const order: string[] = [];
  const c = (capacity.enter() as Promise<Admitted>).then((x) => { order.push('c'); return x; });
  const d = (capacity.enter() as Promise<Admitted>).then((x) => { order.push('d'); return x; });
  t.same([capacity.running, capacity.queued], [2, 2]);
  a.release();
  a.release(); // a second release of the same turn does nothing
  await c;
  t.same(order, ['c'], 'the first to wait is the first let in, and only one');
  t.same([capacity.running, capacity.queued], [2, 1]);
  b.release();
  const dTurn = await d;
  t.same(order, ['c', 'd']);
  t.ok(dTurn.waitedMs >= 0);
  const e = capacity.enter();
  t.ok(e instanceof Promise, 'a newcomer waits while the limit is reached');
  (await c).release();
  (await (e as Promise<Admitted>)).release();
  dTurn.release();
  t.same([capacity.running, capacity.queued], [0, 0]);
});

t.test('a full queue refuses at once; a wait past queueTimeoutMs is refused; both with TONGBAN_ERR_OVERLOADED', async (t) => {
  const capacity = new Capacity({ maxConcurrent: 1, minConcurrent: 1, maxQueued: 1, queueTimeoutMs: 30, targetMs: 2000 });
  const running = capacity.enter() as Admitted;
  const waiting = capacity.enter() as Promise<Admitted>;
  const refused = waiting.then(() => undefined, (err: unknown) => err);
  let full: unknown;
  try { capacity.enter(); } catch (err) { full = err; }
  t.ok(full instanceof GatewayError, 'a full queue throws at once');
  t.match(full, { code: 'TONGBAN_ERR_OVERLOADED', status: 503, message: /already waiting/ });
  t.match(await refused, { code: 'TONGBAN_ERR_OVERLOADED', status: 503, message: /no turn within 30 ms/ });
  t.equal(capacity.queued, 0, 'the refused one no longer waits');
  running.release();
  t.equal(capacity.running, 0, 'and is not let in afterwards');
  const again = capacity.enter();
  t.ok('release' in again, 'the next one runs at once');
  (again as Admitted).release();
});

t.test('adjusting the limit lets waiting verifications in; stopping refuses those still waiting', async (t) => {
  const capacity = new Capacity({ maxConcurrent: 4, minConcurrent: 2, maxQueued: 10, queueTimeoutMs: 60_000, targetMs: 2000 });
  const turns = [1, 2, 3, 4].map(() => capacity.enter() as Admitted);
  capacity.adjust(1); // saturated, the limit binds: 4 → 3
  t.equal(capacity.limit, 3);
  turns[0]!.release();
  const w = capacity.enter();
  t.ok(w instanceof Promise, 'three still run: a newcomer waits under the lower limit');
  turns[1]!.release();
  const admitted = await (w as Promise<Admitted>);
  t.equal(capacity.running, 3);
  capacity.adjust(0); // the limit binds, time to spare, and the two that ended were quick: back up
  t.equal(capacity.limit, 4);
  const x = capacity.enter() as Admitted;
  const y = (capacity.enter() as Promise<Admitted>).then(() => undefined, (err: unknown) => err);
  capacity.stop();
  t.match(await y, { code: 'TONGBAN_ERR_OVERLOADED', message: /shutting down/ });
  for (const turn of [turns[2]!, turns[3]!, admitted, x]) turn.release();
  t.equal(capacity.running, 0);
});
