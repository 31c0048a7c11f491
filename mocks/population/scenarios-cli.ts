/**
 * Prints the scenario catalog of the sandbox population as JSON on stdout, nothing else:
 *   npm run --silent scenarios
 * The population is the one `npm start` would serve: from the config (TONGBAN_CONFIG,
 * default the sandbox config) and TONGBAN_POPULATION / TONGBAN_SEED.
 */
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../../src/config/load.js';
import { sandboxPopulation, scenarioCatalog } from './load.js';

/** The CLI in an environment; returns the exit code (0, or 1 with a message on stderr). */
export function scenariosCli(env: Record<string, string | undefined>, stdout: (text: string) => void, stderr: (text: string) => void): number {
  try {
    const { config } = loadConfig({ env });
    stdout(`${JSON.stringify(scenarioCatalog(sandboxPopulation(config.sandbox)), null, 2)}\n`);
    return 0;
  } catch (err) {
    stderr(`scenarios: ${(err as Error).message}\n`);
    return 1;
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = scenariosCli(process.env, (text) => process.stdout.write(text), (text) => process.stderr.write(text));
}
