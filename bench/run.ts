/**
 * `npm run bench [-- --quick] [-- --rounds N --duration S --warmup S --only a,b
 *   --gateway PATH/dist/src/main.js --against PATH/dist/src/main.js --node-flags='--flag=value --other-flag']`
 *
 * The gateway under load, beside what it is measured against, in separate processes: the
 * mock agencies (`npm run mocks`), the gateway (`npm start` on the mocks' config, as at
 * real agencies), the load generator (autocannon), and the references (a bare Fastify
 * route; the floor aggregator and Express + axios, both making the same number of calls
 * per verification to a trivial upstream). Scenarios alternate within a round and rounds
 * repeat; every figure is the median over rounds, every ratio the median of the ratios
 * within one round (one run's figures share the machine's conditions). Each system under
 * test is started fresh for each run, so no run inherits another's cache.
 *
 * `--against` measures another build's gateway (e.g. the commit before a change, in a git
 * worktree) beside this one in the same run: each gateway scenario runs on both, back to
 * back, the order alternating from round to round, and the report adds the ratios of each
 * such pair. Runs minutes apart on a shared machine can differ twofold; a pair seconds apart
 * shares its conditions, so small changes show in the ratios long before in separate runs.
 *
 * Prints the table and writes it to bench/results/<date>-<mode>.{json,md}.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { EventEmitter } from 'node:events';
import { createServer } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { request } from 'undici';
import { DEFAULT_AGENCY_CONNECTIONS } from '../schemas/config.js';
import { loadPopulationFile } from '../mocks/population/load.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { BENCH_DATA, BENCH_HOUSEHOLDS, ONE_ROUND_FACTS, benchPopulationFile, everyFact, familiesOf, profileShape, readmeShape } from './families.js';
import type { LoadResult, LoadSpec } from './load.js';
import { cpuSeconds, readEnvFile, rssMiB } from './proc.js';
import { renderMarkdown, renderTable, type BenchReport, type RunFigures, type ScenarioName } from './report.js';

const DIST = join(PROJECT_ROOT, 'dist');
const DATA = BENCH_DATA;
const HOUSEHOLDS = BENCH_HOUSEHOLDS;
const REGISTRY_LATENCY_MS = 20;
/** Light load: 10 connections sending 50 verifications a second in all (600 registry calls a second). */
const LIGHT_RATE = 50;
/**
 * Connections to each registry under light load, the gateway's pools and the floor's alike.
 * A light verification sends its 12 calls to PSB at once and one starts every 20 ms, while
 * the calls of the one before still hold their connections: the default 16 made calls wait a
 * whole 20 ms turn for one (p50 / p99 27 / 38 ms against 25 / 28–31 with 32 or 128, in one
 * phase: bench/LOG.md), so two verifications' worth, as an operator would size a pool for a
 * registry's latency.
 */
const LIGHT_CONNECTIONS = 32;

// ---------------------------------------------------------------------------------------
// processes

interface Proc {
  name: string; child: ChildProcess; ready: Record<string, unknown>; stop(): Promise<void>;
  /** Its stdout's JSON lines after the ready one (not for a process started with a `ready` probe). */
  messages?: NodeJS.EventEmitter;
}

/** The scenarios that measure a gateway: with --against, each runs on both builds. */
const GATEWAY_SCENARIOS: readonly ScenarioName[] = ['cacheHit', 'sourceHit', 'cold', 'profile', 'down', 'light'];

/** Every process the bench started and that has not exited: stopped if the bench itself fails or is interrupted. */
const children = new Set<ChildProcess>();

function killChildren(): void {
  for (const child of children) child.kill('SIGKILL');
}

