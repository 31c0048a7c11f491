/**
 * NRP's textual values → plain values. Anything that does not match the registry's format
 * is passed on in a form the fact schema refuses (NaN, the raw text), so a malformed
 * answer fails validation at the border instead of becoming a plausible wrong fact.
 */

/** '2021-05-12 10:23:45' (or '2021-05-12') → '2021-05-12'. */
export function nrpDate(text: string): string {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2})?)?\s*$/.exec(text);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : text;
}

/** Like nrpDate, but empty (or absent) means "no date". */
export function nrpOptionalDate(text: string | undefined): string | null {
  return text === undefined || text.trim() === '' ? null : nrpDate(text);
}

/** '89.50' → 89.5. */
export function nrpDecimal(text: string): number {
  return /^\s*\d+(\.\d+)?\s*$/.test(text) ? Number(text) : NaN;
}

/** '2' → 2. */
export function nrpCount(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
}

/** '50%' → 50, '33.33%' → 33.33; empty (or absent) → null. */
export function nrpPercent(text: string | undefined): number | null {
  if (text === undefined || text.trim() === '') return null;
  const m = /^\s*(\d+(?:\.\d+)?)\s*[%％]\s*$/.exec(text);
  return m ? Number(m[1]) : NaN;
}

/** Looks a registry term up in a closed table, falling back to `other`. */
export function lookup<V extends string>(table: Readonly<Record<string, V>>, text: string): V | 'other' {
  const key = text.trim();
  return Object.hasOwn(table, key) ? table[key]! : 'other';
}
