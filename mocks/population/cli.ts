/**
 * Writes a population file:
 *   npm run population -- --out FILE [--seed N] [--households N] [--as-of YYYY-MM-DD]
 * Bad or missing arguments: a one-line usage message on stderr, exit 2. On success a
 * one-line summary goes to stderr; nothing is written to stdout.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { isIsoDate } from './dates.js';
import { DEFAULT_AS_OF, DEFAULT_HOUSEHOLDS, DEFAULT_SEED, MAX_HOUSEHOLDS, generatePopulation } from './generator.js';
import { writePopulationFile } from './load.js';

const USAGE = `usage: npm run population -- --out FILE [--seed N (default ${DEFAULT_SEED})] [--households N (1-${MAX_HOUSEHOLDS}, default ${DEFAULT_HOUSEHOLDS})] [--as-of YYYY-MM-DD (default ${DEFAULT_AS_OF})]`;

class UsageError extends Error {}

function usage(problem: string): never {
  throw new UsageError(problem);
}

function integer(name: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^-?\d+$/.test(raw.trim())) usage(`--${name} must be an integer`);
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < min || n > max) usage(`--${name} must be from ${min} to ${max}`);
  return n;
}

function run(args: string[], write: (line: string) => void): void {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        out: { type: 'string' },
        seed: { type: 'string' },
        households: { type: 'string' },
        'as-of': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    usage(String((err as Error).message).split('\n')[0]!.replace(/\.$/, ''));
  }
  const out = values.out;
  if (typeof out !== 'string' || out === '') usage('--out FILE is required');
  const seed = integer('seed', values.seed as string | undefined, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  const households = integer('households', values.households as string | undefined, 1, MAX_HOUSEHOLDS);
  const asOf = values['as-of'] as string | undefined;
  if (asOf !== undefined && (!isIsoDate(asOf) || asOf < '1990-01-01' || asOf > '2199-12-31')) {
    usage('--as-of must be a real date YYYY-MM-DD between 1990 and 2199');
  }
  const pop = generatePopulation({ seed, households, asOf });
  writePopulationFile(pop, out);
  write(`population: ${pop.persons.length} persons, ${pop.households.length} households, ${pop.scenarios.length} scenarios `
    + `(seed ${pop.seed}, as of ${pop.asOf}) written to ${out}\n`);
}

/** The CLI with its arguments; messages go to `stderr`. Returns the exit code: 0, 2 (usage) or 1. */
export function populationCli(args: string[], stderr: (text: string) => void): number {
  try {
    run(args, stderr);
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      stderr(`population: ${err.message}; ${USAGE}\n`);
      return 2;
    }
    stderr(`population: ${(err as Error).message}\n`);
    return 1;
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = populationCli(process.argv.slice(2), (text) => process.stderr.write(text));
}