/** Starts `node <script>`; resolves with its first JSON line that says `ready` (or when `ready()` says so). */
async function start(name: string, script: string, args: string[], env: Record<string, string>, ready?: () => Promise<boolean>, nodeFlags: readonly string[] = []): Promise<Proc> {
  const child = spawn(process.execPath, [...nodeFlags, script, ...args], {
    env: { ...process.env, ...env },
    // A gateway logs a line per request: to /dev/null, so that nothing can block on a full pipe.
    stdio: ['ignore', ready ? 'ignore' : 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => { stderr = (stderr + c.toString()).slice(-4000); });
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`${name} exited (${code}) before it was ready: ${stderr}`))));
  let readyLine: Record<string, unknown>;
  const messages = ready ? undefined : new EventEmitter();
  if (ready) {
    readyLine = await Promise.race([exited, (async () => {
      for (let i = 0; i < 600; i++) {
        if (await ready().catch(() => false)) return {};
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`${name} did not become ready: ${stderr}`);
    })()]);
  } else {
    const lines = createInterface({ input: child.stdout! });
    readyLine = await Promise.race([exited, new Promise<Record<string, unknown>>((resolve) => {
      lines.on('line', (line) => {
        try {
          const json = JSON.parse(line) as Record<string, unknown>;
          if (json.ready) resolve(json);
          else messages!.emit('message', json);
        } catch { /* not ours */ }
      });
    })]);
  }
  exited.catch(() => {});
  return {
    name,
    child,
    ready: readyLine,
    ...(messages ? { messages } : {}),
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    }),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function responds(url: string): Promise<boolean> {
  const res = await request(url);
  await res.body.dump();
  return res.statusCode === 200;
}

/** Requests the mock agencies have answered so far, all agencies and interfaces together (`npm run mocks` on SIGUSR2). */
function mockRequests(mocks: Proc): Promise<number> {
  return new Promise((resolve) => {
    const onMessage = (m: { traffic?: Record<string, Record<string, number>> }) => {
      if (!m.traffic) return;
      mocks.messages!.off('message', onMessage);
      resolve(Object.values(m.traffic).flatMap((t) => Object.values(t)).reduce((a, b) => a + b, 0));
    };
    mocks.messages!.on('message', onMessage);
    mocks.child.kill('SIGUSR2');
  });
}

// ---------------------------------------------------------------------------------------
// the load generator

interface Measured { load: LoadResult; sutCpu: number; sutRssMaxMiB: number; upstreamCpu: number }

