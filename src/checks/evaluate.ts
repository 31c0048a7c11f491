/**
 * Runs the planned checks over the facts a verification resolved, and turns a profile's
 * check results into requirements and an outcome: a requirement is met when every check
 * of one of its alternatives passes; the family is `verified` when every requirement is
 * met, else it goes to `review` with each unmet requirement's reasons and paper proof.
 */
import type { FactResult } from '../../schemas/api.js';
import type { CheckResult, ProfileResult, RequirementResult } from '../../schemas/checks.js';
import type { PersonSubject, Subject } from '../connectors/types.js';
import type { NormalizedRequest } from '../verification/normalize.js';
import type { PlannedProfile } from '../verification/plan-checks.js';
import type { CheckContext, FactView } from './types.js';
import { undetermined } from './outcome.js';

type Status = 'met' | 'unmet' | 'undetermined';

/** The view a check gets of one resolved fact: an unavailable one names the sources that failed. */
function viewOf(result: FactResult | undefined, fact: string): FactView<unknown> {
  if (result === undefined) return { status: 'unavailable', sources: [`${fact}: not offered by this gateway`] };
  if (result.status === 'found') return { status: 'found', value: result.value };
  if (result.status === 'not_found') return { status: 'not_found' };
  const sources = result.provenance.filter((p) => p.status !== 'ok' && p.status !== 'not_found').map((p) => `${p.connector}: ${p.status}`);
  return { status: 'unavailable', sources: sources.length ? sources : [`${fact}: unavailable`] };
}

export function evaluateChecks(req: NormalizedRequest, results: readonly FactResult[], log: { error(obj: object, msg: string): void }): CheckResult[] {
  if (!req.checks.length) return [];
  const byKey = new Map<string, FactResult>();
  req.plan.forEach(({ subject, fact }, i) => byKey.set(`${subject.ref}\u0000${fact.name}`, results[i]!));
  const subjects = new Map<string, Subject>(req.subjects.map((s) => [s.ref, s]));
  const ctx: CheckContext = {
    fact: <T>(ref: string, fact: string) => viewOf(byKey.get(`${ref}\u0000${fact}`), fact) as FactView<T>,
    person: (ref) => subjects.get(ref) as PersonSubject,
    asOf: req.asOf ?? '',
  };
  return req.checks.map(({ id, def, params }) => {
    let outcome;
    try {
      outcome = def.evaluate(params as never, ctx);
    } catch (err) {
      // A check that throws is a defect in the check, not the family's problem.
      log.error({ check: def.type, err: (err as Error).message }, 'check evaluation failed');
      outcome = undetermined('check_failed', '核验规则执行出错，无法判断', 'the check failed to run; nothing was decided', []);
    }
    return { id, type: def.type, params, ...outcome };
  });
}

const rank = (results: Status[], need: 'any' | 'all'): Status => {
  if (need === 'any') return results.includes('met') ? 'met' : results.includes('undetermined') ? 'undetermined' : 'unmet';
  return results.includes('unmet') ? 'unmet' : results.includes('undetermined') ? 'undetermined' : 'met';
};
const statusOf = (c: CheckResult): Status => (c.result === 'pass' ? 'met' : c.result === 'fail' ? 'unmet' : 'undetermined');

export function profileOutcome(profile: PlannedProfile, asOf: string, checks: readonly CheckResult[]): { outcome: 'verified' | 'review'; profile: ProfileResult } {
  const byId = new Map(checks.map((c) => [c.id, c]));
  const requirements = profile.requirements.map((r): RequirementResult => {
    const failing: CheckResult[] = [];
    const alternatives = r.anyOf.map((alt) => {
      const groups = alt.groups.map((g) => {
        const results = g.ids.map((id) => byId.get(id)!);
        const status = rank(results.map(statusOf), g.need === 'one' ? 'all' : g.need);
        if (status !== 'met') failing.push(...results.filter((c) => c.result !== 'pass'));
        return status;
      });
      return { id: alt.id, title: alt.title, status: rank(groups, 'all'), checks: alt.groups.flatMap((g) => g.ids) };
    });
    const status = rank(alternatives.map((a) => a.status), 'any');
    const metBy = alternatives.find((a) => a.status === 'met')?.id;
    if (status === 'met') return { id: r.id, title: r.title, status, ...(metBy ? { metBy } : {}), alternatives };
    const unavailable = [...new Set(failing.flatMap((c) => c.unavailable ?? []))];
    return {
      id: r.id, title: r.title, status, alternatives,
      reasons: failing.map((c) => ({ check: c.id, ...c.reason })),
      ...(unavailable.length ? { unavailable } : {}),
      submitInstead: r.submitInstead,
    };
  });
  return {
    outcome: requirements.every((r) => r.status === 'met') ? 'verified' : 'review',
    profile: { name: profile.name, title: profile.title, asOf, requirements },
  };
}
