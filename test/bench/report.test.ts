/**
 * The benchmark's report (bench/report.ts): medians over rounds, ratios within rounds, and
 * with `--against` the ratios of each round's pair of runs. No timing is asserted: the
 * figures are made up, the arithmetic is what is checked.
 */
import t from 'tap';
import { renderMarkdown, renderTable, ratios, type BenchReport, type RunFigures } from '../../bench/report.js';

function run(round: number, rps: number, cpuMs: number, p50 = 10): RunFigures {
  return {
    round, rps, latencyMs: { p50, p95: p50 * 2, p99: p50 * 3, max: p50 * 4 }, requests: rps * 5, errors: 0, partial: 0, repeatedBodies: 0,
    sutCpuMsPerRequest: cpuMs, sutCpuCores: 1, upstreamCpuCores: 0, loadCpuCores: 0.5, sutRssMaxMiB: 200 + round,
  };
}

function report(against?: BenchReport['against']): BenchReport {
  return {
    date: '2026-11-30T21:00:00.000Z', mode: 'quick', commit: 'abc1234',
    machine: { cpu: 'test', cores: 2, memoryGiB: 4, os: 'Linux', node: 'v20' },
    settings: { rounds: 3, warmupSec: 1, durationSec: 1, upstreamCalls: 62, registryLatencyMs: 20, households: 10, families: { cacheHit: 20, cold: 100, light: 100 } },
    runs: {
      bare: [run(0, 40_000, 0.02), run(1, 10_000, 0.04), run(2, 30_000, 0.03)],
      cacheHit: [run(0, 20_000, 0.08), run(1, 8_000, 0.12), run(2, 9_000, 0.11)],
      cold: [run(0, 100, 8), run(1, 90, 9), run(2, 120, 7)],
    },
    ...(against ? { against } : {}),
    elapsedSec: 10,
  };
}

t.test('ratios are the median of the ratios within each round', async (t) => {
  const hitOverBare = ratios(report()).find((r) => r.name === 'cache hit ÷ bare Fastify')!;
  // Rounds: 0.50, 0.80, 0.30 → 0.50; the ratio of the medians would be 9 000 / 30 000 = 0.30.
  t.equal(hitOverBare.value.toFixed(2), '0.50');
  t.equal(hitOverBare.met, true, '0.50 meets "≥ 0.5"');
  t.equal(ratios(report()).find((r) => r.name === 'cold ÷ floor aggregator')!.met, undefined, 'no floor runs: no verdict');
});

t.test('--against: each scenario run on both builds, with the median and the range of its pairs', async (t) => {
  const against = { gateway: '/tmp/before/dist/src/main.js', runs: {
    // Pairs: 20 000/10 000 = 2.00, 8 000/10 000 = 0.80, 9 000/9 000 = 1.00 → median 1.00, range 0.80–2.00; CPU 0.80, 1.20, 1.00.
    cacheHit: [run(0, 10_000, 0.10), run(1, 10_000, 0.10), run(2, 9_000, 0.11)],
    // Only rounds 0 and 2 have a partner: 100/50 = 2.00, 120/60 = 2.00.
    cold: [run(0, 50, 16), run(2, 60, 14)],
  } };
  const md = renderMarkdown(report(against));
  t.match(md, /## Against another build/);
  t.match(md, /This build against \/tmp\/before\/dist\/src\/main\.js/);
  const hitRow = md.split('\n').filter((l) => l.startsWith('| Tongban, cache hit')).pop()!;
  t.match(hitRow, /\| 9000 \| 10000 \| 1\.00 \| 0\.80–2\.00 \| 0\.110 \| 0\.100 \| 1\.00 \| 0\.80–1\.20 \|/, 'medians, the median pair ratio and its range, for throughput and CPU');
  const coldRow = md.split('\n').filter((l) => l.startsWith('| Tongban, cold fan-out')).pop()!;
  t.match(coldRow, /\| 100 \| 55 \| 2\.00 \| 2\.00–2\.00 \| 8\.000 \| 15\.000 \| 0\.50 \| 0\.50–0\.50 \|/, 'a round without a partner is left out of the pairs');
  t.match(renderTable(report(against)), /pairs/);
});

t.test('no comparison table without --against, or when no scenario ran on both builds', async (t) => {
  t.notMatch(renderMarkdown(report()), /Against another build/);
  t.notMatch(renderMarkdown(report({ gateway: '/tmp/x', runs: {} })), /Against another build/);
  t.notMatch(renderTable(report({ gateway: '/tmp/x', runs: {} })), /This build against/);
});

t.test('the references against the targets: what the cache-hit target asks of the ceiling, and the floor at light load', async (t) => {
  const r = report();
  // Cached route ÷ bare per round: 20 000/40 000 = 0.5, 6 000/10 000 = 0.6, 12 000/30 000 = 0.4 → 0.5 ÷ each: 1.0, 0.83, 1.25 → 1.00.
  r.runs.cachedRoute = [run(0, 20_000, 0.05), run(1, 6_000, 0.09), run(2, 12_000, 0.07)];
  // The floor's light p50 per round 22.5, 24 and 23 ms (p99 three times that): 3.0 ms past 20 ms, p99 49 ms past.
  r.runs.lightFloor = [run(0, 50, 1.9, 22.5), run(1, 50, 1.9, 24), run(2, 50, 1.9, 23)];
  const all = ratios(r);
  const needs = all.find((x) => x.name === 'cache hit ÷ cached route that 0.5 × bare needs')!;
  t.equal(needs.value.toFixed(2), '1.00');
  t.equal(needs.met, undefined, 'information, not a target of its own');
  const p50 = all.find((x) => x.name === 'floor aggregator (the reference), light load p50 − 20 ms')!;
  t.equal(p50.value, 3);
  t.equal(p50.met, true, '3.0 ms meets "≤ 3 ms"');
  const p99 = all.find((x) => x.name === 'floor aggregator (the reference), light load p99 − 20 ms')!;
  t.equal(p99.value, 49);
  t.equal(p99.met, false, 'the reference itself can miss the target, and the report says so');
  t.match(renderMarkdown(r), /\| floor aggregator \(the reference\), light load p99 − 20 ms \| 49\.00 \| ≤ 10 ms \| MISSED \|/);
});
