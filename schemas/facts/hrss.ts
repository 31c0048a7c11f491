/**
 * Normalized facts answered by the human resources and social security bureau (HRSS):
 * social insurance (社会保险) and employment registration (就业登记). Field names are the
 * gateway's; amounts in fen, months `YYYYMM`, dates ISO. HRSS answers carry no address.
 */
import { Type, type Static } from '@sinclair/typebox';
import { CreditCode, IsoDate, Nullable, YearMonth } from '../common.js';

/** One month of contributions (a paid record; months in arrears are not contributions). */
export const InsuranceMonth = Type.Object({
  month: YearMonth,
  employerCreditCode: CreditCode,
  baseFen: Type.Integer({ minimum: 0, description: 'contribution base, in fen' }),
}, { additionalProperties: false });
export type InsuranceMonth = Static<typeof InsuranceMonth>;

/** Output of `hrss.insurance-status`: the current insurance relation. Employer and city are null unless insured. */
export const InsuranceStatus = Type.Object({
  insured: Type.Boolean({ description: 'contributions are being paid now' }),
  employerCreditCode: Nullable(CreditCode),
  employerName: Nullable(Type.String({ description: 'null when the registry holds no name' })),
  city: Nullable(Type.String({ description: 'city where contributions are paid, e.g. 青岛市' })),
}, { additionalProperties: false });
export type InsuranceStatus = Static<typeof InsuranceStatus>;

/** Output of `hrss.insurance-history`: the monthly records (all pages) and what they add up to. */
export const InsuranceHistory = Type.Object({
  months: Type.Array(InsuranceMonth, { description: 'oldest first' }),
  latestMonth: Nullable(YearMonth),
  continuousMonthsToLatest: Type.Integer({ minimum: 0, description: 'consecutive paid months ending at latestMonth; a gap restarts the count' }),
}, { additionalProperties: false });
export type InsuranceHistory = Static<typeof InsuranceHistory>;

/** `socialInsurance`: status and history together. */
export const SocialInsurance = Type.Object({
  ...InsuranceStatus.properties,
  ...InsuranceHistory.properties,
}, { additionalProperties: false });
export type SocialInsurance = Static<typeof SocialInsurance>;

/** One employment registration (就业登记). */
export const EmploymentRegistration = Type.Object({
  employerCreditCode: CreditCode,
  employerName: Nullable(Type.String({ description: 'null when the registry holds no name' })),
  since: IsoDate,
  until: Nullable(IsoDate),
}, { additionalProperties: false });
export type EmploymentRegistration = Static<typeof EmploymentRegistration>;

/**
 * `employment` (output of `hrss.employment`): the registered employer now, and every
 * registration the registry holds (the current one included, with `until: null`), oldest first.
 */
export const Employment = Type.Object({
  current: Nullable(Type.Object({
    employerCreditCode: CreditCode,
    employerName: Nullable(Type.String()),
    since: IsoDate,
  }, { additionalProperties: false })),
  history: Type.Array(EmploymentRegistration),
}, { additionalProperties: false });
export type Employment = Static<typeof Employment>;
