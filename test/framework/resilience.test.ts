/**
 * The resilience layers every connector gets from src/ (issue 8), shown with a throwaway
 * agency over real HTTP: retries of retryable failures only, with Retry-After, inside the
 * deadline and the agency's retry budget; the request deadline and the breaker (which only
 * the agency's own failures move, observed as events); the agency guard's concurrency cap
 * and rate quota; one call event per call.
 */
import t, { type Test } from 'tap';
import { once } from 'node:events';
import { EventEmitter } from 'node:events';
import Fastify from 'fastify';
import { pino } from 'pino';
import { Pool } from 'undici';
import { AgencyGuard } from '../../src/connectors/agency-guard.js';
import { ConnectorRuntime, type BreakerEvent, type CallEvent, type RetryOptions } from '../../src/connectors/runtime.js';
import { UpstreamError, defineConnector } from '../../src/connectors/types.js';
import { parseRetryAfter } from '../../src/connectors/kit/http.js';
import { createSubjectKeyer } from '../../src/subject-key.js';
import { FAKE_THING } from '../helpers/fake-thing.js';

/** What the agency answers, request by request: a script, then `after` for the rest. */
type Answer = 'ok' | 'missing' | 'busy' | 'broken' | 'refuse' | 'hang' | { status: 429; retryAfter: string };

