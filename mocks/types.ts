/**
 * A mock agency serves its slice of the population over HTTP in its agency's style.
 * It is given the same agency config block the gateway's connector uses (base URL
 * aside), so that credentials match in the sandbox and in tests.
 */
import type { Population } from '../schemas/population.js';
import type { FaultSwitch } from './kit/faults.js';
import type { Traffic } from './kit/server.js';

export interface MockStartOptions<Config> {
  population: Population;
  /** The agency's resolved config block (credentials, …), as the connector sees it. */
  agencyConfig: Config;
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Clock for signature freshness checks, injectable for tests. */
  now?: () => number;
  /** Added to every answer, in ms: the registry's own latency (benchmarks, demos). Default 0. */
  latencyMs?: number;
  /**
   * Requests per second the agency grants before it answers with its quota refusal, for
   * agencies that have one (PSB 4290). Default: the mock's own; 0: no quota (benchmarks).
   */
  quotaPerSecond?: number;
}

export interface RunningMock {
  agency: string;
  /** Base URL, e.g. http://127.0.0.1:40123 */
  url: string;
  /** Makes the running mock misbehave on purpose (mocks/kit/faults.ts). */
  faults: FaultSwitch;
  /** What it was asked, by interface (mocks/kit/server.ts). */
  traffic: Traffic;
  close(): Promise<void>;
}

export interface MockAgency<Config = any> {
  /** Same id as the connectors/<agency> module. */
  agency: string;
  start(options: MockStartOptions<Config>): Promise<RunningMock>;
  /**
   * The agency config block the sandbox uses for this agency (without baseUrl, which the
   * sandbox fills with the mock's URL). `secret(name)` gives a random secret that is made
   * once and kept under the data dir, so that restarts keep the same keys.
   */
  sandboxConfig(secret: (name: string) => string): Config;
}
