/**
 * HRSS insurance answers → `socialInsurance`: the status and history connectors' mappers,
 * and how the fact puts their two resolutions together. Pure.
 */
import type { InsuranceHistory, InsuranceStatus, SocialInsurance } from '../../schemas/facts/hrss.js';
import type { Resolution } from '../../src/connectors/types.js';
import { continuousMonthsToLatest } from './fields.js';
import { HRSS_INSURED_STATES, type HrssInsuranceStatus, type HrssMonthRecord } from './types.js';

/** Only 参保缴费 is insured; an employer and a city are reported for a current insurance only. */
export function toInsuranceStatus(raw: HrssInsuranceStatus): InsuranceStatus {
  const insured = raw.insuredStatus === HRSS_INSURED_STATES.paying;
  return {
    insured,
    employerCreditCode: insured ? raw.employerCreditCode : null,
    employerName: insured ? raw.employerName : null,
    city: insured ? raw.city : null,
  };
}

/**
 * Monthly records → months, oldest first (stable for records of one month), with the latest
 * month and the run of consecutive months up to it. A month in arrears (paidFen 0) is not
 * a contribution: it is left out, so it breaks a run like a gap does.
 */
export function toInsuranceHistory(records: readonly HrssMonthRecord[]): InsuranceHistory {
  const months = records
    .filter((r) => r.paidFen > 0)
    .map((r) => ({ month: r.month, employerCreditCode: r.employerCreditCode, baseFen: r.baseFen }))
    .sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  return {
    months,
    latestMonth: months.length === 0 ? null : months[months.length - 1]!.month,
    continuousMonthsToLatest: continuousMonthsToLatest(months.map((m) => m.month)),
  };
}

/**
 * The fact from its two calls. The status decides whether the registry knows the person;
 * a fact without its history would be a plausible wrong one (0 months), so an unavailable
 * history makes the fact unavailable. A known person without monthly records yet (history
 * not found: enrolled this month) has none.
 */
export function toSocialInsurance(status: Resolution<InsuranceStatus>, history: Resolution<InsuranceHistory>): Resolution<SocialInsurance> {
  if (status.status !== 'found') return status;
  if (history.status === 'unavailable') return history;
  const h = history.status === 'found' ? history.value : { months: [], latestMonth: null, continuousMonthsToLatest: 0 };
  return { status: 'found', value: { ...status.value, ...h } };
}
