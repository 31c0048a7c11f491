/** Cache lifetimes of the AMR interfaces. */
const MINUTE = 60_000;

export const AMR_TTL = {
  /** Registrations and their status change rarely; a not-found may be a registration in progress. */
  register: { foundMs: 30 * MINUTE, notFoundMs: 1 * MINUTE },
} as const;
