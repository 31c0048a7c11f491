/**
 * Reads, completes and validates the config once at start; the result is frozen.
 * Precedence: environment (HOST, PORT, TONGBAN_DATA_DIR, TONGBAN_SEED,
 * TONGBAN_POPULATION, LOG_LEVEL) over the file over the schema's defaults.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { compileProfiles, ProfileError } from '../checks/profiles.js';
import { Config } from '../../schemas/config.js';
import { describeErrors, validatorFor } from '../validation.js';
import { SANDBOX_CONFIG, resolveFromCwd } from '../paths.js';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Env = Record<string, string | undefined>;

export interface LoadConfigOptions {
  /** Config file path; default TONGBAN_CONFIG or the sandbox config. */
  file?: string;
  env?: Env;
  /** Deep-merged over the file (tests use it). */
  overrides?: Record<string, unknown>;
}

export interface LoadedConfig {
  config: Readonly<Config>;
  /** Where the config came from, for the start-up log line. */
  file: string;
  /** Secrets for the sandbox, made once and kept in the data dir. Only in sandbox mode. */
  sandboxSecret: (name: string) => string;
}

export function loadConfig(options: LoadConfigOptions = {}): LoadedConfig {
  const env = options.env ?? process.env;
  const file = options.file ?? (env.TONGBAN_CONFIG || SANDBOX_CONFIG);
  let raw: Json;
  try {
    raw = JSON.parse(readFileSync(resolveFromCwd(file), 'utf8')) as Json;
  } catch (err) {
    throw new ConfigError(`cannot read config file ${file}: ${(err as Error).message}`);
  }
  if (!isObject(raw)) throw new ConfigError(`config file ${file}: must hold a JSON object`);
  let tree = deepMerge(raw, (options.overrides ?? {}) as Json) as { [k: string]: Json };
  tree = applyEnv(tree, env);
  tree = withProfileFiles(tree, dirname(resolveFromCwd(file)));

  const sandboxOn = isObject(tree.sandbox) && tree.sandbox.enabled === true;
  const dataDir = resolveFromCwd(typeof tree.dataDir === 'string' ? tree.dataDir : './data');
  const sandboxSecret = sandboxOn ? sandboxSecretStore(dataDir) : () => {
    throw new ConfigError('sandbox secrets exist only when sandbox.enabled is true');
  };

  const resolved = resolveSecrets(tree, '', (name, path) => {
    const v = env[name];
    if (v !== undefined && v !== '') return v;
    if (sandboxOn) return sandboxSecret(name);
    throw new ConfigError(`config ${path}: environment variable ${name} is not set`);
  });

  const validate = validatorFor(Config);
  if (!validate(resolved)) {
    throw new ConfigError(`config file ${file} is invalid:\n  ${describeErrors(validate.errors).join('\n  ')}`);
  }
  try {
    compileProfiles((resolved as Config).profiles);
  } catch (err) {
    if (err instanceof ProfileError) throw new ConfigError(`config file ${file} is invalid:\n  ${err.message}`);
    throw err;
  }
  const config = deepFreeze({ ...resolved, dataDir }) as Config;
  if (config.server.headersTimeoutMs > config.server.requestTimeoutMs) {
    throw new ConfigError(`config file ${file} is invalid:\n  /server/headersTimeoutMs: must not be longer than /server/requestTimeoutMs (the whole request includes its headers)`);
  }
  return { config, file, sandboxSecret };
}

/** Adds the profiles of every `profileFiles` entry (relative to the config file) to `profiles`; a name given twice is an error. */
function withProfileFiles(tree: { [k: string]: Json }, base: string): { [k: string]: Json } {
  const files = tree.profileFiles;
  if (!Array.isArray(files) || files.length === 0) return tree;
  const profiles: { [k: string]: Json } = { ...(isObject(tree.profiles) ? tree.profiles : {}) };
  for (const f of files) {
    if (typeof f !== 'string') continue; // the schema says what is wrong
    const path = resolve(base, f);
    let content: Json;
    try {
      content = JSON.parse(readFileSync(path, 'utf8')) as Json;
    } catch (err) {
      throw new ConfigError(`cannot read profile file ${f}: ${(err as Error).message}`);
    }
    if (!isObject(content)) throw new ConfigError(`profile file ${f}: must hold a JSON object of profiles by name`);
    for (const [name, p] of Object.entries(content)) {
      if (name in profiles) throw new ConfigError(`profile file ${f}: profile ${name} is defined twice`);
      profiles[name] = p;
    }
  }
  return { ...tree, profiles };
}

function applyEnv(tree: { [k: string]: Json }, env: Env): { [k: string]: Json } {
  const out = { ...tree };
  const server = { ...(isObject(out.server) ? out.server : {}) };
  if (env.HOST) server.host = env.HOST;
  if (env.PORT) server.port = intFromEnv('PORT', env.PORT);
  out.server = server;
  if (env.TONGBAN_DATA_DIR) out.dataDir = env.TONGBAN_DATA_DIR;
  if (env.LOG_LEVEL) out.logLevel = env.LOG_LEVEL;
  const sandbox = { ...(isObject(out.sandbox) ? out.sandbox : {}) };
  if (env.TONGBAN_SEED) sandbox.seed = intFromEnv('TONGBAN_SEED', env.TONGBAN_SEED);
  if (env.TONGBAN_POPULATION) sandbox.population = env.TONGBAN_POPULATION;
  out.sandbox = sandbox;
  return out;
}

function intFromEnv(name: string, value: string): number {
  if (!/^-?\d+$/.test(value)) throw new ConfigError(`environment variable ${name} must be an integer`);
  return Number(value);
}

/** Replaces every `{ "env": "NAME" }` object in the tree by the secret's value. */
function resolveSecrets(node: Json, path: string, lookup: (name: string, path: string) => string): Json {
  if (Array.isArray(node)) return node.map((v, i) => resolveSecrets(v, `${path}/${i}`, lookup));
  if (!isObject(node)) return node;
  const keys = Object.keys(node);
  if (keys.length === 1 && keys[0] === 'env' && typeof node.env === 'string') return lookup(node.env, path || '/');
  const out: { [k: string]: Json } = {};
  for (const k of keys) out[k] = resolveSecrets(node[k]!, `${path}/${k}`, lookup);
  return out;
}

/** Random secrets for the sandbox, kept in <dataDir>/sandbox-keys.json (mode 0600). */
export function sandboxSecretStore(dataDir: string): (name: string) => string {
  const file = join(dataDir, 'sandbox-keys.json');
  const read = () => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {});
  let keys: Record<string, string> | undefined;
  return (name) => {
    keys ??= read();
    let v = keys[name];
    if (!v) {
      keys = read(); // another process may have made it meanwhile
      v = keys[name];
    }
    if (!v) {
      v = randomBytes(32).toString('base64url');
      keys[name] = v;
      mkdirSync(dataDir, { recursive: true });
      writeFileSync(file, JSON.stringify(keys, null, 2) + '\n', { mode: 0o600 });
    }
    return v;
  };
}

function isObject(v: unknown): v is { [k: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function deepMerge(base: Json, over: Json): Json {
  if (!isObject(base) || !isObject(over)) return over === undefined ? base : over;
  const out: { [k: string]: Json } = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = k in base ? deepMerge(base[k]!, v) : v;
  return out;
}

export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
