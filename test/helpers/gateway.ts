/**
 * Starts the real gateway in sandbox mode (mock agencies on free ports, a small generated
 * population) and listens on a free port, for tests that talk to it over HTTP. Every log
 * line is captured so tests can read what an operator would see.
 */
import { Writable } from 'node:stream';
import { request } from 'undici';
import type { Test } from 'tap';
import { loadConfig } from '../../src/config/load.js';
import { createGateway, type Gateway } from '../../src/gateway.js';
import { generatePopulation } from '../../mocks/population/generator.js';
import type { Population, ScenarioFamily } from '../../schemas/population.js';

export const TEST_SECRET = 'test-subject-key-secret-0123456789abcdef';

const populations = new Map<number, Population>();

/** A small population, made once per test file and seed. */
export function smallPopulation(seed = 7): Population {
  let p = populations.get(seed);
  if (!p) {
    p = generatePopulation({ seed, households: 40, asOf: '2026-09-01' });
    populations.set(seed, p);
  }
  return p;
}

export interface TestGateway {
  gateway: Gateway;
  url: string;
  population: Population;
  /** Every log line so far, as parsed JSON. */
  logs(): Array<Record<string, unknown>>;
  /** Raw log text so far. */
  logText(): string;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any; headers: Record<string, unknown> }>;
  get(path: string): Promise<{ status: number; body: any }>;
}

export async function startTestGateway(t: Test, options: { overrides?: Record<string, unknown>; population?: Population } = {}): Promise<TestGateway> {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      cb();
    },
  });
  const loaded = loadConfig({
    env: { TONGBAN_DATA_DIR: t.testdir(), TONGBAN_SUBJECT_KEY_SECRET: TEST_SECRET },
    overrides: { logLevel: 'info', server: { port: 0 }, ...options.overrides },
  });
  const population = options.population ?? smallPopulation();
  const gateway = await createGateway({ loaded, logStream: stream, population });
  const url = await gateway.app.listen({ host: '127.0.0.1', port: 0 });
  t.teardown(() => gateway.close());

  const call = async (method: 'GET' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await request(url + path, {
      method,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.body.text();
    let parsed: unknown = text;
    try { parsed = JSON.parse(text); } catch { /* not JSON: keep the text */ }
    return { status: res.statusCode, body: parsed as any, headers: res.headers as Record<string, unknown> };
  };

  return {
    gateway,
    url,
    population,
    logs: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>),
    logText: () => lines.join('\n'),
    post: (path, body, headers) => call('POST', path, body, headers),
    get: (path) => call('GET', path),
  };
}

/** The first example family of a scenario, members by ref. */
export function family(population: Population, scenario: ScenarioFamily, index = 0) {
  const examples = population.scenarios.filter((s) => s.family === scenario);
  const ex = examples[index];
  if (!ex) throw new Error(`population has no example ${index} of ${scenario}`);
  return Object.fromEntries(ex.members.map((m) => [m.ref, m])) as Record<string, { ref: string; idNumber: string; name: string; registeredName?: string }>;
}
