/** The HUD block of the gateway config (besides baseUrl/connections, which every agency has). */
import { Type, type Static } from '@sinclair/typebox';

export const HudConfig = Type.Object({
  /** The OAuth2 client id HUD issued to the education bureau (sent to the token endpoint). No default. */
  clientId: Type.String({ minLength: 1 }),
  /** The OAuth2 client secret; sent to the token endpoint only, never logged. No default. */
  clientSecret: Type.String({ minLength: 16 }),
}, { additionalProperties: false });
export type HudConfig = Static<typeof HudConfig>;
