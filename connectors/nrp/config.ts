import { Type, type Static } from '@sinclair/typebox';

/** Default `<PageSize>` for QueryByOwner; the registry refuses more than 20 (code 2). */
export const NRP_DEFAULT_PAGE_SIZE = 10;
export const NRP_MAX_PAGE_SIZE = 20;

/** The NRP block of the gateway config (base URL and pool size are common to every agency). */
export const NrpConfigSchema = Type.Object({
  /** Access token issued by the registry, sent in every request header. No default. */
  token: Type.String({ minLength: 16 }),
  /** Records per QueryByOwner page, 1–20. Default 10. */
  pageSize: Type.Integer({ minimum: 1, maximum: NRP_MAX_PAGE_SIZE, default: NRP_DEFAULT_PAGE_SIZE }),
}, { additionalProperties: false });
export type NrpConfig = Static<typeof NrpConfigSchema>;
