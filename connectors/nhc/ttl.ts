/** Cache lifetimes of the NHC interfaces. */
const MINUTE = 60_000;

export const NHC_TTL = {
  /**
   * A birth certificate, once issued, practically never changes (a reissue is rare); a
   * not-found may be a certificate being entered after a recent birth.
   */
  certificate: { foundMs: 60 * MINUTE, notFoundMs: 1 * MINUTE },
} as const;
