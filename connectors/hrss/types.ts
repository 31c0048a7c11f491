/**
 * Raw shapes and protocol constants of the HRSS interfaces (青岛市人力资源和社会保障局
 * 数据共享接口, protocol style D, DESIGN.md §2): REST `GET`s with the API key in a header,
 * camelCase JSON, amounts in fen, months `YYYYMM`, dates ISO, cursor pages over monthly
 * contribution records, and failures as `{ errcode, errmsg }` with a matching HTTP status.
 * The mock imports every constant here: they are declared once.
 *
 * Raw answers are validated against these schemas by the client before a mapper sees
 * them: what a mapper computes with (months, amounts, dates) is checked for form here;
 * what it passes on as is (credit codes, names) is left to the fact schema. Unknown extra
 * fields are tolerated (the agency adds fields over time).
 */
import { Type, type Static } from '@sinclair/typebox';
import { Nullable, StringEnum } from '../../schemas/common.js';

/** The header that carries the API key. */
export const HRSS_API_KEY_HEADER = 'x-api-key';
/** Answers larger than this are refused as invalid_response (1 MiB; a page of 100 months is ~15 KiB). */
export const HRSS_MAX_RESPONSE_BYTES = 1024 * 1024;
/** A person whose months need more pages than this is taken for a registry that never ends. */
export const HRSS_MAX_PAGES = 100;
/** Records per months page: the registry's default and its maximum (more is HTTP 400). */
export const HRSS_DEFAULT_PAGE_SIZE = 24;
export const HRSS_MAX_PAGE_SIZE = 100;

/** The interfaces, by the registry's own name for each (a fault in the mock can target one). */
export const HRSS_INTERFACES = ['status', 'months', 'employment'] as const;
export type HrssInterface = (typeof HRSS_INTERFACES)[number];

/** Route patterns, as the registry documents them (the mock serves these). */
export const HRSS_ROUTES: Readonly<Record<HrssInterface, string>> = {
  status: '/api/v2/insurance/:idNumber/status',
  months: '/api/v2/insurance/:idNumber/months',
  employment: '/api/v2/employment/:idNumber',
};

/** The path of an interface for one person: the ID number is a path segment, always encoded. */
export function hrssPath(name: HrssInterface, idNumber: string): string {
  return HRSS_ROUTES[name].replace(':idNumber', encodeURIComponent(idNumber));
}

/** The query of a months page: `limit` always, `cursor` from the second page on. */
export function hrssMonthsQuery(limit: number, cursor?: string): string {
  const q = new URLSearchParams();
  if (cursor !== undefined) q.set('cursor', cursor);
  q.set('limit', String(limit));
  return `?${q.toString()}`;
}

/** 公民身份号码 as the registry keys persons: 18 characters, upper-case X. */
export const HrssIdNumber = Type.String({ pattern: '^\\d{17}[\\dX]$', description: '公民身份号码' });
/** 缴费年月 YYYYMM, a real month (the mapper counts consecutive months with it). */
export const HrssMonth = Type.String({ pattern: '^\\d{4}(0[1-9]|1[0-2])$', description: 'YYYYMM' });
const HrssDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Fen = Type.Integer({ minimum: 0, description: 'amount in fen (分)' });

/** Every failure: the HTTP status says what kind, `errcode` which (codes.ts), `errmsg` is for people. */
export const HrssError = Type.Object({ errcode: Type.Integer(), errmsg: Type.String() });
export type HrssError = Static<typeof HrssError>;

// --- connector inputs: the gateway's names, with the forms HRSS accepts --------------------

export const HrssByIdNumberInput = Type.Object({ idNumber: HrssIdNumber }, { additionalProperties: false });

// --- answers ------------------------------------------------------------------------------

/**
 * 参保状态: 1 参保缴费 (paying), 2 暂停缴费 (suspended: enrolled, not paying now),
 * 3 终止参保 (terminated: deceased, or moved away). A new state fails at the border rather
 * than guessing whether it counts as insured.
 */
export const HRSS_INSURED_STATES = { paying: '1', suspended: '2', terminated: '3' } as const;

/** `GET /api/v2/insurance/{idNumber}/status`: the current insurance relation. */
export const HrssInsuranceStatus = Type.Object({
  idNumber: HrssIdNumber,
  insuredStatus: StringEnum(Object.values(HRSS_INSURED_STATES)),
  /** 参保单位: null unless paying. */
  employerCreditCode: Nullable(Type.String()),
  employerName: Nullable(Type.String()),
  /** 参保地, e.g. 青岛市: null unless paying. */
  city: Nullable(Type.String()),
});
export type HrssInsuranceStatus = Static<typeof HrssInsuranceStatus>;

/** One monthly contribution record (缴费记录). */
export const HrssMonthRecord = Type.Object({
  month: HrssMonth,
  employerCreditCode: Type.String(),
  /** 缴费基数 */
  baseFen: Fen,
  /** 实缴金额: 0 for a month in arrears (欠缴). */
  paidFen: Fen,
  /** 险种类型 (GB/T code, 110 企业职工基本养老保险). */
  insuranceType: Type.String(),
});
export type HrssMonthRecord = Static<typeof HrssMonthRecord>;

/** `GET /api/v2/insurance/{idNumber}/months?cursor=…&limit=…`: one page, oldest first. */
export const HrssMonthsPage = Type.Object({
  idNumber: HrssIdNumber,
  records: Type.Array(HrssMonthRecord),
  /** Opaque; null on the last page. */
  nextCursor: Nullable(Type.String({ minLength: 1 })),
});
export type HrssMonthsPage = Static<typeof HrssMonthsPage>;

/** One employment registration (就业登记). */
export const HrssRegistration = Type.Object({
  employerCreditCode: Type.String(),
  /** null when the registry holds no name for the employer. */
  employerName: Nullable(Type.String()),
  startDate: HrssDate,
  /** null while the registration is open. */
  endDate: Nullable(HrssDate),
});
export type HrssRegistration = Static<typeof HrssRegistration>;

/** `GET /api/v2/employment/{idNumber}`: every registration of a person, in no promised order. */
export const HrssEmployment = Type.Object({
  idNumber: HrssIdNumber,
  registrations: Type.Array(HrssRegistration),
});
export type HrssEmployment = Static<typeof HrssEmployment>;
