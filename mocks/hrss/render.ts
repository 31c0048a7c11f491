/**
 * How HRSS writes the population's records: contribution periods expanded into monthly
 * records (one per month per period, oldest first), amounts in fen, 参保状态 codes, the
 * employer's name as the registry holds it (from the population's enterprises, null when
 * it holds none). HRSS answers carry no address.
 */
import { HRSS_INSURED_STATES, type HrssEmployment, type HrssInsuranceStatus, type HrssMonthRecord } from '../../connectors/hrss/types.js';
import type { Insurance } from '../../schemas/population.js';
import type { PopulationIndex } from '../kit/population-index.js';

/** 险种类型 110: 企业职工基本养老保险, the insurance the records are kept for. */
export const HRSS_INSURANCE_TYPE = '110';
/** What is paid on a base: 16 % employer + 8 % employee pension contributions. */
export const HRSS_CONTRIBUTION_RATE = 0.24;

/** `2026-09-01` → `202609`. */
export function yearMonthOf(isoDate: string): string {
  return isoDate.slice(0, 4) + isoDate.slice(5, 7);
}

/** The month after `yyyymm`. */
function nextMonth(yyyymm: string): string {
  const y = Number(yyyymm.slice(0, 4));
  const m = Number(yyyymm.slice(4, 6));
  return m === 12 ? `${y + 1}01` : `${y}${String(m + 1).padStart(2, '0')}`;
}

/** Every period as its monthly records, oldest first (records of one month in period order). */
export function monthRecords(insurance: Insurance): HrssMonthRecord[] {
  const records: HrssMonthRecord[] = [];
  for (const p of insurance.periods) {
    for (let month = p.from; month <= p.to; month = nextMonth(month)) {
      records.push({
        month,
        employerCreditCode: p.employerCreditCode,
        baseFen: p.baseFen,
        paidFen: Math.round(p.baseFen * HRSS_CONTRIBUTION_RATE),
        insuranceType: HRSS_INSURANCE_TYPE,
      });
    }
  }
  return records.sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
}

/**
 * 参保状态 on the population's "today": paying when a period covers asOf's month (the one
 * that started last, should two), terminated for the deceased, suspended otherwise.
 */
export function insuranceStatus(index: PopulationIndex, insurance: Insurance): HrssInsuranceStatus {
  const now = yearMonthOf(index.population.asOf);
  const current = insurance.periods.filter((p) => p.from <= now && now <= p.to).reduce<Insurance['periods'][number] | undefined>(
    (best, p) => (best === undefined || p.from >= best.from ? p : best), undefined);
  if (current === undefined) {
    const deceased = index.persons.get(insurance.idNumber)?.deceasedOn !== undefined;
    return {
      idNumber: insurance.idNumber,
      insuredStatus: deceased ? HRSS_INSURED_STATES.terminated : HRSS_INSURED_STATES.suspended,
      employerCreditCode: null,
      employerName: null,
      city: null,
    };
  }
  return {
    idNumber: insurance.idNumber,
    insuredStatus: HRSS_INSURED_STATES.paying,
    employerCreditCode: current.employerCreditCode,
    employerName: index.enterpriseByCode.get(current.employerCreditCode)?.name ?? null,
    city: current.city,
  };
}

/** 就业登记 of a person, in the order the registry keeps them (the population's). */
export function employmentRecord(index: PopulationIndex, idNumber: string): HrssEmployment | undefined {
  const list = index.employmentOf.get(idNumber);
  if (list === undefined || list.length === 0) return undefined;
  return {
    idNumber,
    registrations: list.map((e) => ({
      employerCreditCode: e.employerCreditCode,
      employerName: index.enterpriseByCode.get(e.employerCreditCode)?.name ?? null,
      startDate: e.since,
      endDate: e.until,
    })),
  };
}
