/**
 * `npm run mocks`: the mock agencies alone, and a gateway config that points at them as at
 * real agencies (sandbox off, secrets from the environment), with a fixed added latency.
 */
import { readFileSync, statSync } from 'node:fs';
import t from 'tap';
import { mocksOptions, startMocks } from '../../mocks/cli.js';
import { loadConfig } from '../../src/config/load.js';
import { createGateway } from '../../src/gateway.js';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { ROOT, runCli } from '../population/fixtures/run.js';
import { family, smallPopulation } from '../helpers/gateway.js';
import { writePopulationFile } from '../../mocks/population/load.js';
import { join } from 'node:path';
import { request } from 'undici';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { addressInUseMessage } from '../../src/address-in-use.js';

t.test('a gateway started on the written config verifies against the mocks', async (t) => {
  const dir = t.testdir();
  const pop = smallPopulation();
  writePopulationFile(pop, join(dir, 'pop.json'));
  const mocks = await startMocks({ dataDir: dir, population: join(dir, 'pop.json'), noQuota: true });
  t.teardown(() => mocks.close());
  t.same(mocks.mocks.map((m) => m.agency).sort(), ['amr', 'edu', 'hrss', 'hud', 'mca', 'nhc', 'nrp', 'psb'], 'one mock per agency');

  const config = JSON.parse(readFileSync(mocks.configFile, 'utf8'));
  t.equal(config.sandbox.enabled, false, 'as at real agencies: no sandbox');
  t.same(config.agencies.psb.appSecret, { env: 'TONGBAN_PSB_APP_SECRET' }, 'secrets are named, not written');
  t.notOk(readFileSync(mocks.configFile, 'utf8').includes(mocks.env.TONGBAN_PSB_APP_SECRET!), 'the secret is not in the config');
  t.equal(statSync(mocks.envFile).mode & 0o777, 0o600, 'the env file is private');
  const env = Object.fromEntries(readFileSync(mocks.envFile, 'utf8').trim().split('\n').map((l) => l.split(/=(.*)/s).slice(0, 2) as [string, string]));
  t.same(Object.keys(env).sort(), [
    'TONGBAN_AMR_ACCESS_KEY', 'TONGBAN_EDU_API_TOKEN', 'TONGBAN_HRSS_API_KEY', 'TONGBAN_HUD_CLIENT_SECRET',
    'TONGBAN_MCA_EXCHANGE_TOKEN', 'TONGBAN_NHC_APP_SECRET', 'TONGBAN_NRP_TOKEN', 'TONGBAN_PSB_APP_SECRET', 'TONGBAN_SUBJECT_KEY_SECRET',
  ]);
  const written = readFileSync(mocks.configFile, 'utf8');
  for (const [name, value] of Object.entries(env)) t.notOk(written.includes(value), `${name} is not in the config`);

  const gateway = await createGateway({ loaded: loadConfig({ file: mocks.configFile, env: { ...env, LOG_LEVEL: 'silent' } }) });
  t.teardown(() => gateway.close());
  const url = await gateway.app.listen({ host: '127.0.0.1', port: 0 });
  const fam = family(pop, 'house-hukou-match');
  const res = await request(`${url}/v1/verifications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      purpose: 'enrollment.primary',
      subjects: [{ ref: 'child', idNumber: fam.child!.idNumber, name: fam.child!.name }, { ref: 'father', idNumber: fam.father!.idNumber, name: fam.father!.name }],
      facts: { child: ['identity', 'hukou', 'household'], father: ['properties'] },
    }),
  });
  const body = await res.body.json() as { status: string; sources: { status: string }[] };
  t.equal(res.statusCode, 200);
  t.equal(body.status, 'complete');
  t.ok(body.sources.length >= 4 && body.sources.every((s) => s.status === 'ok' || s.status === 'not_found'), 'every source answered');
});

t.test('--latency-ms holds every answer back', async (t) => {
  const dir = t.testdir();
  writePopulationFile(smallPopulation(), join(dir, 'pop.json'));
  const mocks = await startMocks({ dataDir: dir, population: join(dir, 'pop.json'), latencyMs: 60_000 });
  t.teardown(() => mocks.close());
  // An answer held a minute is not there after a fraction of a second; without latency it is.
  const held = request(`${mocks.mocks[0]!.url}/nothing`, { method: 'POST', signal: AbortSignal.timeout(300) });
  await t.rejects(held, /aborted|timeout/i, 'not answered while held');
  const quick = await startMocks({ dataDir: dir, population: join(dir, 'pop.json'), configOut: join(dir, 'quick.json') });
  t.teardown(() => quick.close());
  const res = await request(`${quick.mocks[0]!.url}/nothing`, { method: 'POST', signal: AbortSignal.timeout(5000) });
  await res.body.dump();
  t.ok(res.statusCode >= 200, 'answered at once without latency');
});

t.test('the command line', async (t) => {
  t.same(mocksOptions(['--latency-ms', '20', '--port', '9101', '--no-quota', '--households', '500'], { TONGBAN_DATA_DIR: '/x' }), {
    host: undefined, port: 9101, latencyMs: 20, noQuota: true, seed: undefined, households: 500, population: undefined, dataDir: '/x', configOut: undefined,
  });
  for (const bad of [['--latency-ms', 'soon'], ['--port', '70000'], ['--households', '5'], ['--bogus'], ['positional']]) {
    t.throws(() => mocksOptions(bad, {}), /must be|Unknown option|Unexpected argument/, bad.join(' '));
  }
  const r = runCli('mocks/cli.ts', ['--latency-ms', 'soon'], { cwd: t.testdir() });
  t.equal(r.status, 2, 'a usage error exits 2');
  t.match(r.stderr, /usage: npm run mocks/);
});

t.test('on SIGUSR2 the mocks say how many requests each interface answered', async (t) => {
  const dir = t.testdir();
  writePopulationFile(smallPopulation(), join(dir, 'pop.json'));
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('TONGBAN_') && !k.startsWith('TAP') && !k.startsWith('NODE_OPTIONS')) env[k] = v;
  // One process (tsx's loader in node itself): the signal reaches the mocks, not a wrapper.
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'mocks/cli.ts'), '--population', join(dir, 'pop.json'), '--no-quota', '--config-out', join(dir, 'm.json')], {
    cwd: dir, env: { ...env, TONGBAN_DATA_DIR: dir }, stdio: ['ignore', 'pipe', 'ignore'],
  });
  t.teardown(() => { child.kill('SIGTERM'); });
  const lines = createInterface({ input: child.stdout! });
  const next = (has: string) => new Promise<Record<string, unknown>>((resolve) => {
    const on = (line: string) => {
      const json = JSON.parse(line) as Record<string, unknown>;
      if (has in json) { lines.off('line', on); resolve(json); }
    };
    lines.on('line', on);
  });
  const ready = await next('ready') as { mocks: Record<string, string> };
  const before = next('traffic');
  child.kill('SIGUSR2');
  t.same((await before).traffic, { psb: {}, nrp: {}, hud: {}, hrss: {}, amr: {}, mca: {}, nhc: {}, edu: {} }, 'nothing answered yet');
  for (let i = 0; i < 2; i++) {
    const res = await request(`${ready.mocks.psb}/api/v2/query/czrk`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    await res.body.dump();
  }
  const after = next('traffic');
  child.kill('SIGUSR2');
  const { traffic } = await after as { traffic: Record<string, Record<string, number>> };
  t.equal(Object.values(traffic.psb!).reduce((a, b) => a + b, 0), 2, 'PSB counted both requests (refused unsigned, still answered)');
  t.same(traffic.nrp, {}, 'the others none');
});

t.test('a taken first port stops the mocks with one line that names it', async (t) => {
  const dir = t.testdir();
  writePopulationFile(smallPopulation(), join(dir, 'pop.json'));
  const holder = createServer();
  holder.listen(0, '127.0.0.1');
  await once(holder, 'listening');
  t.teardown(() => holder.close());
  const { port } = holder.address() as AddressInfo;
  const r = runCli('mocks/cli.ts', ['--population', join(dir, 'pop.json'), '--port', String(port), '--config-out', join(dir, 'm.json')], { cwd: dir, env: { TONGBAN_DATA_DIR: dir } });
  t.equal(r.status, 1);
  t.equal(r.stderr, `mocks: ${addressInUseMessage('127.0.0.1', port, 'choose another first port with --port (each agency takes the next one)')}\n`);
});
