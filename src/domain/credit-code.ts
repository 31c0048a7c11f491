/**
 * Unified social credit codes (GB 32100-2015): 18 characters over 31 symbols (no I O S V Z).
 * Positions 9-17 are the organisation code with its own GB 11714 check (position 17);
 * position 18 checks the first 17. Some early pilot codes fail the check and are still
 * real, so callers flag a failed check rather than reject the code.
 */

const SYMBOLS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = SYMBOLS.indexOf(first17[i]!);
    if (v < 0) throw new RangeError('credit code contains a symbol outside GB 32100');
    sum += v * WEIGHTS[i]!;
  }
  return SYMBOLS[(31 - (sum % 31)) % 31]!;
}

/** GB 11714 check character for an 8-character organisation code body. */
export function organizationCodeCheckChar(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body8[i]!;
    const v = /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55; // A=10 … Z=35
    sum += v * ORG_WEIGHTS[i]!;
  }
  const r = 11 - (sum % 11);
  return r === 10 ? 'X' : r === 11 ? '0' : String(r);
}

export type CreditCodeResult =
  | { ok: true; value: string; checkValid: boolean }
  | { ok: false; message: string };

/** Checks form (length, symbols). A failed check character is reported, not refused. */
export function parseCreditCode(input: string): CreditCodeResult {
  const value = input.replace(/[\s\u3000]+/g, '').toUpperCase();
  if (value.length !== 18) return { ok: false, message: `must have 18 characters, has ${value.length}` };
  if (![...value].every((c) => SYMBOLS.includes(c))) {
    return { ok: false, message: 'may only use 0-9 and A-H J-N P-R T-U W-Y' };
  }
  return { ok: true, value, checkValid: creditCodeCheckChar(value.slice(0, 17)) === value[17] };
}

/**
 * Builds a valid code: registration authority, entity type, 6-digit region and an
 * 8-character organisation code body (digits or upper-case letters of the set).
 */
export function makeCreditCode(authority: string, entityType: string, region: string, orgBody8: string): string {
  const first17 = `${authority}${entityType}${region}${orgBody8}${organizationCodeCheckChar(orgBody8)}`;
  return first17 + creditCodeCheckChar(first17);
}
