/**
 * The checks of a request: those it names (each validated against its check's schema, with
 * its path) and those of its profile, instantiated with the request's roles. Says which
 * reference date they are judged against, and refuses a date check without one.
 */
import type { VerificationRequest } from '../../schemas/api.js';
import type { Subject } from '../connectors/types.js';
import type { CheckDefinition } from '../checks/types.js';
import { checkByType } from '../checks/index.js';
import { instantiate, type CompiledProfile } from '../checks/profiles.js';
import type { ErrorDetail } from '../errors.js';
import { validationDetails } from '../plugins/errors.js';
import { validatorFor } from '../validation.js';

export interface PlannedCheck { id: string; def: CheckDefinition; params: Record<string, unknown> }

/** A profile's requirement with its checks instantiated: each group is one profile check (several ids with $guardian). */
export interface PlannedRequirement {
  id: string;
  title: { zh: string; en: string };
  submitInstead: { zh: string; en: string };
  anyOf: { id: string; title: { zh: string; en: string }; groups: { ids: string[]; need: 'one' | 'any' | 'all' }[] }[];
}

export interface PlannedProfile { name: string; title: { zh: string; en: string }; requirements: PlannedRequirement[] }

interface Known {
  /** Every ref of the request, refused subjects too (their problem is reported already). */
  refAt: ReadonlyMap<string, number>;
  subjectByRef: ReadonlyMap<string, Subject>;
  profiles: ReadonlyMap<string, CompiledProfile>;
  /** Problems found are added here. */
  details: ErrorDetail[];
}

export function planChecks(body: VerificationRequest, { refAt, subjectByRef, profiles, details }: Known): { checks: PlannedCheck[]; asOf: string | undefined; profile: PlannedProfile | undefined } {
  const checks: PlannedCheck[] = [];
  const ids = new Set<string>();
  let asOf = body.asOf;
  let asOfNeededBy: string | null = null;
  const addCheck = (id: string, def: CheckDefinition, params: Record<string, unknown>, at: string) => {
    if (ids.has(id)) {
      details.push({ path: `${at}/id`, message: `duplicates the id of another check ('${id}')` });
      return;
    }
    ids.add(id);
    // Every subject a check names exists and is a person.
    for (const [key, shape] of Object.entries(def.subjects)) {
      const value = params[key];
      if (value === undefined) continue;
      for (const [k, ref] of (shape === 'many' ? (value as string[]).map((r, k) => [k, r] as const) : [[null, value as string] as const])) {
        const where = k === null ? `${at}/${key}` : `${at}/${key}/${k}`;
        if (!refAt.has(ref)) details.push({ path: where, message: `no subject has ref '${ref}'` });
        else if (subjectByRef.get(ref) !== undefined && subjectByRef.get(ref)!.kind !== 'person') details.push({ path: where, message: `'${ref}' is not a person; ${def.type} is about persons` });
      }
    }
    if (def.usesAsOf && asOfNeededBy === null) asOfNeededBy = `${def.type} (${at})`;
    checks.push({ id, def, params });
  };

  (body.checks ?? []).forEach((c, i) => {
    const at = `/checks/${i}`;
    const def = checkByType(c.type)!; // the schema allows catalog types only
    const { type: _type, id, ...params } = c as Record<string, unknown>;
    const validate = validatorFor(def.params);
    if (!validate(params)) {
      details.push(...validationDetails(validate.errors ?? [], at));
      return;
    }
    addCheck((id as string | undefined) ?? `checks/${i}`, def, params, at);
  });

  let profile: PlannedProfile | undefined;
  if (body.profile !== undefined) {
    const compiled = profiles.get(body.profile);
    if (!compiled) {
      details.push({ path: '/profile', message: `is no configured profile; profiles: ${[...profiles.keys()].join(', ') || 'none configured'}` });
    } else {
      if (compiled.purpose !== body.purpose) details.push({ path: '/purpose', message: `profile ${compiled.name} is for purpose ${compiled.purpose}` });
      asOf ??= compiled.asOf;
      const roles = rolesOf(body, subjectByRef, details);
      if (compiled.usesSchool && body.schoolCode === undefined) details.push({ path: '/schoolCode', message: `is required by profile ${compiled.name} (the school applied to)` });
      if (roles) {
        const requirements = compiled.requirements.map((r): PlannedRequirement => ({
          id: r.id, title: r.title, submitInstead: r.submitInstead,
          anyOf: r.anyOf.map((alt) => ({
            id: alt.id, title: alt.title,
            groups: alt.checks.map((c) => {
              const made = instantiate(c, { ...roles, schoolCode: body.schoolCode });
              for (const m of made) addCheck(m.id, c.def, m.params, '/profile');
              return { ids: made.map((m) => m.id), need: c.perGuardian ?? 'one' };
            }),
          })),
        }));
        profile = { name: compiled.name, title: compiled.title, requirements };
      }
    }
  }
  if (asOfNeededBy !== null && asOf === undefined) {
    details.push({ path: '/asOf', message: `is required by check ${String(asOfNeededBy)}: dates are judged against a reference date, never the clock` });
  }
  return { checks, asOf, profile };
}

/** The child (exactly one) and the guardians (at least one) by their role; null after adding the problems. */
function rolesOf(body: VerificationRequest, subjectByRef: ReadonlyMap<string, Subject>, details: ErrorDetail[]): { child: string; guardians: string[] } | null {
  const children = body.subjects.filter((s) => s.role === 'child').map((s) => s.ref);
  const guardians = body.subjects.filter((s) => s.role === 'guardian').map((s) => s.ref);
  const before = details.length;
  if (children.length !== 1) details.push({ path: '/subjects', message: `a profile needs exactly one subject with role child (has ${children.length})` });
  if (guardians.length === 0) details.push({ path: '/subjects', message: 'a profile needs at least one subject with role guardian' });
  if (details.length > before) return null;
  if (![...children, ...guardians].every((r) => subjectByRef.has(r))) return null; // a refused subject: its problem is reported
  return { child: children[0]!, guardians };
}
