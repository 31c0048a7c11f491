/**
 * The seeded population generator: `generatePopulation({ seed, households, asOf })`
 * always returns the same population for the same options (seeded streams, fixed order; no
 * clock or Math.random inside). In order:
 *  1. employers and their bosses' families, then ordinary families (fillers.ts) up to the
 *     households the scenario families leave room for, all from the main stream
 *     (`new Rng(seed)`);
 *  2. every registered scenario family (scenarios/), each from a stream of its own,
 *     `streamSeed(seed, 'scenario:<family>')`, so that every family is present even in a
 *     tiny population: 5 of each at the default size, at least 3;
 *  3. more ordinary families, from the main stream with pools of their own, up to exactly
 *     the requested number of households;
 *  4. pupils (the school zones, the same for every seed, exist from the start, since the
 *     scenario families name the school they apply to), then the variety real registries
 *     have (variety.ts); pupils and variety draw from streams keyed by the record, not by
 *     its position.
 * A family added to the registry is built after the others (schema order), so nothing
 * built before it changes, not even by its taking a number someone else would draw: only
 * the ordinary families of step 3 are fewer (the population keeps its size) and may differ,
 * and so may the members an employer's collective household (集体户) gains from them.
 */
import type { Population } from '../../schemas/population.js';
import { Builder } from './builder/index.js';
import { isIsoDate } from './dates.js';
import { addCompanies } from './families.js';
import { fillerFamily } from './fillers.js';
import { registeredFamilies } from './scenarios/index.js';
import { buildSchoolZones, enrollStudents } from './schools.js';
import { addVariety } from './variety.js';

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
  // Zones first (they draw nothing): scenario families name the school they apply to.
  b.schoolZones.push(...buildSchoolZones());
  addCompanies(b, Math.min(4 + Math.ceil(households / 25), 300), 3);
  fillTo(b, households - scenarioRoom(households));

  const perFamily = Math.max(3, Math.round(households / 60));
  for (const family of registeredFamilies()) {
    b.withRng(b.fork(`scenario:${family.name}`), () => {
      for (let i = 0; i < perFamily; i++) {
        const { description, members, schoolCode } = family.build(b);
        b.scenarios.push({ family: family.name, description, ...(schoolCode !== undefined ? { schoolCode } : {}), members });
      }
    });
  }
  // The main stream goes on, with pools of its own: these families let no flat of a
  // landlord the first ones made, so those stay the same however many of these there are.
  b.withRng(b.rng, () => fillTo(b, households));

  b.students.push(...enrollStudents(b));
  addVariety(b);
  b.people.writeRemainingMoves();
  return b.population();
}

/**
 * Households kept free for the scenario families, which take about half of a population
 * (some 150 households with 5 examples each at the default size, 25 families): three
 * fifths, at least 150, so there is room for several more families. It depends on the
 * size only, never on which families are registered.
 */
function scenarioRoom(households: number): number {
  return Math.max(Math.ceil(households * 0.6), 150);
}

/** Ordinary families until the population has `target` households. */
function fillTo(b: Builder, target: number): void {
  while (b.people.households.length < target) fillerFamily(b, target - b.people.households.length);
}
