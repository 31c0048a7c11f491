/** Cache lifetimes of the HUD interfaces. */
const MINUTE = 60_000;

export const HUD_TTL = {
  /**
   * Filings change when a contract is filed or cancelled, a lease registered or ended: rarely
   * within a verification's day. A not-found may be a filing in progress, so it is kept short.
   */
  filing: { foundMs: 10 * MINUTE, notFoundMs: 1 * MINUTE },
} as const;
