/** Field-level helpers the HRSS mappers share. Pure. */

/** `202401` → a month count (2024 × 12 + 0), so that consecutive months differ by one. The raw schema checked the form. */
export function monthIndex(yyyymm: string): number {
  return Number(yyyymm.slice(0, 4)) * 12 + Number(yyyymm.slice(4, 6)) - 1;
}

/**
 * Consecutive months ending at the latest one, counted over distinct months (two records
 * for one month, from two employers or two insurance types, are one month). 0 for none.
 */
export function continuousMonthsToLatest(months: readonly string[]): number {
  const distinct = [...new Set(months)].map(monthIndex).sort((a, b) => b - a);
  let count = 0;
  for (const m of distinct) {
    if (count > 0 && m !== distinct[count - 1]! - 1) break;
    count++;
  }
  return count;
}
