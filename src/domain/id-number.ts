/**
 * Resident identity numbers (GB 11643-1999).
 *
 * 6-digit region (GB/T 2260), 8-digit birth date, 3-digit sequence (odd = male), and an
 * ISO 7064 MOD 11-2 check character. Input from platforms arrives with lower-case x,
 * full-width characters and spaces: we normalise what is unambiguous and refuse the rest
 * with a reason precise enough to act on. No message ever contains the number itself.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** Province-level codes of GB/T 2260 (the first two digits of every region code). */
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82',
]);

export type IdNumberProblem = 'length' | 'characters' | 'region' | 'date' | 'check';

export type IdNumberResult =
  | { ok: true; value: string; birthDate: string; gender: 'male' | 'female'; region: string }
  | { ok: false; problem: IdNumberProblem; message: string };

/** Folds full-width digits and X, drops white space (incl. U+3000), upper-cases x. */
export function normalizeIdNumber(input: string): string {
  return input
    .replace(/[\s\u3000]+/g, '')
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/[xX\uFF38\uFF58]/g, 'X');
}

/** The check character for the first 17 digits. */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** True for a real calendar date YYYYMMDD (30 February and 29 February of common years are not). */
export function isRealDate(yyyymmdd: string): boolean {
  if (!/^\d{8}$/.test(yyyymmdd)) return false;
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

/**
 * Validates and normalises an identity number. `today` bounds the birth date (no one is
 * born in the future) and is injectable for tests.
 */
const CANONICAL = /^\d{17}[\dX]$/;

/** YYYYMMDD of a date, in UTC. */
function compactDate(d: Date): string {
  return String(d.getUTCFullYear() * 10000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate()).padStart(8, '0');
}

export function parseIdNumber(input: string, today: Date = new Date()): IdNumberResult {
  // Most numbers arrive canonical: normalise only the others.
  const value = CANONICAL.test(input) ? input : normalizeIdNumber(input);
  if (value.length !== 18) {
    return { ok: false, problem: 'length', message: `must have 18 characters, has ${value.length}` };
  }
  if (!/^\d{17}[\dX]$/.test(value)) {
    return { ok: false, problem: 'characters', message: 'must be 17 digits followed by a digit or X' };
  }
  const region = value.slice(0, 6);
  if (!PROVINCES.has(region.slice(0, 2)) || region.slice(2, 4) === '00') {
    return { ok: false, problem: 'region', message: 'region code (digits 1-6) is not a GB/T 2260 region' };
  }
  const birth = value.slice(6, 14);
  const todayStr = compactDate(today);
  if (!isRealDate(birth) || birth < '18900101' || birth > todayStr) {
    return { ok: false, problem: 'date', message: 'birth date (digits 7-14) is not a real past date' };
  }
  const expected = idNumberCheckChar(value.slice(0, 17));
  if (value[17] !== expected) {
    return { ok: false, problem: 'check', message: 'check character (position 18) does not match the first 17 digits' };
  }
  const gender = Number(value[16]) % 2 === 1 ? 'male' : 'female';
  const birthDate = `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`;
  return { ok: true, value, birthDate, gender, region };
}

/** Builds a valid number from its parts (the population generator's side of the rule). */
export function makeIdNumber(region: string, birthYYYYMMDD: string, sequence: number): string {
  const first17 = `${region}${birthYYYYMMDD}${String(sequence).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

/** Display form: first 6 and last 4 kept, `370202********0010`. */
export function maskIdNumber(value: string): string {
  if (value.length < 10) return '*'.repeat(value.length);
  return value.slice(0, 6) + '*'.repeat(value.length - 10) + value.slice(-4);
}
