/**
 * Names as platforms send them. Surrounding white space (ASCII and the ideographic space
 * U+3000) is trimmed; what remains must be visible text. Refused: control characters (C0
 * and C1), unpaired surrogates, format characters (bidirectional overrides and isolates,
 * zero-width joiners and spaces, soft hyphens, BOM), line and paragraph separators, and
 * Unicode non-characters. None of them is ever part of a registered name, and each makes
 * a name that reads the same compare unequal, or reorders what an operator sees.
 * Private-use characters are allowed: registries use them for rare characters (生僻字).
 */

const INVISIBLE = /[\p{Cc}\p{Cs}\p{Cf}\p{Zl}\p{Zp}\p{Noncharacter_Code_Point}]/u;

export type PersonNameResult = { ok: true; value: string } | { ok: false; message: string };

export function checkPersonName(input: string): PersonNameResult {
  const value = input.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
  if (!value) return { ok: false, message: 'must be a name: not blank' };
  // isWellFormed would say the same of surrogates; the class also catches the rest.
  if (INVISIBLE.test(value)) {
    return { ok: false, message: 'must be a name: no control, format or bidirectional characters, no unpaired surrogates' };
  }
  return { ok: true, value };
}
