/**
 * The check contract. A check is a declaration: its parameters (a JSON Schema), the facts
 * it reads (so the planner fetches exactly those), and a pure function from normalized
 * facts to `pass | fail | undetermined` with a reason and evidence. It never calls an
 * agency, never reads the clock (dates are judged against the request's or profile's
 * `asOf`), and never decides `fail` for data it did not get: a source that did not answer,
 * or a record without the field it needs, gives `undetermined`.
 */
import type { Static, TObject } from '@sinclair/typebox';
import type { CheckEvidence, CheckReason, CheckResultValue } from '../../schemas/checks.js';
import type { PersonSubject } from '../connectors/types.js';

export type { CheckEvidence, CheckReason, CheckResultValue };

/** Chinese first (the platforms show it to parents), English for operators and logs. */
export interface Bilingual { zh: string; en: string }

/** What a check decided, before the gateway adds the check's id and parameters. */
export interface CheckOutcome {
  result: CheckResultValue;
  reason: CheckReason;
  evidence: CheckEvidence[];
  /** Sources that did not answer (`connector: status`), when that is why the result is undetermined. */
  unavailable?: string[];
}

/** One fact of one subject as a check sees it. */
export type FactView<T> =
  | { status: 'found'; value: T }
  | { status: 'not_found' }
  | { status: 'unavailable'; sources: string[] };

export interface CheckContext {
  /** The fact as resolved for this request (the planner fetched every fact `needs` named). */
  fact<T>(ref: string, fact: string): FactView<T>;
  /** The person a ref names (refs in parameters are checked to be persons before evaluation). */
  person(ref: string): PersonSubject;
  /** The reference date, YYYY-MM-DD; set whenever the check declares `usesAsOf`. */
  asOf: string;
}

/** How a parameter names subjects: one ref, or a list of refs. */
export type SubjectParam = 'one' | 'many';

export interface CheckDefinition<P extends TObject = TObject> {
  /** `<domain>.<name>`, e.g. residence.hukouMatchesProperty. */
  type: string;
  title: Bilingual;
  /** Parameters besides `type` and `id`. */
  params: P;
  /** Parameters that name subjects (refs): checked to exist and to be persons; in profiles, `$child`/`$guardian`/`$guardians`. */
  subjects: Partial<Record<keyof Static<P> & string, SubjectParam>>;
  /** Judged against the reference date (asOf): a request with this check must give one, or name a profile that does. */
  usesAsOf: boolean;
  /** What a family can hand in on paper when the registries do not prove it. */
  paperProof: Bilingual;
  /** The (subject ref, fact) pairs the check reads. */
  needs(params: Static<P>): [ref: string, fact: string][];
  evaluate(params: Static<P>, ctx: CheckContext): CheckOutcome;
}

export function defineCheck<P extends TObject>(def: CheckDefinition<P>): CheckDefinition<P> {
  return def;
}
