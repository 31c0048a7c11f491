/**
 * `npm run bench:calls [-- --concurrency N --calls N --only word]`: what one upstream call
 * costs the gateway's process, connector by connector, over real HTTP. The mock agencies run
 * in a process of their own (`npm run mocks`); this process holds only the connector hub
 * (caching off) and calls each connector N times, `concurrency` at a time, with a different
 * person each time; beside it, the floor: a bare undici GET to the trivial upstream. Prints
 * this process's CPU per call (user + system) and how many HTTP exchanges a call took (the
 * mocks count them): the per-call cost that the cold fan-out multiplies by some 60.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { Pool } from 'undici';
import { AGENCIES } from '../connectors/index.js';
import { loadPopulationFile } from '../mocks/population/load.js';
import { DEFAULT_AGENCY_CONNECTIONS } from '../schemas/config.js';
import type { ConnectorInput } from '../src/connectors/types.js';
import { ConnectorHub } from '../src/connectors/hub.js';
import { loadConfig } from '../src/config/load.js';
import { applyProcessSettings } from '../src/process-settings.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { createSubjectKeyer } from '../src/subject-key.js';
import { BENCH_DATA, benchPopulationFile, benchPopulationPath } from './families.js';
import { readEnvFile, startNode, type Started } from './proc.js';

const DIST = join(PROJECT_ROOT, 'dist');
const DATA = BENCH_DATA;

/** Requests the mocks have answered so far (all agencies, all interfaces). */
function answered(mocks: Started): Promise<number> {
  return new Promise((resolve) => {
    const on = (line: string) => {
      try {
        const { traffic } = JSON.parse(line) as { traffic?: Record<string, Record<string, number>> };
        if (!traffic) return;
        mocks.lines.off('line', on);
        resolve(Object.values(traffic).flatMap((t) => Object.values(t)).reduce((a, b) => a + b, 0));
      } catch { /* not ours */ }
    };
    mocks.lines.on('line', on);
    mocks.child.kill('SIGUSR2');
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { concurrency: { type: 'string' }, calls: { type: 'string' }, only: { type: 'string' } }, strict: true });
  const concurrency = Number(values.concurrency ?? 50);
  const calls = Number(values.calls ?? 1500);
  mkdirSync(DATA, { recursive: true });
  // The benchmark's population when it is there, else a smaller one of the same seed.
  const populationFile = existsSync(benchPopulationPath()) ? benchPopulationPath() : benchPopulationFile(2000);
  const population = loadPopulationFile(populationFile);

  const mocks = await startNode(join(DIST, 'mocks', 'cli.js'), ['--population', populationFile, '--no-quota', '--config-out', join(DATA, 'calls.config.json')], { TONGBAN_DATA_DIR: DATA });
  const upstream = await startNode(join(DIST, 'bench', 'references', 'upstream.js'), []);
  const secrets = readEnvFile(String(mocks.ready.envFile));
  const loaded = loadConfig({ file: String(mocks.ready.configFile), env: secrets });
  applyProcessSettings(loaded.config.server);
  const config = { ...loaded.config, cache: { ...loaded.config.cache, maxEntriesPerConnector: 0 } };
  const log = pino({ level: 'silent' });
  const hub = new ConnectorHub({ agencies: AGENCIES, agencyConfigs: config.agencies as Record<string, Record<string, unknown>>, config, keyer: createSubjectKeyer(config.security.subjectKeySecret), log });
  const floor = new Pool(String(upstream.ready.url), { connections: DEFAULT_AGENCY_CONNECTIONS });

  // Inputs each connector takes, from the population (a different one per call, in turn).
  const persons = population.persons.filter((p) => p.deceasedOn === undefined);
  const inputs: Record<string, ConnectorInput[]> = {
    idNumber: persons.map((p) => ({ idNumber: p.idNumber })),
    'idNumber,name': persons.map((p) => ({ idNumber: p.idNumber, name: p.name })),
    householdNumber: population.households.map((h) => ({ householdNumber: h.number })),
    certificateNumber: population.properties.map((p) => ({ certificateNumber: p.certificateNumber })),
    creditCode: population.enterprises.map((e) => ({ creditCode: e.creditCode })),
  };

  async function measure(fn: (i: number) => Promise<void>): Promise<{ cpuUs: number; wallUs: number }> {
    let next = 0;
    const run = async (n: number) => {
      next = 0;
      await Promise.all(Array.from({ length: concurrency }, async () => { while (next < n) await fn(next++); }));
    };
    await run(Math.min(500, calls)); // warm-up
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    await run(calls);
    const used = process.cpuUsage(cpu);
    return { cpuUs: (used.user + used.system) / calls, wallUs: ((performance.now() - t0) * 1000) / calls };
  }

  process.stdout.write(`${calls} calls each, ${concurrency} at a time, after a first pass over all of them that warms the JIT; CPU of this process per call\n\n`);
  let rows: string[][] = [];
  for (let pass = 0; pass < 2; pass++) {
  rows = [['call', 'µs CPU', 'HTTP exchanges', 'µs CPU per exchange']];
  const floorFigures = await measure(async (i) => {
    const res = await floor.request({ path: `/item/${i}`, method: 'GET' });
    await res.body.json();
  });
  rows.push(['floor: undici GET, trivial upstream', floorFigures.cpuUs.toFixed(0), '1', floorFigures.cpuUs.toFixed(0)]);
  for (const agency of AGENCIES) {
    for (const connector of agency.connectors) {
      if (values.only && !connector.id.includes(values.only)) continue;
      const key = Object.keys(connector.input.properties as object).join(',');
      const pool = inputs[key];
      if (!pool?.length) continue; // the school district takes an address: not a person's
      const runtime = hub.runtime(connector.id);
      const before = await answered(mocks);
      const figures = await measure(async (i) => {
        const r = await runtime.call(pool[i % pool.length]!, log);
        if (r.source.status !== 'ok' && r.source.status !== 'not_found') throw new Error(`${connector.id}: ${r.source.status} ${r.source.message ?? ''}`);
      });
      const exchanges = (await answered(mocks) - before) / (calls + Math.min(500, calls));
      rows.push([connector.id, figures.cpuUs.toFixed(0), exchanges.toFixed(1), (figures.cpuUs / exchanges).toFixed(0)]);
    }
  }
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...r[i]!].length)));
  process.stdout.write(`${rows.map((r) => r.map((c, i) => (i ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ')).join('\n')}\n`);
  await hub.close();
  await floor.close();
  mocks.child.kill('SIGTERM');
  upstream.child.kill('SIGTERM');
}

main().catch((err: unknown) => {
  process.stderr.write(`calls: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
