/** The benchmark's report: medians over rounds, ratios within rounds, against the targets. */

export type ScenarioName = 'bare' | 'cachedRoute' | 'cacheHit' | 'sourceHit' | 'floor' | 'express' | 'cold' | 'profile' | 'down' | 'lightFloor' | 'light';

export interface RunFigures {
  round: number;
  /** Verifications (or requests, for the bare route) answered 2xx per second. */
  rps: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  requests: number;
  errors: number;
  partial: number;
  repeatedBodies: number;
  /** CPU of the system under test per answered request, in ms. */
  sutCpuMsPerRequest: number;
  sutCpuCores: number;
  /** CPU of what it calls (mocks or the trivial upstream), in cores. */
  upstreamCpuCores: number;
  loadCpuCores: number;
  sutRssMaxMiB: number;
}

export interface BenchReport {
  date: string;
  mode: 'quick' | 'full';
  commit: string;
  machine: { cpu: string; cores: number; memoryGiB: number; os: string; node: string };
  settings: {
    rounds: number; warmupSec: number; durationSec: number; upstreamCalls: number; connectorCalls?: number; lightCalls?: number; registryLatencyMs: number; households: number;
    families: { cacheHit: number; cold: number; light: number; profile?: number };
    /** The gateway measured when it was not this checkout's build (`--gateway`), and the node flags it ran with (`--node-flags`). */
    gateway?: string;
    gatewayNodeFlags?: string[];
  };
  /** Reports from before a scenario existed have no runs for it. */
  runs: Partial<Record<ScenarioName, RunFigures[]>>;
  /** `--against`: another build's gateway, each of its runs right before or after this one's in the same round. */
  against?: { gateway: string; runs: Partial<Record<ScenarioName, RunFigures[]>> };
  elapsedSec: number;
}

const LABELS: Record<ScenarioName, string> = {
  bare: 'bare Fastify hello route (GET /)',
  cachedRoute: 'Fastify route: same bodies in, the same answer out of lru-cache',
  cacheHit: 'Tongban, cache hit (README question, 5 sources)',
  sourceHit: 'Tongban, the same families, a new reference each time (5 cached sources)',
  floor: 'floor aggregator (Fastify + undici, N requests)',
  express: 'Express + axios (N requests)',
  cold: 'Tongban, cold fan-out (every fact of child + 2 parents)',
  profile: 'Tongban, cold admission profile (qingdao.primary.local, 11 checks)',
  down: 'Tongban, the same profiles, NRP taking requests and never answering (no caching)',
  lightFloor: 'floor aggregator, light load (same calls, registry at 20 ms)',
  light: 'Tongban, light load (50/s on 10 conn., registries at 20 ms)',
};

