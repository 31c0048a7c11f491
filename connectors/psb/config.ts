/** The PSB block of the gateway config (besides baseUrl/connections, which every agency has). */
import { Type, type Static } from '@sinclair/typebox';

export const PsbConfig = Type.Object({
  /** The app key PSB issued to the education bureau (sent as `X-App-Key`). */
  appKey: Type.String({ minLength: 1 }),
  /** The shared secret for request signing; never sent, never logged. */
  appSecret: Type.String({ minLength: 16 }),
}, { additionalProperties: false });
export type PsbConfig = Static<typeof PsbConfig>;
