/**
 * What every connector gets from src/, shown with a throwaway agency over real HTTP:
 * the per-call timeout really aborts the request, repeated failures open the breaker,
 * a not-found does not count against it, a broken answer is invalid_response, identical
 * concurrent calls share one request, and a failing source is bridged by a stale entry.
 */
import t, { type Test } from 'tap';
import Fastify from 'fastify';
import { pino } from 'pino';
import { Pool } from 'undici';
import { ConnectorRuntime } from '../../src/connectors/runtime.js';
import { UpstreamError, defineConnector } from '../../src/connectors/types.js';
import { createSubjectKeyer } from '../../src/subject-key.js';
import { FAKE_THING } from '../helpers/fake-thing.js';

type Mode = 'ok' | 'missing' | 'fail' | 'hang' | 'broken' | 'refuse';

async function fakeAgency(t: Test) {
  let sawAbort!: () => void;
  const state = { mode: 'ok' as Mode, requests: 0, aborted: 0, release: () => {}, abort: new Promise<void>((r) => { sawAbort = r; }) };
  const app = Fastify();
  app.get('/thing/:id', async (req, reply) => {
    state.requests++;
    switch (state.mode) {
      case 'missing': return reply.status(404).send({});
      case 'fail': return reply.status(503).send({});
      case 'refuse': return reply.status(400).send({});
      case 'broken': return { value: 'not a number' };
      case 'hang':
        await new Promise<void>((resolve) => {
          state.release = resolve;
          req.raw.on('close', () => { state.aborted++; sawAbort(); resolve(); });
        });
        return { value: 1 };
      default:
        await new Promise((r) => setTimeout(r, 20)); // long enough for concurrent calls to meet
        return { value: Number((req.params as { id: string }).id) };
    }
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const pool = new Pool(url);
  t.teardown(async () => { state.release(); await pool.close(); await app.close(); });

  const connector = defineConnector({
    ...FAKE_THING,
    breaker: { timeoutMs: 200, volumeThreshold: 3, errorThresholdPercentage: 50, resetTimeoutMs: 60_000 },
    async fetch(client: Pool, input, signal) {
      const res = await client.request({ path: `/thing/${input.id}`, method: 'GET', signal });
      const body = await res.body.text();
      if (res.statusCode === 404) return { outcome: 'not_found' as const };
      if (res.statusCode === 400) throw new UpstreamError('fatal', 'invalid_request', 'HTTP 400');
      if (res.statusCode !== 200) throw new UpstreamError('retryable', 'upstream_error', `HTTP ${res.statusCode}`);
      return { outcome: 'ok' as const, data: JSON.parse(body) as { value: unknown } };
    },
    map: (raw) => raw as { value: number },
  });
  const runtime = (options: { cacheMax?: number; staleIfErrorMs?: number; now?: () => number } = {}) => new ConnectorRuntime(connector, pool, {
    ...(options.now ? { now: options.now } : {}),
    keyer: createSubjectKeyer('k'.repeat(32)),
    cacheMax: options.cacheMax ?? 100,
    staleIfErrorMs: options.staleIfErrorMs ?? 0,
    defaults: { timeoutMs: 5000, errorThresholdPercentage: 50, resetTimeoutMs: 30_000, volumeThreshold: 10 },
    log: pino({ level: 'silent' }),
  });
  return { state, runtime };
}

t.test('a slow agency times out and its request is aborted', async (t) => {
  const { state, runtime } = await fakeAgency(t);
  state.mode = 'hang';
  const r = runtime();
  const call = await r.call({ id: '1' });
  t.same(call.resolution, { status: 'unavailable' });
  t.equal(call.source.status, 'timeout');
  t.match(call.source.message, /no answer within 200 ms/);
  await state.abort; // resolves when the agency sees the connection go (the test times out otherwise)
  t.equal(state.aborted, 1, 'the agency saw the connection go');
  r.shutdown();
});

t.test('not_found is an outcome, not a failure: it never opens the breaker', async (t) => {
  const { state, runtime } = await fakeAgency(t);
  state.mode = 'missing';
  const r = runtime({ cacheMax: 0 });
  for (let i = 0; i < 6; i++) {
    const call = await r.call({ id: String(i) });
    t.equal(call.source.status, 'not_found');
    t.same(call.resolution, { status: 'not_found' });
  }
  t.equal(r.state, 'closed');
  r.shutdown();
});

t.test('repeated failures open the breaker, which then answers without asking', async (t) => {
  const { state, runtime } = await fakeAgency(t);
  state.mode = 'fail';
  const r = runtime({ cacheMax: 0 });
  for (let i = 0; i < 3; i++) t.equal((await r.call({ id: String(i) })).source.status, 'upstream_error');
  t.equal(r.state, 'open');
  const before = state.requests;
  const call = await r.call({ id: '9' });
  t.equal(call.source.status, 'circuit_open');
  t.equal(state.requests, before, 'the agency was not asked');
  r.shutdown();
});

t.test('a request the agency refuses as malformed is invalid_request and never opens the breaker', async (t) => {
  const { state, runtime } = await fakeAgency(t);
  state.mode = 'refuse';
  const r = runtime({ cacheMax: 0 });
  for (let i = 0; i < 20; i++) {
    const call = await r.call({ id: String(i) });
    t.equal(call.source.status, 'invalid_request');
    t.same(call.resolution, { status: 'unavailable' });
  }
  t.equal(state.requests, 20, 'every call reached the agency');
  t.equal(r.state, 'closed');
  state.mode = 'ok';
  t.equal((await r.call({ id: '1' })).source.status, 'ok', 'the next good call goes through');
  r.shutdown();
});

t.test('an input the agency does not accept is refused before it is sent, and never opens the breaker', async (t) => {
  const { state, runtime } = await fakeAgency(t);
  const r = runtime({ cacheMax: 0 });
  for (let i = 0; i < 20; i++) {
    const call = await r.call({ id: `x${'9'.repeat(i)}` });
    t.equal(call.source.status, 'invalid_request');
    t.match(call.source.message, /^input the agency does not accept: \/id: must match pattern/);
    t.notOk(call.source.message!.includes('x9'), 'the message does not repeat the input');
  }
  t.equal(state.requests, 0, 'the agency was not asked');
  t.equal(r.state, 'closed');
  r.shutdown();
});

t.test('an answer that breaks the fact schema is invalid_response, never trusted', async (t) => {
  const { state, runtime } = await fakeAgency(t);
  state.mode = 'broken';
  const r = runtime();
  const call = await r.call({ id: '1' });
  t.equal(call.source.status, 'invalid_response');
  t.match(call.source.message, /\/value: must be number/);
  t.same(call.resolution, { status: 'unavailable' });
  r.shutdown();
});

t.test('identical concurrent calls share one request; the next one is a cache hit', async (t) => {
  const { state, runtime } = await fakeAgency(t);
  const r = runtime();
  const calls = await Promise.all([r.call({ id: '5' }), r.call({ id: '5' }), r.call({ id: '5' })]);
  t.equal(state.requests, 1);
  t.same(calls.map((c) => c.source.cache).sort(), ['coalesced', 'coalesced', 'miss']);
  for (const c of calls) t.same(c.resolution, { status: 'found', value: { value: 5 } });
  t.equal((await r.call({ id: '5' })).source.cache, 'hit');
  t.equal(state.requests, 1);
  r.shutdown();
});

t.test('when the agency fails, a recently expired answer is served as stale', async (t) => {
  const { state, runtime } = await fakeAgency(t);
  let now = Date.now();
  const r = runtime({ staleIfErrorMs: 3_600_000, now: () => now });
  const first = await r.call({ id: '7' });
  t.equal(first.source.cache, 'miss');
  now += 120_000; // past the 60 s TTL, within the stale window
  state.mode = 'fail';
  const stale = await r.call({ id: '7' });
  t.equal(stale.source.cache, 'stale');
  t.equal(stale.source.status, 'ok');
  t.match(stale.source.message, /served a cached answer/);
  t.same(stale.resolution, { status: 'found', value: { value: 7 } });
  t.equal(stale.source.fetchedAt, first.source.fetchedAt);
  r.shutdown();
});
