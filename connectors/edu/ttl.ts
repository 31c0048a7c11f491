/** Cache lifetimes of the EDU interfaces. */
const MINUTE = 60_000;

export const EDU_TTL = {
  /** 学籍 changes at term boundaries and on transfers; a not-found may be a pupil being registered. */
  studentStatus: { foundMs: 30 * MINUTE, notFoundMs: 1 * MINUTE },
  /** Zones are published once a year before admissions; the bureau never answers not_found for them. */
  zones: { foundMs: 6 * 60 * MINUTE, notFoundMs: 1 * MINUTE },
} as const;
