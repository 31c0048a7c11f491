/** The AMR block of the gateway config (besides baseUrl/connections, which every agency has). */
import { Type, type Static } from '@sinclair/typebox';

export const AmrConfig = Type.Object({
  /**
   * The access key AMR issued to the education bureau. A secret: it travels as the `key`
   * query parameter, so no request path is ever logged or put in a message. No default.
   */
  accessKey: Type.String({ minLength: 16 }),
}, { additionalProperties: false });
export type AmrConfig = Static<typeof AmrConfig>;
