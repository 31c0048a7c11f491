/**
 * `npm run mocks`: the mock agencies alone, in a process of their own, standing in for the
 * real registries; and a gateway config that points at them as it would at real agencies.
 *
 *   npm run mocks -- [--latency-ms N] [--host H] [--port P] [--seed N] [--households N]
 *                    [--population FILE] [--no-quota] [--config-out FILE]
 *
 * --latency-ms  added to every answer (a registry's own latency); default 0
 * --port        the first agency's port, each next agency the next one; default: free ports
 * --no-quota    agencies grant unlimited requests per second (benchmarks)
 * --config-out  where the gateway config goes; default <data dir>/mocks.config.json
 *
 * The config names its secrets as `{ "env": … }`; their values go to `mocks.env` beside it
 * (the same keys the sandbox keeps in <data dir>/sandbox-keys.json). Start a gateway on it:
 *   set -a; . data/mocks.env; set +a; TONGBAN_CONFIG=data/mocks.config.json npm start
 * One line on stderr says where everything is; then the mocks run until SIGINT or SIGTERM.
 * On SIGUSR2 they write one JSON line on stdout, `{"traffic": {agency: {interface: n}}}`: the
 * requests each has answered so far (the benchmark counts a verification's HTTP exchanges).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { addressInUseMessage, isAddressInUse } from '../src/address-in-use.js';
import { sandboxSecretStore } from '../src/config/load.js';
import { SHIPPED_PROFILES } from '../src/paths.js';
import { MOCKS } from './index.js';
import { sandboxPopulation } from './population/load.js';
import type { RunningMock } from './types.js';

export interface MocksOptions {
  host?: string;
  /** First port (0: free ports). */
  port?: number;
  latencyMs?: number;
  noQuota?: boolean;
  seed?: number;
  households?: number;
  population?: string;
  dataDir: string;
  configOut?: string;
}

export interface RunningMocks {
  mocks: RunningMock[];
  configFile: string;
  envFile: string;
  /** The secrets the config refers to, by environment variable. */
  env: Record<string, string>;
  close(): Promise<void>;
}

const SUBJECT_KEY_VARIABLE = 'TONGBAN_SUBJECT_KEY_SECRET';
/** `psb-app-secret` → `TONGBAN_PSB_APP_SECRET`. */
function variableFor(secretName: string): string {
  return `TONGBAN_${secretName.replace(/[^A-Za-z0-9]+/g, '_').toUpperCase()}`;
}

export async function startMocks(options: MocksOptions): Promise<RunningMocks> {
  const population = sandboxPopulation({ population: options.population, seed: options.seed, households: options.households });
  const store = sandboxSecretStore(options.dataDir);
  const env: Record<string, string> = { [SUBJECT_KEY_VARIABLE]: store(SUBJECT_KEY_VARIABLE) };
  const agencies: Record<string, Record<string, unknown>> = {};
  const running: RunningMock[] = [];
  try {
    for (const [i, mock] of MOCKS.entries()) {
      const secrets = new Map<string, string>();
      const block = mock.sandboxConfig((name: string) => {
        const value = store(name);
        secrets.set(value, variableFor(name));
        return value;
      }) as Record<string, unknown>;
      const started = await mock.start({
        population,
        agencyConfig: block,
        host: options.host ?? '127.0.0.1',
        port: options.port ? options.port + i : 0,
        latencyMs: options.latencyMs ?? 0,
        ...(options.noQuota ? { quotaPerSecond: 0 } : {}),
      });
      running.push(started);
      // No `connections`: the gateway's default pool, as a deployment starts with. 128 per
      // agency (847 sockets open in a cold run) cost the gateway 7–22 % more CPU per cold
      // verification than the default 16, for no more throughput (bench/LOG.md).
      const written: Record<string, unknown> = { baseUrl: started.url };
      for (const [key, value] of Object.entries(block)) {
        const variable = typeof value === 'string' ? secrets.get(value) : undefined;
        if (variable) env[variable] = value as string;
        written[key] = variable ? { env: variable } : value;
      }
      agencies[mock.agency] = written;
    }
  } catch (err) {
    await Promise.all(running.map((m) => m.close()));
    throw err;
  }

  const configFile = resolve(options.configOut ?? join(options.dataDir, 'mocks.config.json'));
  const envFile = join(dirname(configFile), 'mocks.env');
  const config = {
    server: { host: '127.0.0.1', port: 8080 },
    logLevel: 'info',
    dataDir: resolve(options.dataDir),
    security: { subjectKeySecret: { env: SUBJECT_KEY_VARIABLE } },
    sandbox: { enabled: false },
    // A gateway at these mocks answers the shipped admission profiles too.
    profileFiles: [SHIPPED_PROFILES],
    agencies,
  };
  mkdirSync(dirname(configFile), { recursive: true });
  writeFileSync(configFile, `${JSON.stringify(config, null, 2)}\n`);
  writeFileSync(envFile, Object.entries(env).map(([k, v]) => `${k}=${v}\n`).join(''), { mode: 0o600 });
  return {
    mocks: running,
    configFile,
    envFile,
    env,
    close: async () => { await Promise.all(running.map((m) => m.close())); },
  };
}

