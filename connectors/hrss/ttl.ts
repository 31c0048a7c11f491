/** Cache lifetimes of the HRSS interfaces. */
const MINUTE = 60_000;

export const HRSS_TTL = {
  /** Whether someone is insured changes on any working day (a job ends, a new one is registered). */
  status: { foundMs: 10 * MINUTE, notFoundMs: 1 * MINUTE },
  /** Contribution months are posted once a month; a not-found may be an enrolment in progress. */
  history: { foundMs: 30 * MINUTE, notFoundMs: 1 * MINUTE },
  /** Employment registrations change rarely. */
  employment: { foundMs: 30 * MINUTE, notFoundMs: 1 * MINUTE },
} as const;
