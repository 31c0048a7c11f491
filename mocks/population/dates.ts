/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD) and months (YYYYMM), all in UTC.
 * Dates stay strings throughout the generator so that output never depends on the
 * machine's time zone.
 */

const DAY_MS = 86_400_000;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function parts(iso: string): [number, number, number] {
  return [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
}

function fmt(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = parts(value);
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Days since 1970-01-01. */
export function toDays(iso: string): number {
  const [y, m, d] = parts(iso);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

export function fromDays(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(iso: string, n: number): string {
  return fromDays(toDays(iso) + n);
}

/** Adds calendar months; the day is clamped to the target month's length (31 Jan + 1 = 28/29 Feb). */
export function addMonths(iso: string, n: number): string {
  const [y, m, d] = parts(iso);
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return fmt(ny, nm, Math.min(d, last));
}

export function addYears(iso: string, n: number): string {
  return addMonths(iso, 12 * n);
}

/** Whole years between a birth date and a date (the person's age on that date). */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = parts(birthDate);
  const [y, m, d] = parts(on);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The most recent 1 September on or before the date (start of the school year). */
export function schoolYearStart(on: string): string {
  const [y, m] = parts(on);
  return fmt(m >= 9 ? y : y - 1, 9, 1);
}

/** YYYY-MM-DD → YYYYMM */
export function yearMonth(iso: string): string {
  return iso.slice(0, 4) + iso.slice(5, 7);
}

export function addMonthsYm(ym: string, n: number): string {
  return yearMonth(addMonths(`${ym.slice(0, 4)}-${ym.slice(4, 6)}-01`, n));
}

/** Number of months from `from` to `to`, both included (202401..202412 → 12). */
export function monthsInclusive(from: string, to: string): number {
  const a = Number(from.slice(0, 4)) * 12 + Number(from.slice(4, 6));
  const b = Number(to.slice(0, 4)) * 12 + Number(to.slice(4, 6));
  return b - a + 1;
}

export function minDate(a: string, b: string): string {
  return a <= b ? a : b;
}

export function maxDate(a: string, b: string): string {
  return a >= b ? a : b;
}

