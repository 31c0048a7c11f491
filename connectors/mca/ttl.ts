/** Cache lifetimes of the MCA interfaces. An exchange costs a submission and several polls: worth keeping. */
const MINUTE = 60_000;

export const MCA_TTL = {
  /** Marriages are registered and dissolved rarely; a not-found may be a registration in progress. */
  marriage: { foundMs: 60 * MINUTE, notFoundMs: 5 * MINUTE },
  /** Entitlements are granted and reviewed monthly; a not-found may be an application being approved. */
  assistance: { foundMs: 15 * MINUTE, notFoundMs: 2 * MINUTE },
} as const;
