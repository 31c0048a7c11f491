/** The NHC block of the gateway config (besides baseUrl/connections, which every agency has). */
import { Type, type Static } from '@sinclair/typebox';

export const NhcConfig = Type.Object({
  /** The app id the health commission's platform issued to the education bureau (sent as `X-NHC-AppId`). */
  appId: Type.String({ minLength: 1 }),
  /** The shared secret for HMAC-SM3 request signing; never sent, never logged. */
  appSecret: Type.String({ minLength: 16 }),
}, { additionalProperties: false });
export type NhcConfig = Static<typeof NhcConfig>;