export function median(values: number[]): number {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

export interface Ratio { name: string; value: number; target: string; met: boolean | undefined }

/** The targets of issue 6, each as the median of its value within each round. */
export function ratios(report: BenchReport): Ratio[] {
  const { settings } = report;
  const runs = (name: ScenarioName) => report.runs[name] ?? [];
  const perRound = (a: ScenarioName, b: ScenarioName | undefined, f: (x: RunFigures, y: RunFigures | undefined) => number) =>
    median(runs(a).map((x) => f(x, b ? runs(b).find((y) => y.round === x.round) : undefined)));
  const gatewayRuns = [...runs('cacheHit'), ...runs('sourceHit'), ...runs('cold'), ...runs('profile'), ...runs('down'), ...runs('light')];
  const out: Ratio[] = [];
  const push = (name: string, value: number, target: string, test: (v: number) => boolean) =>
    out.push({ name, value, target, met: Number.isFinite(value) ? test(value) : undefined });
  const info = (name: string, value: number, note = '') => out.push({ name, value, target: note, met: undefined });
  push('cache hit ÷ bare Fastify', perRound('cacheHit', 'bare', (x, y) => (y ? x.rps / y.rps : NaN)), '≥ 0.5', (v) => v >= 0.5);
  // What HTTP, the body and the answer alone allow on this machine: the ceiling of the line above.
  info('cached route ÷ bare Fastify (the ceiling of a cache hit)', perRound('cachedRoute', 'bare', (x, y) => (y ? x.rps / y.rps : NaN)));
  info('cache hit ÷ cached route', perRound('cacheHit', 'cachedRoute', (x, y) => (y ? x.rps / y.rps : NaN)));
  // What the 0.5 target asks of a cache hit in this run, as a share of the ceiling: above 1 it asks more than the ceiling.
  info('cache hit ÷ cached route that 0.5 × bare needs', perRound('cachedRoute', 'bare', (x, y) => (y ? 0.5 / (x.rps / y.rps) : NaN)));
  // A request not seen before about families whose sources are cached: the fan-out over the connectors' caches.
  info('new request, sources cached ÷ bare Fastify', perRound('sourceHit', 'bare', (x, y) => (y ? x.rps / y.rps : NaN)));
  push('cold ÷ floor aggregator', perRound('cold', 'floor', (x, y) => (y ? x.rps / y.rps : NaN)), '≥ 0.7', (v) => v >= 0.7);
  push('cold ÷ Express + axios', perRound('cold', 'express', (x, y) => (y ? x.rps / y.rps : NaN)), '≥ 3', (v) => v >= 3);
  info('gateway CPU per verification ÷ floor\'s (cold)', perRound('cold', 'floor', (x, y) => (y ? x.sutCpuMsPerRequest / y.sutCpuMsPerRequest : NaN)), '(lower is better)');
  push(`light load p50 − ${settings.registryLatencyMs} ms`, perRound('light', undefined, (x) => x.latencyMs.p50 - settings.registryLatencyMs), '≤ 3 ms', (v) => v <= 3);
  push(`light load p99 − ${settings.registryLatencyMs} ms`, perRound('light', undefined, (x) => x.latencyMs.p99 - settings.registryLatencyMs), '≤ 10 ms', (v) => v <= 10);
  // The same calls made by the floor aggregator to a registry just as slow: what the gateway adds, and what any client of one process pays.
  info('light load p50 − floor aggregator\'s p50 (same calls)', perRound('light', 'lightFloor', (x, y) => (y ? x.latencyMs.p50 - y.latencyMs.p50 : NaN)), 'ms');
  info('light load p99 − floor aggregator\'s p99 (same calls)', perRound('light', 'lightFloor', (x, y) => (y ? x.latencyMs.p99 - y.latencyMs.p99 : NaN)), 'ms');
  // The reference against the same targets: a miss there is the machine's (and the load's), not the gateway's.
  push(`floor aggregator (the reference), light load p50 − ${settings.registryLatencyMs} ms`, perRound('lightFloor', undefined, (x) => x.latencyMs.p50 - settings.registryLatencyMs), '≤ 3 ms', (v) => v <= 3);
  push(`floor aggregator (the reference), light load p99 − ${settings.registryLatencyMs} ms`, perRound('lightFloor', undefined, (x) => x.latencyMs.p99 - settings.registryLatencyMs), '≤ 10 ms', (v) => v <= 10);
  // One registry down: its breaker open, every answer partial, the gateway as fast as without it.
  info('profiles with NRP down ÷ profiles (throughput kept)', perRound('down', 'profile', (x, y) => (y ? x.rps / y.rps : NaN)));
  info('profiles with NRP down: share answered partial', perRound('down', undefined, (x) => x.partial / Math.max(1, x.requests - x.errors)), '(every one: its facts are unavailable)');
  push('gateway RSS under load, MiB (max)', gatewayRuns.length ? Math.max(...gatewayRuns.map((r) => r.sutRssMaxMiB)) : NaN, '≤ 300', (v) => v <= 300);
  return out;
}

const fmt = (v: number, digits = 0) => (Number.isFinite(v) ? v.toFixed(digits) : '–');

function rows(report: BenchReport): string[][] {
  const header = ['scenario', 'per s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'partial', 'CPU ms/req', 'SUT cores', 'upstream cores', 'load cores', 'RSS MiB'];
  const out = [header];
  for (const name of Object.keys(LABELS) as ScenarioName[]) {
    const r = report.runs[name];
    if (!r?.length) continue; // a report from before the scenario existed
    const m = (f: (x: RunFigures) => number) => median(r.map(f));
    out.push([
      LABELS[name], fmt(m((x) => x.rps)), fmt(m((x) => x.latencyMs.p50), 1), fmt(m((x) => x.latencyMs.p95), 1), fmt(m((x) => x.latencyMs.p99), 1),
      fmt(m((x) => x.errors)), fmt(m((x) => x.partial)), fmt(m((x) => x.sutCpuMsPerRequest), 3), fmt(m((x) => x.sutCpuCores), 2),
      fmt(m((x) => x.upstreamCpuCores), 2), fmt(m((x) => x.loadCpuCores), 2), fmt(Math.max(...r.map((x) => x.sutRssMaxMiB))),
    ]);
  }
  return out;
}

function ratioRows(report: BenchReport): string[][] {
  return [['ratio', 'value', 'target', ''], ...ratios(report).map((r) => [r.name, fmt(r.value, 2), r.target, r.met === undefined ? '' : r.met ? 'met' : 'MISSED'])];
}

/**
 * This build against `--against`'s, scenario by scenario: each figure's median, and the
 * median of the ratios of the pairs (the two runs of one round, back to back).
 */
function comparisonRows(report: BenchReport): string[][] {
  const header = ['scenario', 'per s', 'against', 'ratio', 'pairs', 'CPU ms/req', 'against', 'ratio', 'pairs', 'p50 ms', 'against', 'p99 ms', 'against', 'RSS MiB', 'against'];
  const out = [header];
  for (const name of Object.keys(LABELS) as ScenarioName[]) {
    const mine = report.runs[name] ?? [];
    const theirs = report.against?.runs[name] ?? [];
    if (!mine.length || !theirs.length) continue;
    const m = (r: RunFigures[], f: (x: RunFigures) => number) => median(r.map(f));
    const pairs = (f: (x: RunFigures) => number) => mine.map((x) => {
      const y = theirs.find((t) => t.round === x.round);
      return y ? f(x) / f(y) : NaN;
    }).filter((v) => Number.isFinite(v));
    const paired = (f: (x: RunFigures) => number) => median(pairs(f));
    // The lowest and highest ratio of a pair: how far apart two runs of one round fell.
    const spread = (f: (x: RunFigures) => number) => {
      const v = pairs(f);
      return v.length ? `${fmt(Math.min(...v), 2)}–${fmt(Math.max(...v), 2)}` : '–';
    };
    const rps = (x: RunFigures) => x.rps;
    const cpu = (x: RunFigures) => x.sutCpuMsPerRequest;
    out.push([
      LABELS[name], fmt(m(mine, rps)), fmt(m(theirs, rps)), fmt(paired(rps), 2), spread(rps),
      fmt(m(mine, cpu), 3), fmt(m(theirs, cpu), 3), fmt(paired(cpu), 2), spread(cpu),
      fmt(m(mine, (x) => x.latencyMs.p50), 1), fmt(m(theirs, (x) => x.latencyMs.p50), 1),
      fmt(m(mine, (x) => x.latencyMs.p99), 1), fmt(m(theirs, (x) => x.latencyMs.p99), 1),
      fmt(Math.max(...mine.map((x) => x.sutRssMaxMiB))), fmt(Math.max(...theirs.map((x) => x.sutRssMaxMiB))),
    ]);
  }
  return out;
}

function comparisonTitle(report: BenchReport): string {
  return `This build against ${report.against!.gateway}: each gateway scenario on both, back to back in every round (the order alternating); `
    + 'ratio = this ÷ against, the median of the rounds\' pairs (per s: higher is better; CPU: lower is better); pairs = the lowest and highest of them. '
    + 'Before trusting a ratio near 1, compare with the same build on both sides (A/A): on the shared 2-vCPU VM of 2026-11-30 those medians ranged 0.87–1.10 (bench/LOG.md).';
}

function plain(table: string[][]): string {
  const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => [...r[i]!].length)));
  return table.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')).join('\n');
}