class UsageError extends Error {}

const USAGE = 'usage: npm run mocks -- [--latency-ms N] [--host H] [--port P] [--seed N] [--households N] [--population FILE] [--no-quota] [--config-out FILE]';

function integer(name: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min || n > max) throw new UsageError(`--${name} must be an integer from ${min} to ${max}`);
  return n;
}

/** Reads the command line into options (UsageError on a bad one). */
export function mocksOptions(args: string[], env: Record<string, string | undefined>): MocksOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        'latency-ms': { type: 'string' }, host: { type: 'string' }, port: { type: 'string' }, seed: { type: 'string' },
        households: { type: 'string' }, population: { type: 'string' }, 'no-quota': { type: 'boolean' }, 'config-out': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new UsageError(String((err as Error).message).split('\n')[0]!);
  }
  return {
    host: values.host,
    port: integer('port', values.port, 1, 65535),
    latencyMs: integer('latency-ms', values['latency-ms'], 0, 60_000),
    noQuota: values['no-quota'] === true,
    seed: integer('seed', values.seed, 0, Number.MAX_SAFE_INTEGER),
    households: integer('households', values.households, 20, 20_000),
    population: values.population ?? env.TONGBAN_POPULATION,
    dataDir: env.TONGBAN_DATA_DIR || './data',
    configOut: values['config-out'],
  };
}

async function main(): Promise<void> {
  let options: MocksOptions;
  try {
    options = mocksOptions(process.argv.slice(2), process.env);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`mocks: ${err.message}; ${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const started = await startMocks(options);
  process.stderr.write(`mocks: ${started.mocks.map((m) => `${m.agency} ${m.url}`).join(', ')}`
    + `${options.latencyMs ? ` (+${options.latencyMs} ms per answer)` : ''}; gateway config ${started.configFile}, secrets in ${started.envFile}\n`);
  // Ready for whoever started us (the benchmark waits for this line on stdout).
  process.stdout.write(`${JSON.stringify({ ready: true, configFile: started.configFile, envFile: started.envFile, mocks: Object.fromEntries(started.mocks.map((m) => [m.agency, m.url])) })}\n`);
  process.on('SIGUSR2', () => {
    process.stdout.write(`${JSON.stringify({ traffic: Object.fromEntries(started.mocks.map((m) => [m.agency, m.traffic.snapshot()])) })}\n`);
  });
  const stop = () => { void started.close().then(() => process.exit(0)); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    const message = isAddressInUse(err)
      ? addressInUseMessage(err.address ?? '127.0.0.1', err.port ?? 0, 'choose another first port with --port (each agency takes the next one)')
      : (err as Error).message;
    process.stderr.write(`mocks: ${message}\n`);
    process.exit(1);
  });
}
