const MINUTE = 60_000;

/** Cache lifetimes of the NRP connectors: rights change rarely, restrictions (seizures) can come any day. */
export const NRP_TTL = {
  property: { foundMs: 30 * MINUTE, notFoundMs: 1 * MINUTE },
  restrictions: { foundMs: 5 * MINUTE, notFoundMs: 1 * MINUTE },
} as const;