function markdown(table: string[][]): string {
  const [head, ...body] = table;
  return [`| ${head!.join(' | ')} |`, `|${head!.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`, ...body.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function about(report: BenchReport): string {
  const { machine: m, settings: s } = report;
  return `${report.date} · ${report.mode} · ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB · ${m.os} · Node ${m.node} · commit ${report.commit}\n`
    + (s.gateway ? `Gateway measured: ${s.gateway} (not this commit's build). ` : '')
    + (s.gatewayNodeFlags?.length ? `Gateway started as node ${s.gatewayNodeFlags.join(' ')} (npm start gives no flags). ` : '')
    + `Every system under test started once and warmed up once (gateway ${s.warmupSec} s), then ${s.rounds} round(s) of ${s.durationSec} s per scenario; medians over rounds. `
    + `N = ${s.upstreamCalls} upstream requests per cold verification${s.connectorCalls ? ` (${s.connectorCalls} connector calls)` : ''}${s.lightCalls ? `, ${s.lightCalls} per light one` : ''}: the references make as many. `
    + `Cold families: ${s.families.cold} distinct; a cold run that needs more repeats some (see repeated).`;
}

export function renderTable(report: BenchReport): string {
  const repeated = Object.entries(report.runs).flatMap(([n, r]) => r.filter((x) => x.repeatedBodies > 0).map((x) => `${n} round ${x.round + 1}: ${x.repeatedBodies} repeated`));
  // `--against` with no gateway scenario compares nothing: no table then.
  const pairs = report.against ? comparisonRows(report) : [];
  const compared = pairs.length > 1 ? `\n\n${comparisonTitle(report)}\n\n${plain(pairs)}` : '';
  return `${about(report)}\n\n${plain(rows(report))}\n\n${plain(ratioRows(report))}${compared}${repeated.length ? `\n\nrepeated families: ${repeated.join('; ')}` : ''}\n`;
}

export function renderMarkdown(report: BenchReport): string {
  const pairs = report.against ? comparisonRows(report) : [];
  const compared = pairs.length > 1 ? `\n## Against another build\n\n${comparisonTitle(report)}\n\n${markdown(pairs)}\n` : '';
  return `# Tongban benchmark, ${report.date.slice(0, 10)} (${report.mode})\n\n${about(report)}\n\n${markdown(rows(report))}\n\n${markdown(ratioRows(report))}\n${compared}`;
}
