/**
 * An agency's answer-code table (返回码), classified once: each code is ok, not_found,
 * retryable or fatal, with the status the API reports for a failure and a meaning for
 * operators (in English, never with personal data). A code the table does not know is the
 * agency changing its interface: `unknown` says what that is (fatal, by default).
 */
import type { Outcome, UpstreamFailure } from '../types.js';

export interface CodeEntry {
  outcome: Outcome;
  /** For retryable / fatal: what the API reports (default upstream_error). */
  status?: UpstreamFailure;
  /** For operators: what the code means. */
  meaning: string;
}

export interface CodeTable<K extends string> {
  readonly entries: Readonly<Record<K, CodeEntry>>;
  /** The entry for a code as the agency sent it (unknown codes get the table's `unknown`). */
  classify(code: string): CodeEntry;
}

const UNKNOWN: CodeEntry = { outcome: 'fatal', status: 'upstream_error', meaning: 'unknown answer code' };

export function codeTable<K extends string, E extends Record<K, CodeEntry>>(entries: E, unknown: CodeEntry = UNKNOWN): CodeTable<K> & { readonly entries: E } {
  const frozen = Object.freeze({ ...entries });
  return {
    entries: frozen,
    classify: (code) => (Object.hasOwn(frozen, code) ? frozen[code as keyof E] as CodeEntry : unknown),
  };
}
