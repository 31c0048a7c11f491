/**
 * AMR's raw request and answer shapes (style E, DESIGN.md §2), as JSON Schemas with their
 * types derived, and the protocol constants its mock imports. Requests are GETs with the
 * access key and the one parameter in the query string; answers are JSON with Chinese keys,
 * encoded in GB18030, in a `{状态码, 信息, 数据}` envelope, dates written `2018年03月15日`.
 * The client validates every answer against these before a mapper sees it; extra fields
 * are tolerated (the register adds fields over time), missing or mistyped ones are not.
 */
import { Type, type Static } from '@sinclair/typebox';
import { CreditCode, IdNumber } from '../../schemas/common.js';

/** The charset AMR answers in (named in Content-Type; assumed when an answer names none). */
export const AMR_CHARSET = 'gb18030';
export const AMR_CONTENT_TYPE = 'application/json; charset=GB18030';
/** Query parameter that carries the access key on every request. */
export const AMR_KEY_PARAM = 'key';
/** Answers larger than this are refused as invalid_response (1 MiB; real ones are a few KiB). */
export const AMR_MAX_RESPONSE_BYTES = 1024 * 1024;

// --- connector inputs: the gateway's names, with the forms AMR accepts --------------------

/** 统一社会信用代码: 18 symbols of GB 32100, upper case (the pattern bounds the length; the API keeps its own bound for typed forms with spaces). */
export const AmrByCreditCodeInput = Type.Object({ creditCode: CreditCode }, { additionalProperties: false });
/** 身份证号码 of a legal representative or operator. */
export const AmrByIdNumberInput = Type.Object({ idNumber: IdNumber }, { additionalProperties: false });

// --- answers ------------------------------------------------------------------------------

/** Every answer: HTTP 200 with this envelope; `数据` only with 状态码 200. */
export const AmrEnvelope = Type.Object({
  状态码: Type.String({ pattern: '^\\d{3}$' }),
  信息: Type.String(),
  数据: Type.Optional(Type.Unknown()),
});
export type AmrEnvelope = Static<typeof AmrEnvelope>;

/** The fields of a market entity both interfaces answer; values are the register's text. */
const entityFields = {
  统一社会信用代码: Type.String(),
  企业名称: Type.String(),
  /** 有限责任公司 | 股份有限公司 | 个体工商户 | 农民专业合作社 … */
  类型: Type.String(),
  /** 存续 | 吊销 | 注销 | 迁出 … */
  登记状态: Type.String(),
  /** `2018年03月15日` */
  成立日期: Type.String(),
  /** Name of the legal representative (companies …); another person's: never mapped. */
  法定代表人: Type.Optional(Type.String()),
  /** Name of the operator (个体工商户); another person's: never mapped. */
  经营者: Type.Optional(Type.String()),
  /** `山东省青岛市市南区福州南路88号3幢2单元1205室` */
  住所: Type.String(),
  /** `500万元人民币`; absent for sole traders. */
  注册资本: Type.Optional(Type.String()),
};

/** `entity` (按统一社会信用代码查询): one market entity. */
export const AmrEntity = Type.Object(entityFields);
export type AmrEntity = Static<typeof AmrEntity>;

/**
 * `by-person` (按身份证号码查询任职主体): each entity the person leads, naming them under the
 * key of their role: 法定代表人 for a company, 经营者 for a sole trader. The key is how the
 * role is known, so a record must carry one of them.
 */
export const AmrPersonEntity = Type.Union([
  Type.Object({ ...entityFields, 法定代表人: Type.String() }),
  Type.Object({ ...entityFields, 经营者: Type.String() }),
]);
export type AmrPersonEntity = Static<typeof AmrPersonEntity>;
export const AmrPersonEntities = Type.Array(AmrPersonEntity);

/**
 * The two interfaces by the register's own names (the last segment of the path): their
 * path, their one query parameter and its schema, and the schema of `数据`.
 */
export const AMR_INTERFACES = {
  entity: { path: '/api/entity', param: 'code', value: CreditCode, data: AmrEntity },
  'by-person': { path: '/api/entity/by-person', param: 'idNumber', value: IdNumber, data: AmrPersonEntities },
} as const;

export type AmrInterface = keyof typeof AMR_INTERFACES;
export type AmrData<I extends AmrInterface> = Static<(typeof AMR_INTERFACES)[I]['data']>;

/** The interface a request path (query string or not) is for; undefined for any other path. */
export function amrInterfaceOf(url: string): AmrInterface | undefined {
  const path = url.split('?', 1)[0]!;
  return (Object.keys(AMR_INTERFACES) as AmrInterface[]).find((i) => AMR_INTERFACES[i].path === path);
}
