/**
 * The load generator, in a process of its own: autocannon against one URL, a warm-up run,
 * then the measured run. Each request takes the next body of its list, so that a cold run
 * never repeats a family (the report says if the list ran out). Reads its spec from the
 * JSON file named on the command line; prints `{"phase":"measuring"}` when the measured run
 * starts and `{"phase":"done", …}` with the result when it ends.
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { Pool } from 'undici';

export interface LoadSpec {
  url: string;
  method: 'GET' | 'POST';
  connections: number;
  warmupSec: number;
  durationSec: number;
  warmupBodies?: string[];
  bodies?: string[];
  /** Count answers that say `"status":"partial"` (reads every body: only for the gateway). */
  countPartial?: boolean;
  /**
   * A steady load instead: this many requests per second, one every 1/rate s, over
   * `connections` kept-alive connections, each timed from when it was due (open loop: a slow
   * answer does not delay the next request). autocannon's own rate limit sends each
   * second's requests in one burst, which measures queueing, not a light load.
   */
  overallRate?: number;
  /**
   * Requests never alike: each body's `@SEQ@` becomes this number plus the request's index
   * in the run (the bench moves it on by the bodies a run used).
   */
  sequence?: number;
}

export interface LoadResult {
  durationSec: number;
  requests: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Verifications answered `partial` (a source failed). */
  partial: number;
  /** 2xx answers per second. */
  rps: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  /** Bodies taken from the list (the next run starts after them). */
  bodiesUsed: number;
  /** Bodies used more than once (a cold run that ran out of families). */
  repeatedBodies: number;
  cpuSeconds: number;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function run(spec: LoadSpec, bodies: string[] | undefined, seconds: number, measure: boolean) {
  let next = 0;
  let partial = 0;
  const latencies: number[] = [];
  const headers = spec.method === 'POST' ? { 'content-type': 'application/json' } : {};
  const instance = autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: seconds,
    pipelining: 1,
    ...(spec.overallRate ? { overallRate: spec.overallRate } : {}),
    requests: [{
      method: spec.method,
      headers,
      ...(bodies && bodies.length ? {
        setupRequest: spec.sequence === undefined
          ? (req: Record<string, unknown>) => ({ ...req, body: bodies[next++ % bodies.length] })
          : (req: Record<string, unknown>) => ({ ...req, body: bodies[next % bodies.length]!.replace('@SEQ@', String(spec.sequence! + next++)) }),
      } : {}),
      ...(spec.countPartial ? {
        onResponse: (status: number, body: string) => {
          if (measure && status === 200 && body.includes('"status":"partial"')) partial++;
        },
      } : {}),
    }],
  } as autocannon.Options) as unknown as Promise<autocannon.Result> & { on(event: 'response', fn: (...args: never[]) => void): void };
  if (measure) instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => { latencies.push(responseTime); });
  const result = await instance;
  return { result, latencies, partial, used: next, bodies: bodies?.length ?? 0 };
}

/** The steady, open-loop load (see `overallRate`). */
async function steady(spec: LoadSpec, bodies: string[] | undefined, seconds: number) {
  const url = new URL(spec.url);
  const pool = new Pool(url.origin, { connections: spec.connections });
  const rate = spec.overallRate!;
  const total = Math.round(rate * seconds);
  const latencies: number[] = [];
  let ok = 0, non2xx = 0, errors = 0, partial = 0;
  const started = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const body = bodies?.length ? bodies[i % bodies.length] : undefined;
    pending.push((async () => {
      try {
        const res = await pool.request({
          path: url.pathname, method: spec.method, ...(body ? { body, headers: { 'content-type': 'application/json' } } : {}),
        });
        const text = await res.body.text();
        latencies.push(performance.now() - due);
        if (res.statusCode >= 200 && res.statusCode < 300) {
          ok++;
          if (spec.countPartial && text.includes('"status":"partial"')) partial++;
        } else non2xx++;
      } catch {
        errors++;
      }
    })());
  }
  await Promise.all(pending);
  await pool.close();
  const duration = (performance.now() - started) / 1000;
  return { result: { duration, requests: { total }, '2xx': ok, non2xx, errors, timeouts: 0 }, latencies, partial, used: total, bodies: bodies?.length ?? 0 };
}

async function main(): Promise<void> {
  const spec = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as LoadSpec;
  if (spec.overallRate) {
    if (spec.warmupSec > 0) await steady(spec, spec.warmupBodies ?? spec.bodies, spec.warmupSec);
    process.stdout.write(`${JSON.stringify({ phase: 'measuring' })}\n`);
    const cpuBefore = process.cpuUsage();
    const r = await steady(spec, spec.bodies, spec.durationSec);
    process.stdout.write(`${JSON.stringify({ phase: 'done', result: summary(r, process.cpuUsage(cpuBefore)) })}\n`);
    return;
  }
  if (spec.warmupSec > 0) await run(spec, spec.warmupBodies ?? spec.bodies, spec.warmupSec, false);
  process.stdout.write(`${JSON.stringify({ phase: 'measuring' })}\n`);
  const cpuBefore = process.cpuUsage();
  const { result, latencies, partial, used, bodies } = await run(spec, spec.bodies, spec.durationSec, true);
  process.stdout.write(`${JSON.stringify({ phase: 'done', result: summary({ result, latencies, partial, used, bodies }, process.cpuUsage(cpuBefore)) })}\n`);
}

function summary(
  run: { result: unknown; latencies: number[]; partial: number; used: number; bodies: number },
  cpu: NodeJS.CpuUsage,
): LoadResult {
  const { result, latencies, partial, used, bodies } = run;
  const sorted = Float64Array.from(latencies).sort();
  const r = result as { duration: number; requests: { total: number }; '2xx': number; non2xx: number; errors: number; timeouts: number };
  return {
    durationSec: r.duration,
    requests: r.requests.total,
    ok: r['2xx'],
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    partial,
    rps: r['2xx'] / r.duration,
    latencyMs: { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.length ? sorted[sorted.length - 1]! : NaN },
    bodiesUsed: used,
    repeatedBodies: bodies > 0 ? Math.max(0, used - bodies) : 0,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
  };
}

main().catch((err: unknown) => {
  process.stderr.write(`load: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
