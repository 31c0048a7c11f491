/**
 * HUD's raw request and answer shapes (style C, DESIGN.md §2), as JSON Schemas with their
 * types derived, and the protocol constants the mock imports. REST `GET` with an OAuth2
 * client-credentials bearer token, camelCase JSON, ISO dates, short addresses
 * (`市南区福州南路88号3-2-501`), amounts in yuan. The client validates every answer against
 * these before a mapper sees it; unknown extra fields are tolerated (the agency adds fields
 * over time), missing or mistyped ones are not.
 */
import { Type, type Static } from '@sinclair/typebox';

/** The OAuth2 token endpoint (RFC 6749 §4.4, client credentials in a form-encoded body). */
export const HUD_TOKEN_PATH = '/oauth/token';
/** The only grant HUD issues to data consumers. */
export const HUD_GRANT_TYPE = 'client_credentials';
/** `token_type` of HUD's tokens, and the scheme of the Authorization header (RFC 6750). */
export const HUD_TOKEN_TYPE = 'Bearer';
/** The lifetime HUD documents for its tokens (`expires_in`, seconds); the mock's default. */
export const HUD_TOKEN_LIFETIME_SECONDS = 300;
/**
 * A cached token is replaced this long before it expires (at most half its lifetime), so
 * that a request never leaves with a token that dies on its way.
 */
export const HUD_TOKEN_REFRESH_MARGIN_MS = 30_000;
/**
 * A token request shared by concurrent calls gets this long on its own; each caller still
 * stops waiting at its own deadline. Without it a hung token endpoint would hold every
 * caller that joins the shared request.
 */
export const HUD_TOKEN_TIMEOUT_MS = 10_000;
/** Answers larger than this are refused as invalid_response (1 MiB; real ones are a few KiB). */
export const HUD_MAX_RESPONSE_BYTES = 1024 * 1024;

/** ISO date of a real month and day (a legacy `0000-00-00` is no date and is refused at the border). */
const HudDate = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$', description: 'YYYY-MM-DD' });
/** 证件号码 of the person asked about: 18 characters, upper-case X. */
export const HudIdNumber = Type.String({ pattern: '^\\d{17}[\\dX]$', description: '公民身份号码' });
/** Yuan, as a JSON number with up to two decimals. */
const HudYuan = Type.Number({ minimum: 0, description: 'amount in yuan' });

/** A party to a contract or lease: name and certificate number (ID number for persons, or another certificate). */
export const HudParty = Type.Object({
  name: Type.String(),
  idNumber: Type.String({ minLength: 1 }),
});
export type HudParty = Static<typeof HudParty>;

/** 商品房网签备案: one filed purchase contract. */
export const HudSaleContract = Type.Object({
  contractNumber: Type.String({ minLength: 1, description: '合同备案号' }),
  houseAddress: Type.String({ description: '房屋坐落, short form: 市南区福州南路88号3-2-501' }),
  filingDate: HudDate,
  /** 备案状态: 已备案 | 已撤销 today; left open so that a new state maps to 'other', not a failure. */
  filingStatus: Type.String(),
  /** 建筑面积 in m², when the filing records one. */
  buildingArea: Type.Optional(Type.Union([Type.Number({ exclusiveMinimum: 0 }), Type.Null()])),
  /** 合同总价 in yuan. */
  totalPrice: HudYuan,
  developer: Type.Object({
    creditCode: Type.String({ minLength: 1, description: '统一社会信用代码' }),
    name: Type.String(),
  }),
  buyers: Type.Array(HudParty, { minItems: 1 }),
});
export type HudSaleContract = Static<typeof HudSaleContract>;

/** 房屋租赁登记备案: one registered lease. */
export const HudLease = Type.Object({
  registrationNumber: Type.String({ minLength: 1, description: '租赁登记备案号' }),
  houseAddress: Type.String(),
  leaseStartDate: HudDate,
  leaseEndDate: HudDate,
  /** 月租金 in yuan. */
  monthlyRent: HudYuan,
  tenants: Type.Array(HudParty, { minItems: 1 }),
  landlord: HudParty,
});
export type HudLease = Static<typeof HudLease>;

/** Every list answer: `{ items, total }`; a person with none is `{ items: [], total: 0 }`. */
function listOf<T extends typeof HudSaleContract | typeof HudLease>(item: T) {
  return Type.Object({ items: Type.Array(item), total: Type.Integer({ minimum: 0 }) });
}

/** Every failure: the HTTP status, and this body. `errorDescription` is the agency's own text: never passed on. */
export const HudErrorBody = Type.Object({
  error: Type.String(),
  errorDescription: Type.Optional(Type.String()),
});
export type HudErrorBody = Static<typeof HudErrorBody>;

/** The token endpoint's answer (RFC 6749 §5.1: snake_case there, unlike the rest of the API). */
export const HudTokenAnswer = Type.Object({
  access_token: Type.String({ minLength: 1 }),
  token_type: Type.String(),
  expires_in: Type.Integer({ minimum: 0 }),
});
export type HudTokenAnswer = Static<typeof HudTokenAnswer>;

/** The query interfaces: path, the query parameter naming the person, the answer's schema. Keys are the mock's interface names. */
export const HUD_QUERIES = {
  'sale-contracts': { path: '/api/v1/sale-contracts', param: 'buyerIdNumber', answer: listOf(HudSaleContract) },
  leases: { path: '/api/v1/leases', param: 'tenantIdNumber', answer: listOf(HudLease) },
} as const;
export type HudQuery = keyof typeof HUD_QUERIES;
export type HudItem<Q extends HudQuery> = Static<(typeof HUD_QUERIES)[Q]['answer']>['items'][number];

/** Path and query string of a query for one person, as sent (before the basePath). */
export function hudQueryPath(query: HudQuery, idNumber: string): string {
  const { path, param } = HUD_QUERIES[query];
  return `${path}?${param}=${encodeURIComponent(idNumber)}`;
}

// --- connector inputs: the gateway's names, with the forms HUD accepts -------------------

export const HudByIdNumberInput = Type.Object({ idNumber: HudIdNumber }, { additionalProperties: false });
