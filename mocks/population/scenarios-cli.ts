/**
 * Prints the scenario catalog of the sandbox population as JSON on stdout, nothing else:
 *   npm run --silent scenarios
 * The population is the one `npm start` would serve: from the config (TONGBAN_CONFIG,
 * default the sandbox config) and TONGBAN_POPULATION / TONGBAN_SEED.
 */
import { loadConfig } from '../../src/config/load.js';
import { sandboxPopulation, scenarioCatalog } from './load.js';

try {
  const { config } = loadConfig();
  process.stdout.write(`${JSON.stringify(scenarioCatalog(sandboxPopulation(config.sandbox)), null, 2)}\n`);
} catch (err) {
  process.stderr.write(`scenarios: ${(err as Error).message}\n`);
  process.exitCode = 1;
}
