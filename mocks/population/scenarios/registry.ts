/**
 * The registry of scenario families. Each family module calls `registerFamily` once, when it
 * is imported (scenarios/index.ts imports them all). The generator builds every registered
 * family from a stream of its own, `streamSeed(seed, `scenario:${name}`)`, so a family's
 * people and numbers do not depend on which other families exist.
 *
 * Build order (and the order of `population.scenarios`) is the schema's SCENARIO_FAMILIES
 * order, whatever order the modules were imported in; a name the schema does not list (a
 * test's throwaway family) comes after them, in order of registration.
 */
import { SCENARIO_FAMILIES, type Scenario, type ScenarioFamily } from '../../../schemas/population.js';
import type { Builder } from '../builder/index.js';

export type ScenarioMember = Scenario['members'][number];

/** One family built for a scenario: what a platform would send about it. */
export interface ScenarioExample {
  /** One sentence about this family in particular. */
  description: string;
  members: ScenarioMember[];
  /**
   * The school the family applies to (families with a child): the zone school of the
   * child's hukou address, or of the rented flat for migrants (`zoneSchool`).
   */
  schoolCode?: string;
}

export interface FamilyDefinition {
  /** Also the scenario records' `family`; the population schema lists the names it accepts. */
  name: ScenarioFamily;
  /** One English sentence: what every family of this kind exemplifies. */
  description: string;
  /**
   * Adds one family to the population and says who its members are. Every draw goes
   * through `b` (its primitives use the family's stream while it is built).
   */
  build(b: Builder): ScenarioExample;
}

const registered: FamilyDefinition[] = [];

/** Registers a family; the returned function removes it again (for tests). */
export function registerFamily(def: FamilyDefinition): () => void {
  if (registered.some((f) => f.name === def.name)) throw new Error(`scenario family ${def.name} is registered twice`);
  registered.push(def);
  return () => {
    const i = registered.indexOf(def);
    if (i >= 0) registered.splice(i, 1);
  };
}

/** Every registered family, in build order. */
export function registeredFamilies(): readonly FamilyDefinition[] {
  const rank = (f: FamilyDefinition) => {
    const i = SCENARIO_FAMILIES.indexOf(f.name);
    return i < 0 ? SCENARIO_FAMILIES.length : i;
  };
  // Array.prototype.sort is stable: unlisted names keep their order of registration.
  return [...registered].sort((a, b) => rank(a) - rank(b));
}

/** The family's description (throws for a family nobody registered). */
export function familyDescription(name: ScenarioFamily): string {
  const def = registered.find((f) => f.name === name);
  if (!def) throw new Error(`scenario family ${name} is not registered`);
  return def.description;
}
