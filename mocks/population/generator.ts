/**
 * The seeded population generator: `generatePopulation({ seed, households, asOf })`
 * always returns the same population for the same options (one PRNG, fixed order; no
 * clock or Math.random inside). Employers come first, then the scenario families (so
 * that every family is present even in a tiny population), then ordinary families until
 * the requested number of households, then school zones, pupils and unknown persons, then
 * the variety real registries have (variety.ts, from a stream of its own).
 */
import { SCENARIO_FAMILIES, type Population } from '../../schemas/population.js';
import { Builder } from './builder.js';
import { Rng, streamSeed } from './random.js';
import { addVariety } from './variety.js';
import { isIsoDate } from './dates.js';
import { addCompanies } from './families.js';
import { fillerFamily } from './fillers.js';
import { SCENARIO_BUILDERS, unknownPerson } from './scenarios.js';
import { buildSchoolZones, enrollStudents } from './schools.js';

export const DEFAULT_SEED = 20260901;
export const DEFAULT_HOUSEHOLDS = 300;
export const MAX_HOUSEHOLDS = 20_000;
/**
 * The date the default population describes: the start of the 2026 enrollment year. Fixed,
 * so that the same seed gives the same people on any day (README examples stay true).
 */
export const DEFAULT_AS_OF = '2026-09-01';

export interface GenerateOptions {
  seed?: number;
  /** Target number of households (scenario families may take more in tiny populations). */
  households?: number;
  /** YYYY-MM-DD, the population's "today"; default DEFAULT_AS_OF. */
  asOf?: string;
}

export function generatePopulation(opts: GenerateOptions = {}): Population {
  const seed = opts.seed ?? DEFAULT_SEED;
  const households = opts.households ?? DEFAULT_HOUSEHOLDS;
  const asOf = opts.asOf ?? DEFAULT_AS_OF;
  if (!Number.isSafeInteger(seed)) throw new RangeError('seed must be a safe integer');
  if (!Number.isInteger(households) || households < 1 || households > MAX_HOUSEHOLDS) {
    throw new RangeError(`households must be an integer from 1 to ${MAX_HOUSEHOLDS}`);
  }
  if (!isIsoDate(asOf) || asOf < '1990-01-01' || asOf > '2199-12-31') {
    throw new RangeError('asOf must be a real date YYYY-MM-DD between 1990 and 2199');
  }

  const b = new Builder(seed, asOf);
  addCompanies(b, Math.min(4 + Math.ceil(households / 25), 300), 3);

  const perFamily = Math.max(3, Math.round(households / 60));
  const built = SCENARIO_FAMILIES.filter((f): f is keyof typeof SCENARIO_BUILDERS => f !== 'unknown-person');
  for (let i = 0; i < perFamily; i++) {
    for (const family of built) b.scenarios.push(SCENARIO_BUILDERS[family](b));
  }
  while (b.households.length < households) fillerFamily(b);

  b.schoolZones.push(...buildSchoolZones());
  b.students.push(...enrollStudents(b));
  for (let i = 0; i < perFamily; i++) b.scenarios.push(unknownPerson(b));
  // From a stream of its own: ended and other-kind restrictions, renewed permits.
  addVariety(b, new Rng(streamSeed(seed, 'variety')));
  b.writeRemainingMoves();
  b.scenarios.sort((x, y) => SCENARIO_FAMILIES.indexOf(x.family) - SCENARIO_FAMILIES.indexOf(y.family));
  return b.population();
}
