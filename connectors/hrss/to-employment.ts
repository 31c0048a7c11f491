/** HRSS 就业登记 → `employment`. Pure. */
import type { Employment } from '../../schemas/facts/hrss.js';
import type { HrssEmployment } from './types.js';

/**
 * Every registration, oldest first (HRSS promises no order); the current employer is the
 * open registration (no end date) that started last. An employer the registry cannot name
 * keeps `employerName: null`.
 */
export function toEmployment(raw: HrssEmployment): Employment {
  const history = raw.registrations
    .map((r) => ({ employerCreditCode: r.employerCreditCode, employerName: r.employerName, since: r.startDate, until: r.endDate }))
    .sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : 0));
  const open = history.filter((r) => r.until === null);
  const latest = open[open.length - 1];
  return {
    current: latest === undefined ? null : { employerCreditCode: latest.employerCreditCode, employerName: latest.employerName, since: latest.since },
    history,
  };
}
