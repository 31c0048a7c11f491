/** The EDU block of the gateway config (besides baseUrl/connections, which every agency has). */
import { Type, type Static } from '@sinclair/typebox';

export const EduConfig = Type.Object({
  /** The static API token the bureau issued, sent as `Authorization: Bearer <token>`; never logged. No default. */
  token: Type.String({ minLength: 16 }),
}, { additionalProperties: false });
export type EduConfig = Static<typeof EduConfig>;