async function fakeAgency(t: Test) {
  const state = { script: [] as Answer[], after: 'ok' as Answer, requests: 0, times: [] as number[], inFlight: 0, maxInFlight: 0, holds: new Set<() => void>() };
  const app = Fastify();
  app.get('/thing/:id', async (req, reply) => {
    state.requests++;
    state.times.push(performance.now());
    const answer = state.script.shift() ?? state.after;
    state.inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    try {
      if (answer === 'hang') {
        await new Promise<void>((resolve) => {
          state.holds.add(resolve);
          req.raw.on('close', resolve);
        });
        return { value: Number((req.params as { id: string }).id) };
      }
      if (typeof answer === 'object') return reply.status(429).header('retry-after', answer.retryAfter).send({});
      switch (answer) {
        case 'missing': return reply.status(404).send({});
        case 'busy': return reply.status(503).send({});
        case 'refuse': return reply.status(400).send({});
        case 'broken': return { value: 'not a number' };
        default: return { value: Number((req.params as { id: string }).id) };
      }
    } finally {
      state.inFlight--;
    }
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const pool = new Pool(url);
  const release = () => { for (const r of state.holds) r(); state.holds.clear(); };
  t.teardown(async () => { release(); await pool.close(); await app.close(); });

  const connector = defineConnector({
    ...FAKE_THING,
    async fetch(client: Pool, input, signal) {
      const res = await client.request({ path: `/thing/${input.id}`, method: 'GET', signal });
      const body = await res.body.text();
      if (res.statusCode === 404) return { outcome: 'not_found' as const };
      if (res.statusCode === 400) throw new UpstreamError('fatal', 'invalid_request', 'HTTP 400');
      if (res.statusCode === 429) {
        const retryAfterMs = parseRetryAfter(res.headers['retry-after']);
        throw new UpstreamError('retryable', 'rate_limited', 'HTTP 429', retryAfterMs === undefined ? {} : { retryAfterMs });
      }
      if (res.statusCode !== 200) throw new UpstreamError('retryable', 'upstream_error', `HTTP ${res.statusCode}`);
      return { outcome: 'ok' as const, data: JSON.parse(body) as { value: unknown } };
    },
    map: (raw) => raw as { value: number },
  });

  interface Options {
    retry?: Partial<RetryOptions>;
    guard?: Partial<ConstructorParameters<typeof AgencyGuard>[1]>;
    breaker?: { volumeThreshold?: number; resetTimeoutMs?: number; timeoutMs?: number };
  }
  const runtime = (o: Options = {}) => {
    const events = new EventEmitter();
    const calls: CallEvent[] = [];
    const transitions: BreakerEvent[] = [];
    events.on('call', (e: CallEvent) => calls.push(e));
    events.on('breaker', (e: BreakerEvent) => transitions.push(e));
    const guard = new AgencyGuard('fake', { maxConcurrent: 0, ratePerSecond: 0, queueMs: 0, retryBudgetRatio: 1, retryBudgetMinPerSecond: 100, ...o.guard });
    const r = new ConnectorRuntime(connector, pool, {
      keyer: createSubjectKeyer('k'.repeat(32)),
      cacheMax: 0,
      staleIfErrorMs: 0,
      defaults: { timeoutMs: 5000, errorThresholdPercentage: 50, resetTimeoutMs: 30_000, volumeThreshold: 5, ...o.breaker },
      log: pino({ level: 'silent' }),
      guard,
      retry: { retries: 2, retryBaseMs: 5, retryMaxMs: 2000, ...o.retry },
      events,
    });
    t.teardown(() => { r.shutdown(); guard.close(); });
    return { r, guard, events, calls, transitions };
  };
  return { state, runtime, release };
}

t.test('a retryable failure is retried, and the source says how many requests it took', async (t) => {
  const { state, runtime } = await fakeAgency(t);
  const { r, calls } = runtime({ breaker: { volumeThreshold: 100 } });
  state.script = ['busy', 'busy'];
  const call = await r.call({ id: '7' });
  t.same(call.resolution, { status: 'found', value: { value: 7 } });
  t.equal(call.source.status, 'ok');
  t.equal(call.source.attempts, 3);
  t.equal(state.requests, 3);
  t.match(calls, [{ connector: 'fake.thing', agency: 'fake', status: 'ok', cache: 'miss', attempts: 3, breaker: 'closed' }], 'one call event for the three requests');

  state.script = ['busy', 'busy', 'busy'];
  const failed = await r.call({ id: '8' });
  t.equal(failed.source.status, 'upstream_error', 'three failures: retries are spent');
  t.equal(failed.source.attempts, 3);
  t.match(calls[1], { status: 'upstream_error', reason: /HTTP 503/, attempts: 3 });
});

t.test('what a retry cannot mend is not retried: not found, a broken answer, a refused request', async (t) => {
  const { state, runtime } = await fakeAgency(t);
  const { r } = runtime();
  for (const [answer, status] of [['missing', 'not_found'], ['broken', 'invalid_response'], ['refuse', 'invalid_request']] as const) {
    const before = state.requests;
    state.script = [answer];
    const call = await r.call({ id: '1' });
    t.equal(call.source.status, status, answer);
    t.equal(call.source.attempts, 1, `${answer}: one attempt`);
    t.equal(state.requests - before, 1, `${answer}: one request`);
  }
});

t.test('Retry-After is honoured when it is short, and a long one ends the call at once', async (t) => {
  const { state, runtime } = await fakeAgency(t);
  const { r } = runtime({ retry: { retryMaxMs: 1500 } });
  state.script = [{ status: 429, retryAfter: '1' }];
  const call = await r.call({ id: '3' });
  t.equal(call.source.status, 'ok');
  t.equal(call.source.attempts, 2);
  t.ok(state.times[1]! - state.times[0]! >= 950, 'the second request waited the second the agency asked for');

  state.times = [];
  state.script = [{ status: 429, retryAfter: '30' }];
  const refused = await r.call({ id: '4' });
  t.equal(refused.source.status, 'rate_limited');
  t.equal(refused.source.attempts, 1, 'thirty seconds is not waited for');
  t.equal(state.times.length, 1);
});

t.test('the deadline bounds every attempt, and a call it cuts short does not count against the breaker', async (t) => {
  const { state, runtime } = await fakeAgency(t);
  const { r, transitions } = runtime({ breaker: { volumeThreshold: 2 } });
  state.after = 'hang';
  for (let i = 0; i < 4; i++) {
    const call = await r.call({ id: String(i) }, undefined, undefined, performance.now() + 150);
    t.equal(call.source.status, 'timeout');
    t.match(call.source.message, /deadline/);
    t.equal(call.source.attempts, 1, 'no retry past the deadline');
  }
  t.equal(r.state, 'closed', 'the registry was not given its own timeout: no verdict on it');
  t.same(transitions, []);

  const late = await r.call({ id: '9' }, undefined, undefined, performance.now() - 1);
  t.equal(late.source.status, 'timeout', 'a call whose deadline has passed is not made');
  t.equal(state.requests, 4);
});

t.test('a registry that uses its whole timeout is judged by its breaker, inside a longer deadline', async (t) => {
  const { state, runtime } = await fakeAgency(t);
  const { r, transitions } = runtime({ retry: { retries: 0 }, breaker: { timeoutMs: 100, volumeThreshold: 3 } });
  state.after = 'hang';
  for (let i = 0; i < 3; i++) {
    const call = await r.call({ id: String(i) }, undefined, undefined, performance.now() + 5000);
    t.equal(call.source.status, 'timeout');
    t.match(call.source.message, /no answer within 100 ms/);
  }
  t.equal(r.state, 'open');
  t.same(transitions.map((e) => e.to), ['open']);
});

t.test('breaker: closed → open (fast fail, no traffic) → half-open → closed, as events', async (t) => {
  const { state, runtime } = await fakeAgency(t);
  const { r, events, transitions } = runtime({ retry: { retries: 0 }, breaker: { volumeThreshold: 3, resetTimeoutMs: 300 } });
  state.after = 'busy';
  for (let i = 0; i < 3; i++) t.equal((await r.call({ id: String(i) })).source.status, 'upstream_error');
  t.equal(r.state, 'open');
  const before = state.requests;
  for (let i = 0; i < 5; i++) t.equal((await r.call({ id: String(10 + i) })).source.status, 'circuit_open');
  t.equal(state.requests, before, 'no request reached the agency while open');

  state.after = 'ok';
  if (r.state !== 'half_open') await once(events, 'breaker');
  t.equal(r.state, 'half_open');
  const probe = await r.call({ id: '42' });
  t.equal(probe.source.status, 'ok', 'the trial call goes through');
  t.equal(r.state, 'closed');
  t.same(transitions.map((e) => [e.from, e.to]), [['closed', 'open'], ['open', 'half_open'], ['half_open', 'closed']]);
  t.match(transitions[0], { connector: 'fake.thing', agency: 'fake' });
});

t.test('a half-open trial cut short by the deadline does not close the breaker: it opens again', async (t) => {
  const { state, runtime } = await fakeAgency(t);
  const { r, events, transitions } = runtime({ retry: { retries: 0 }, breaker: { volumeThreshold: 3, resetTimeoutMs: 200 } });
  state.after = 'busy';
  for (let i = 0; i < 3; i++) await r.call({ id: String(i) });
  t.equal(r.state, 'open');
  if (r.state !== 'half_open') await once(events, 'breaker');
  t.equal(r.state, 'half_open');
  state.after = 'hang';
  const trial = await r.call({ id: '7' }, undefined, undefined, performance.now() + 100);
  t.equal(trial.source.status, 'timeout');
  t.match(trial.source.message, /deadline/);
  t.equal(r.state, 'open', 'no answer, no verdict of health: open again');
  t.same(transitions.map((e) => e.to), ['open', 'half_open', 'open']);
  t.equal((await r.call({ id: '8' })).source.status, 'circuit_open', 'and failing fast');
});

t.test('a not-found storm does not open the breaker; an outage does', async (t) => {
  const { state, runtime } = await fakeAgency(t);
  const { r } = runtime({ retry: { retries: 0 }, breaker: { volumeThreshold: 5 } });
  state.after = 'missing';
  for (let i = 0; i < 40; i++) t.equal((await r.call({ id: String(i) })).source.status, 'not_found');
  t.equal(r.state, 'closed');

  // An outage: nothing listens any more (connection refused).
  const down = new ConnectorRuntime(r.definition, new Pool('http://127.0.0.1:1'), {
    keyer: createSubjectKeyer('k'.repeat(32)), cacheMax: 0, staleIfErrorMs: 0, log: pino({ level: 'silent' }),
    defaults: { timeoutMs: 5000, errorThresholdPercentage: 50, resetTimeoutMs: 30_000, volumeThreshold: 5 },
  });
  t.teardown(() => down.shutdown());
  const statuses = [];
  for (let i = 0; i < 8; i++) statuses.push((await down.call({ id: String(i) })).source.status);
  t.equal(down.state, 'open');
  t.same(statuses.slice(-2), ['circuit_open', 'circuit_open']);
});

t.test('the retry budget: against a failing agency, retries stay a small share of calls', async (t) => {
  const { state, runtime } = await fakeAgency(t);
  const { r, guard } = runtime({ guard: { retryBudgetRatio: 0.1, retryBudgetMinPerSecond: 0 }, breaker: { volumeThreshold: 1000 } });
  state.after = 'busy';
  const n = 60;
  await Promise.all(Array.from({ length: n }, (_, i) => r.call({ id: String(i) })));
  t.ok(guard.counts.retries <= 0.1 * n, `${guard.counts.retries} retries for ${n} calls`);
  t.ok(guard.counts.retriesRefused > 0, 'the budget said no');
  t.equal(state.requests, n + guard.counts.retries, 'the agency saw the calls and the budgeted retries, nothing more');
});

t.test('the concurrency cap: calls beyond it wait briefly, then are refused without reaching the agency', async (t) => {
  const { state, runtime, release } = await fakeAgency(t);
  const { r, guard } = runtime({ retry: { retries: 0 }, guard: { maxConcurrent: 2, queueMs: 100 }, breaker: { volumeThreshold: 1 } });
  state.after = 'hang';
  const pending = Array.from({ length: 5 }, (_, i) => r.call({ id: String(i) }, undefined, undefined, performance.now() + 2000));
  const refused = await Promise.all(pending.slice(2));
  for (const call of refused) {
    t.equal(call.source.status, 'rate_limited');
    t.match(call.source.message, /gateway's own limit for this agency \(2 calls at once\)/);
  }
  t.equal(state.maxInFlight, 2, 'never more than two at the agency');
  t.equal(guard.counts.refused, 3);
  release();
  await Promise.all(pending.slice(0, 2));
  t.equal(r.state, 'closed', 'our own refusals are not the agency failing');
});

t.test('the rate quota: a burst beyond the calls a second the agency grants is refused locally', async (t) => {
  const { state, runtime } = await fakeAgency(t);
  const { r } = runtime({ retry: { retries: 0 }, guard: { ratePerSecond: 5, queueMs: 0 } });
  const calls = await Promise.all(Array.from({ length: 20 }, (_, i) => r.call({ id: String(i) })));
  const ok = calls.filter((c) => c.source.status === 'ok').length;
  const limited = calls.filter((c) => c.source.status === 'rate_limited').length;
  t.equal(ok + limited, 20);
  t.ok(ok >= 5 && ok <= 6, `${ok} sent: the quota's burst`);
  t.equal(state.requests, ok, 'the refused ones never reached the agency');
});

t.test('the rate quota queues briefly: a call waits for the next token rather than failing', async (t) => {
  const { state, runtime } = await fakeAgency(t);
  const { r } = runtime({ retry: { retries: 0 }, guard: { ratePerSecond: 20, queueMs: 1000 } });
  const calls = await Promise.all(Array.from({ length: 30 }, (_, i) => r.call({ id: String(i) })));
  t.same(calls.map((c) => c.source.status), Array(30).fill('ok'), 'all sent, spread over the quota');
  t.equal(state.requests, 30);
});
