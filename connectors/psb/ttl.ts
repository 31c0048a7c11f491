/** Cache lifetimes of the PSB interfaces. */
const MINUTE = 60_000;

export const PSB_TTL = {
  /** Registry data changes rarely; a not-found may be a registration in progress. */
  registry: { foundMs: 10 * MINUTE, notFoundMs: 1 * MINUTE },
  /** Asked for every subject of every verification, and it hardly ever changes. */
  identity: { foundMs: 60 * MINUTE, notFoundMs: 1 * MINUTE },
} as const;