/** Runs the load generator against `spec`, measuring the system under test and its upstream while it measures. */
async function measure(spec: LoadSpec, sut: Proc, upstream: Proc | undefined, tag: string): Promise<Measured> {
  const specFile = join(DATA, `load-${tag}.json`);
  writeFileSync(specFile, JSON.stringify(spec));
  const child = spawn(process.execPath, [join(DIST, 'bench', 'load.js'), specFile], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  const lines = createInterface({ input: child.stdout! });
  const sutPid = sut.child.pid!;
  const upPid = upstream?.child.pid;
  let before = { sut: 0, up: 0 };
  let rssMax = 0;
  let sampler: NodeJS.Timeout | undefined;
  const result = await new Promise<LoadResult>((resolve, reject) => {
    child.once('exit', (code) => { if (code !== 0) reject(new Error(`load generator exited with ${code}`)); });
    lines.on('line', (line) => {
      const msg = JSON.parse(line) as { phase: string; result?: LoadResult };
      if (msg.phase === 'measuring') {
        before = { sut: cpuSeconds(sutPid), up: upPid ? cpuSeconds(upPid) : 0 };
        sampler = setInterval(() => { rssMax = Math.max(rssMax, rssMiB(sutPid)); }, 200);
      } else if (msg.phase === 'done') {
        resolve(msg.result!);
      }
    });
  });
  clearInterval(sampler);
  rssMax = Math.max(rssMax, rssMiB(sutPid));
  return {
    load: result,
    sutCpu: cpuSeconds(sutPid) - before.sut,
    sutRssMaxMiB: rssMax,
    upstreamCpu: upPid ? cpuSeconds(upPid) - before.up : 0,
  };
}

// ---------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      quick: { type: 'boolean' },
      rounds: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      only: { type: 'string' },
      // Another build's entry point (its dist/src/main.js), to compare it with this one on the same mocks and load.
      gateway: { type: 'string' },
      // Another build's entry point, measured beside this one in each round (see the top of this file).
      against: { type: 'string' },
      // Node flags for this build's gateway process only, not --against's (e.g. --node-flags=--max-semi-space-size=32): what a deployment could add, measured against the same references.
      'node-flags': { type: 'string' },
    },
    strict: true,
  });
  const gatewayEntry = values.gateway ?? join(DIST, 'src', 'main.js');
  const gatewayFlags = values['node-flags'] !== undefined ? values['node-flags'].split(/\s+/).filter(Boolean) : [];
  const quick = values.quick === true;
  const rounds = Number(values.rounds ?? (quick ? 1 : 3));
  const durationSec = Number(values.duration ?? (quick ? 5 : 10));
  // Warm-up once per system under test: the gateway's JIT needs several seconds of traffic.
  const warmupSec = Number(values.warmup ?? (quick ? 6 : 10));
  const all: ScenarioName[] = ['bare', 'cachedRoute', 'cacheHit', 'sourceHit', 'floor', 'express', 'cold', 'profile', 'down', 'lightFloor', 'light'];
  const only = values.only ? (values.only.split(',') as ScenarioName[]) : all;
  const unknown = only.filter((name) => !all.includes(name));
  if (unknown.length > 0) {
    process.stderr.write(`bench: no scenario named ${unknown.join(', ')}; the scenarios are ${all.join(', ')}\n`);
    process.exit(2);
  }
  if (values.against !== undefined && !only.some((name) => GATEWAY_SCENARIOS.includes(name))) {
    process.stderr.write(`bench: --against compares the gateway scenarios (${GATEWAY_SCENARIOS.join(', ')}); --only names none of them\n`);
  }
  const started = Date.now();
  mkdirSync(DATA, { recursive: true });

  // One population for everyone (made once, then kept under data/bench).
  const populationFile = benchPopulationFile();
  const population = loadPopulationFile(populationFile);
  const families = familiesOf(population);
  const propertiesOf = new Map<string, number>();
  for (const p of population.properties) for (const o of p.owners) propertiesOf.set(o.idNumber, (propertiesOf.get(o.idNumber) ?? 0) + 1);

  // Who is asked what. Cache hits: families whose father has one property (5 sources, the
  // README's question). Cold: every other family once, in order, from a cursor that the
  // probe, the warm-up and each measured run move on (a fresh gateway cache never saw them).
  const hitFamilies = families.filter((f) => propertiesOf.get(f.father.idNumber) === 1).slice(0, 20);
  const coldPool = families.filter((f) => !hitFamilies.includes(f)).map((f) => everyFact(f));
  // Profiles take families from the other end of the list: a full run's cold rounds (some
  // 4 500 families) and profile rounds (some 15 000) meet only near its end.
  const profilePool = families.filter((f) => !hitFamilies.includes(f)).reverse().map((f) => profileShape(f));
  // What is left of a pool past its cursor; the whole pool again once it ran out.
  const rest = (pool: string[], cursor: number) => (cursor < pool.length ? pool.slice(cursor) : pool);
  let profileCursor = 0;
  const nextProfile = () => rest(profilePool, profileCursor);
  // One registry down: the same profile question from the start of the list (its gateway caches nothing).
  let downCursor = 0;
  const nextDown = () => rest(profilePool, downCursor);
  const lightPool = families.map((f) => everyFact(f, ONE_ROUND_FACTS));
  let coldCursor = 0;
  const nextCold = (n?: number) => {
    const slice = coldPool.slice(coldCursor, n === undefined ? undefined : coldCursor + n);
    return slice.length ? slice : coldPool; // ran out: repeats, and the report says so
  };
  let lightCursor = 0;
  const nextLight = () => rest(lightPool, lightCursor);
  const hitBodies = hitFamilies.map((f) => readmeShape(f));
  // The same families in requests never sent before (a new reference each, numbered by the
  // load generator from a cursor that every run moves on): their sources come from the
  // connectors' caches, their answers are not sent again (answer-cache.ts).
  const sourceHitBodies = hitBodies.map((b) => JSON.stringify({ ...(JSON.parse(b) as object), reference: 'BENCH-@SEQ@' }));
  let sourceCursor = 0;

  const env = { TONGBAN_DATA_DIR: DATA };
  const mocksScript = join(DIST, 'mocks', 'cli.js');
  const needs = (...names: ScenarioName[]) => names.some((n) => only.includes(n));
  // The floor and Express need them too: a cold verification through the gateway counts the requests they make.
  const mocks0 = needs('cacheHit', 'sourceHit', 'cachedRoute', 'cold', 'profile', 'down', 'floor', 'express') ? await start('mocks', mocksScript, ['--population', populationFile, '--no-quota', '--config-out', join(DATA, 'mocks-0.config.json')], env) : undefined;
  const mocks20 = needs('light', 'lightFloor')
    ? await start('mocks+20ms', mocksScript, ['--population', populationFile, '--no-quota', '--latency-ms', String(REGISTRY_LATENCY_MS), '--config-out', join(DATA, 'mocks-20.config.json')], env)
    : undefined;
  const upstream = needs('floor', 'express') ? await start('upstream', join(DIST, 'bench', 'references', 'upstream.js'), [], {}) : undefined;
  // One registry down: NRP's address answered by a registry that takes requests and never answers.
  const silent = needs('down') ? await start('silent registry', join(DIST, 'bench', 'references', 'silent.js'), [], {}) : undefined;
  // The light-load reference's registry: the trivial upstream, its answers held as long as the mocks'.
  const upstream20 = needs('lightFloor') ? await start('upstream+20ms', join(DIST, 'bench', 'references', 'upstream.js'), [], { LATENCY_MS: String(REGISTRY_LATENCY_MS) }) : undefined;
  const anyMocks = mocks0 ?? mocks20;
  const secrets = anyMocks
    ? readEnvFile(String(anyMocks.ready.envFile))
    : {};

  const gateway = async (configFile: string, entry = gatewayEntry, flags = gatewayFlags) => {
    const port = await freePort();
    return start('gateway', entry, [], {
      ...env, ...secrets, TONGBAN_CONFIG: configFile, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', NODE_ENV: 'production',
    }, () => responds(`http://127.0.0.1:${port}/healthz`), flags).then((p) => ({ ...p, url: `http://127.0.0.1:${port}` }));
  };
  // `--against`: the other build's gateway beside each of this build's, on the same config.
  const twins = new Map<Sut, Sut>();
  const gatewayWithTwin = async (configFile: string): Promise<Sut> => {
    const sut = await gateway(configFile);
    if (values.against !== undefined) twins.set(sut, await gateway(configFile, values.against, []));
    return sut;
  };
  const reference = async (name: string, script: string, extra: Record<string, string> = {}) => {
    const p = await start(name, join(DIST, 'bench', 'references', script), [], { ...extra, NODE_ENV: 'production' });
    return { ...p, url: String(p.ready.url).replace(/\/$/, '') };
  };
  type Sut = Proc & { url: string };
  const spec = (sut: Sut, path: string, method: 'GET' | 'POST', connections: number, bodies?: string[], seconds = durationSec, overallRate?: number): LoadSpec => ({
    url: sut.url + path, method, connections, warmupSec: 0, durationSec: seconds, ...(bodies ? { bodies } : {}), countPartial: sut.name === 'gateway',
    ...(overallRate ? { overallRate } : {}),
  });

  // The gateways: one on the mocks as they are, one with caching off on mocks that take 20 ms
  // (light load: every call pays the registries' latency).
  const gw0Main = mocks0 ? await gatewayWithTwin(String(mocks0.ready.configFile)) : undefined;
  /** A mocks' config with caching off (and `change` applied), written under data/bench as `<name>.config.json`. */
  type GatewayConfig = Record<string, unknown> & { agencies: Record<string, Record<string, unknown>> };
  const uncached = (name: string, mocks: Proc, change: (c: GatewayConfig) => GatewayConfig = (c) => c) => {
    const file = join(DATA, `${name}.config.json`);
    const base = JSON.parse(readFileSync(String(mocks.ready.configFile), 'utf8')) as GatewayConfig;
    writeFileSync(file, JSON.stringify(change({ ...base, cache: { maxEntriesPerConnector: 0 } }), null, 2));
    return file;
  };
  // Caching off for one registry down: in a fast phase its runs ask more families than the
  // population has, and a family asked again would be a cache hit; with NRP's calls failing
  // at once, every call that is made goes to a registry, as in the profile runs.
  const downConfig = silent ? uncached('down', mocks0!, (c) => ({ ...c, agencies: { ...c.agencies, nrp: { ...c.agencies.nrp, baseUrl: String(silent.ready.url) } } })) : undefined;
  const gwDownMain = downConfig ? await gatewayWithTwin(downConfig) : undefined;
  const lightConfig = mocks20 ? uncached('light', mocks20, (c) => ({ ...c, agencies: Object.fromEntries(Object.entries(c.agencies).map(([id, a]) => [id, { ...a, connections: LIGHT_CONNECTIONS }])) })) : undefined;
  const gwLightMain = lightConfig ? await gatewayWithTwin(lightConfig) : undefined;

  // How many upstream requests a cold verification makes: the references make as many. A
  // connector call is one HTTP exchange for most agencies, more for some (MCA submits a job
  // and polls it; NRP pages): the mocks count the exchanges, the answers' sources the calls.
  let upstreamCalls = 17;
  let connectorCalls = 17;
  if (gw0Main) {
    const counts: number[] = [];
    const answeredBefore = await mockRequests(mocks0!);
    for (const body of nextCold(40)) {
      const res = await request(`${gw0Main.url}/v1/verifications`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const answer = await res.body.json() as { status: string; sources: unknown[] };
      if (res.statusCode !== 200 || answer.status !== 'complete') throw new Error(`probe verification failed: ${res.statusCode} ${JSON.stringify(answer).slice(0, 300)}`);
      counts.push(answer.sources.length);
    }
    coldCursor += counts.length;
    connectorCalls = Math.round(counts.reduce((a, b) => a + b, 0) / counts.length);
    upstreamCalls = Math.round((await mockRequests(mocks0!) - answeredBefore) / counts.length);
    // --against's twin asked as many (other families): both builds start their runs from the same history.
    const twin = twins.get(gw0Main);
    if (twin) {
      for (const body of nextCold(counts.length)) await (await request(`${twin.url}/v1/verifications`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).body.dump();
      coldCursor += counts.length;
    }
  }
  // The same for a light verification: its floor makes as many calls.
  let lightCalls = 12;
  if (gwLightMain) {
    const res = await request(`${gwLightMain.url}/v1/verifications`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: nextLight()[0]! });
    const answer = await res.body.json() as { status: string; sources: unknown[] };
    if (res.statusCode !== 200 || answer.status !== 'complete') throw new Error(`light probe failed: ${res.statusCode} ${JSON.stringify(answer).slice(0, 300)}`);
    lightCalls = answer.sources.length;
    lightCursor += 1;
    const twin = twins.get(gwLightMain);
    if (twin) {
      await (await request(`${twin.url}/v1/verifications`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: nextLight()[0]! })).body.dump();
      lightCursor += 1;
    }
  }
  // The cached route answers with the gateway's own cache-hit answer, byte for byte.
  let answerFile: string | undefined;
  if (gw0Main && needs('cachedRoute')) {
    let text = '';
    for (let i = 0; i < 2; i++) { // the second answer is served from cache, as in the cache-hit runs
      const res = await request(`${gw0Main.url}/v1/verifications`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: hitBodies[0]! });
      text = await res.body.text();
      if (res.statusCode !== 200) throw new Error(`cache-hit probe failed: ${res.statusCode} ${text.slice(0, 300)}`);
    }
    answerFile = join(DATA, 'cache-hit-answer.json');
    writeFileSync(answerFile, text);
  }
  const bare = needs('bare') ? await reference('bare', 'bare.js') : undefined;
  const floor = needs('floor') ? await reference('floor', 'floor.js', { UPSTREAM_URL: String(upstream!.ready.url), UPSTREAM_CALLS: String(upstreamCalls), UPSTREAM_CONNECTIONS: String(DEFAULT_AGENCY_CONNECTIONS) }) : undefined;
  const cachedRoute = answerFile ? await reference('cachedRoute', 'cached.js', { ANSWER_FILE: answerFile }) : undefined;
  const lightFloor = needs('lightFloor') ? await reference('lightFloor', 'floor.js', { UPSTREAM_URL: String(upstream20!.ready.url), UPSTREAM_CALLS: String(lightCalls), UPSTREAM_CONNECTIONS: String(LIGHT_CONNECTIONS) }) : undefined;
  const express = needs('express') ? await reference('express', 'express.js', { UPSTREAM_URL: String(upstream!.ready.url), UPSTREAM_CALLS: String(upstreamCalls) }) : undefined;

  // Warm-up, once each (the references need little; the gateway's JIT takes seconds).
  process.stderr.write(`bench: a cold verification of a child and two parents makes ${connectorCalls} connector calls, ${upstreamCalls} upstream requests on average; warming up\n`);
  const warm = async (sut: Sut | undefined, s: (sut: Sut) => LoadSpec, after?: (m: Measured) => void) => {
    if (!sut) return;
    for (const one of twins.has(sut) ? [sut, twins.get(sut)!] : [sut]) {
      const m = await measure(s(one), one, undefined, `warm-${one.name}`);
      after?.(m);
    }
  };
  await warm(bare, (x) => spec(x, '/', 'GET', 100, undefined, 2));
  await warm(cachedRoute, (x) => spec(x, '/v1/verifications', 'POST', 100, hitBodies, 2));
  await warm(lightFloor, (x) => spec(x, '/v1/verifications', 'POST', 10, lightPool.slice(0, 1000), 2, LIGHT_RATE * 4));
  await warm(floor, (x) => spec(x, '/v1/verifications', 'POST', 100, coldPool.slice(0, 1000), 2));
  await warm(express, (x) => spec(x, '/v1/verifications', 'POST', 100, coldPool.slice(0, 1000), 2));
  // Not when the gateway only counted the references' requests (or answered once for the cached route).
  if (needs('cacheHit', 'sourceHit', 'cold', 'profile')) {
    await warm(gw0Main, (x) => spec(x, '/v1/verifications', 'POST', 100, hitBodies, 1));
    await warm(gw0Main, (x) => spec(x, '/v1/verifications', 'POST', 100, nextCold(), warmupSec), (m) => { coldCursor += m.load.bodiesUsed; });
  }
  if (needs('profile')) await warm(gw0Main, (x) => spec(x, '/v1/verifications', 'POST', 100, nextProfile(), 1), (m) => { profileCursor += m.load.bodiesUsed; });
  // Long enough for NRP's calls to time out and its breaker to open: what is measured is the gateway while the registry stays down.
  await warm(gwDownMain, (x) => spec(x, '/v1/verifications', 'POST', 100, nextDown(), warmupSec), (m) => {
    downCursor += m.load.bodiesUsed;
    const { load } = m;
    process.stderr.write(`bench: while NRP's calls timed out and its breakers opened (the down gateway's warm-up, ${load.durationSec.toFixed(0)} s): `
      + `${load.ok} answered, ${load.partial} partial, ${load.errors + load.timeouts + load.non2xx} errors; p50 ${load.latencyMs.p50.toFixed(0)} ms, p99 ${load.latencyMs.p99.toFixed(0)} ms, max ${load.latencyMs.max.toFixed(0)} ms\n`);
  });
  await warm(gwLightMain, (x) => spec(x, '/v1/verifications', 'POST', 10, nextLight(), Math.ceil(warmupSec / 2), LIGHT_RATE * 4), (m) => { lightCursor += m.load.bodiesUsed; });
  process.stderr.write(`bench: ${rounds} round(s) of ${only.join(', ')}, ${durationSec} s each\n`);

  const runs = Object.fromEntries(all.map((name) => [name, [] as RunFigures[]])) as Record<ScenarioName, RunFigures[]>;
  const againstRuns: Partial<Record<ScenarioName, RunFigures[]>> = {};
  /** One run of `scenario`; `other`: on --against's twin of the gateway it names. */
  const measureScenario = async (scenario: ScenarioName, tag: string, other: boolean): Promise<Measured> => {
    const on = (sut: Sut) => (other ? twins.get(sut)! : sut);
    const gw0 = gw0Main && on(gw0Main);
    const gwDown = gwDownMain && on(gwDownMain);
    const gwLight = gwLightMain && on(gwLightMain);
    let m!: Measured;
    switch (scenario) {
      case 'bare': m = await measure(spec(bare!, '/', 'GET', 100), bare!, undefined, tag); break;
      case 'cachedRoute': m = await measure(spec(cachedRoute!, '/v1/verifications', 'POST', 100, hitBodies), cachedRoute!, undefined, tag); break;
      case 'cacheHit': m = await measure(spec(gw0!, '/v1/verifications', 'POST', 100, hitBodies), gw0!, mocks0, tag); break;
      case 'sourceHit':
        m = await measure({ ...spec(gw0!, '/v1/verifications', 'POST', 100, sourceHitBodies), sequence: sourceCursor }, gw0!, mocks0, tag);
        sourceCursor += m.load.bodiesUsed;
        break;
      case 'floor': m = await measure(spec(floor!, '/v1/verifications', 'POST', 100, nextCold()), floor!, upstream, tag); break;
      case 'express': m = await measure(spec(express!, '/v1/verifications', 'POST', 100, nextCold()), express!, upstream, tag); break;
      case 'cold':
        m = await measure(spec(gw0!, '/v1/verifications', 'POST', 100, nextCold()), gw0!, mocks0, tag);
        coldCursor += m.load.bodiesUsed;
        break;
      case 'profile':
        m = await measure(spec(gw0!, '/v1/verifications', 'POST', 100, nextProfile()), gw0!, mocks0, tag);
        profileCursor += m.load.bodiesUsed;
        break;
      case 'down':
        m = await measure(spec(gwDown!, '/v1/verifications', 'POST', 100, nextDown()), gwDown!, mocks0, tag);
        downCursor += m.load.bodiesUsed;
        break;
      case 'lightFloor': m = await measure(spec(lightFloor!, '/v1/verifications', 'POST', 10, lightPool.slice(0, 1000), durationSec, LIGHT_RATE), lightFloor!, upstream20, tag); break;
      case 'light':
        m = await measure(spec(gwLight!, '/v1/verifications', 'POST', 10, nextLight(), durationSec, LIGHT_RATE), gwLight!, mocks20, tag);
        lightCursor += m.load.bodiesUsed;
        break;
    }
    return m;
  };
  const figuresOf = (m: Measured, scenario: ScenarioName, round: number): RunFigures => ({
    round,
    rps: m.load.rps,
    latencyMs: m.load.latencyMs,
    requests: m.load.requests,
    errors: m.load.errors + m.load.timeouts + m.load.non2xx,
    partial: m.load.partial,
    // Cache hits repeat their 20 families by design; only cold runs count repeats.
    repeatedBodies: scenario === 'cold' || scenario === 'profile' ? m.load.repeatedBodies : 0,
    sutCpuMsPerRequest: (m.sutCpu * 1000) / Math.max(1, m.load.ok),
    sutCpuCores: m.sutCpu / m.load.durationSec,
    upstreamCpuCores: m.upstreamCpu / m.load.durationSec,
    loadCpuCores: m.load.cpuSeconds / m.load.durationSec,
    sutRssMaxMiB: m.sutRssMaxMiB,
  });
  for (let round = 0; round < rounds; round++) {
    const order = only.map((_, i) => only[(i + round) % only.length]!);
    for (const scenario of order) {
      // With --against, a gateway scenario runs on both builds back to back, this one first in even rounds.
      const sides = twins.size > 0 && GATEWAY_SCENARIOS.includes(scenario) ? (round % 2 === 0 ? [false, true] : [true, false]) : [false];
      for (const other of sides) {
        const figures = figuresOf(await measureScenario(scenario, `${scenario}-${round}${other ? '-against' : ''}`, other), scenario, round);
        if (other) (againstRuns[scenario] ??= []).push(figures);
        else runs[scenario].push(figures);
        process.stderr.write(`bench: round ${round + 1} ${scenario}${other ? ' (against)' : ''}: ${figures.rps.toFixed(0)}/s, p50 ${figures.latencyMs.p50.toFixed(1)} ms, p99 ${figures.latencyMs.p99.toFixed(1)} ms, CPU ${figures.sutCpuMsPerRequest.toFixed(3)} ms/req, errors ${figures.errors}\n`);
      }
    }
  }
  await Promise.all([bare, cachedRoute, floor, express, lightFloor, gw0Main, gwDownMain, gwLightMain, ...twins.values(), mocks0, mocks20, upstream, upstream20, silent].map((p) => p?.stop()));

  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['describe', '--always', '--dirty'], { cwd: PROJECT_ROOT, encoding: 'utf8' }).trim();
  } catch { /* not a checkout */ }
  const report: BenchReport = {
    date: new Date().toISOString(),
    mode: quick ? 'quick' : 'full',
    commit,
    machine: { cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), os: `${os.type()} ${os.release()}`, node: process.version },
    settings: { rounds, warmupSec, durationSec, upstreamCalls, connectorCalls, lightCalls, registryLatencyMs: REGISTRY_LATENCY_MS, households: HOUSEHOLDS, families: { cacheHit: hitFamilies.length, cold: coldPool.length, light: lightPool.length, profile: profilePool.length },
      ...(values.gateway ? { gateway: values.gateway } : {}), ...(gatewayFlags.length ? { gatewayNodeFlags: gatewayFlags } : {}) },
    runs,
    ...(values.against !== undefined ? { against: { gateway: values.against, runs: againstRuns } } : {}),
    elapsedSec: Math.round((Date.now() - started) / 1000),
  };
  const outDir = join(PROJECT_ROOT, 'bench', 'results');
  mkdirSync(outDir, { recursive: true });
  const stem = join(outDir, `${report.date.slice(0, 16).replace(/:/g, '-')}-${report.mode}`);
  writeFileSync(`${stem}.json`, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(`${stem}.md`, renderMarkdown(report));
  process.stdout.write(`${renderTable(report)}\nwritten: ${stem}.json, ${stem}.md (${report.elapsedSec} s)\n`);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    killChildren();
    process.exit(130);
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`bench: ${(err as Error).stack ?? String(err)}\n`);
  killChildren();
  process.exit(1);
});
