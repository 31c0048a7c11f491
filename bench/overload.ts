/**
 * `npm run bench:overload [-- --connections N --duration S --gateway PATH]`: more cold
 * verifications at once than the machine can answer (300 connections by default, each
 * sending a different family's every-fact question as soon as its last was answered), and
 * what comes back: how many answers are complete, partial (the deadline cut a registry
 * call) or refused (503, the gateway at capacity). The mocks and the gateway run in
 * processes of their own, as in `npm run bench`; `--gateway` runs another build's
 * dist/src/main.js on the same mocks, to compare.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { request } from 'undici';
import { loadPopulationFile } from '../mocks/population/load.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { BENCH_DATA, benchPopulationFile, everyFact, familiesOf } from './families.js';
import { readEnvFile, startNode } from './proc.js';

const DIST = join(PROJECT_ROOT, 'dist');
const DATA = BENCH_DATA;

async function main(): Promise<void> {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { connections: { type: 'string' }, duration: { type: 'string' }, gateway: { type: 'string' } }, strict: true });
  const connections = Number(values.connections ?? 300);
  const duration = Number(values.duration ?? 20);
  mkdirSync(DATA, { recursive: true });
  const populationFile = benchPopulationFile();
  const bodies = familiesOf(loadPopulationFile(populationFile)).map((f) => everyFact(f));

  const { child: mocks, ready } = await startNode(join(DIST, 'mocks', 'cli.js'), ['--population', populationFile, '--no-quota', '--config-out', join(DATA, 'overload.config.json')], { TONGBAN_DATA_DIR: DATA });
  const secrets = readEnvFile(String(ready.envFile));
  const port = 4390;
  const gateway = spawn(process.execPath, [values.gateway ?? join(DIST, 'src', 'main.js')], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ...secrets, TONGBAN_CONFIG: String(ready.configFile), PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', NODE_ENV: 'production' },
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    const up = await request(`${url}/healthz`).then((r) => r.body.dump().then(() => r.statusCode === 200), () => false);
    if (up) break;
    if (i > 300) throw new Error('the gateway did not start');
    await new Promise((r) => setTimeout(r, 100));
  }

  let next = 0;
  const counts = { complete: 0, partial: 0, refused: 0, other: 0 };
  const result = await autocannon({
    url: `${url}/v1/verifications`,
    method: 'POST',
    connections,
    duration,
    // A verification may wait its turn up to admission.queueTimeoutMs: longer than autocannon's 10 s default.
    timeout: 30,
    headers: { 'content-type': 'application/json' },
    requests: [{
      setupRequest: (req: Record<string, unknown>) => ({ ...req, body: bodies[next++ % bodies.length] }),
      onResponse: (status: number, body: string) => {
        if (status === 503) counts.refused++;
        else if (status !== 200) counts.other++;
        else if (body.includes('"status":"partial"')) counts.partial++;
        else counts.complete++;
      },
    }],
  } as unknown as autocannon.Options);
  process.stdout.write(`${connections} connections, ${duration} s, gateway ${values.gateway ?? 'dist/src/main.js'}\n`
    + `answered ${Math.round(result.requests.average)}/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms; `
    + `complete ${counts.complete}, partial ${counts.partial}, refused (503) ${counts.refused}, other ${counts.other}, errors ${result.errors}, timeouts ${result.timeouts}\n`);
  gateway.kill('SIGTERM');
  mocks.kill('SIGTERM');
}

main().catch((err: unknown) => {
  process.stderr.write(`overload: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
