/**
 * Admission profiles: named lists of requirements from the config file, compiled once at
 * start (every check type known, every parameter valid against the check's schema, every
 * id unique, `extends` resolved), then instantiated per request with the request's roles:
 * `$child` is the subject with role child, `$guardians` the list of guardians, `$guardian`
 * each guardian in turn (the check's `guardians: any|all` says how many must pass), and
 * `$school` the request's schoolCode.
 */
import type { Bilingual, CheckDefinition } from './types.js';
import type { Profile, ProfileCheck } from '../../schemas/checks.js';
import { checkByType, CHECK_TYPES } from './index.js';
import { describeErrors, validatorFor } from '../validation.js';

export interface CompiledCheck {
  /** `<requirement>/<type or id>`; `@<ref>` is appended per guardian for `$guardian`. */
  id: string;
  def: CheckDefinition;
  /** The parameters with placeholders still in them. */
  template: Record<string, unknown>;
  perGuardian: 'any' | 'all' | null;
}

export interface CompiledAlternative { id: string; title: Bilingual; checks: CompiledCheck[] }
export interface CompiledRequirement { id: string; title: Bilingual; submitInstead: Bilingual; anyOf: CompiledAlternative[] }

export interface CompiledProfile {
  name: string;
  title: Bilingual;
  purpose: string;
  asOf: string;
  requirements: CompiledRequirement[];
  usesSchool: boolean;
}

const PLACEHOLDER = { child: '$child', guardian: '$guardian', guardians: '$guardians', school: '$school' } as const;
/** What placeholders stand for while a template is validated against the check's schema. */
const STAND_IN: Record<string, unknown> = { $child: 'child', $guardian: 'guardian', $guardians: ['guardian'], $school: '0000000000' };

export class ProfileError extends Error {
  override readonly name = 'ProfileError';
}

export function compileProfiles(profiles: Readonly<Record<string, Profile>>): Map<string, CompiledProfile> {
  const out = new Map<string, CompiledProfile>();
  const resolving = new Set<string>();
  const resolve = (name: string, path: string): Profile['requirements'] => {
    const p = profiles[name];
    if (!p) throw new ProfileError(`${path}: no profile named ${name}`);
    if (resolving.has(name)) throw new ProfileError(`${path}: profile ${name} extends itself`);
    resolving.add(name);
    const base = p.extends !== undefined ? resolve(p.extends, `/profiles/${name}/extends`) : [];
    resolving.delete(name);
    const merged = [...base];
    for (const r of p.requirements) {
      const i = merged.findIndex((b) => b.id === r.id);
      if (i >= 0) merged[i] = r;
      else merged.push(r);
    }
    return merged;
  };
  for (const [name, p] of Object.entries(profiles)) {
    const requirements = resolve(name, `/profiles/${name}`).map((r) => compileRequirement(r, `/profiles/${name}/requirements/${r.id}`));
    if (!requirements.length) throw new ProfileError(`/profiles/${name}: has no requirements`);
    const usesSchool = requirements.some((r) => r.anyOf.some((a) => a.checks.some((c) => Object.values(c.template).includes(PLACEHOLDER.school))));
    out.set(name, { name, title: p.title, purpose: p.purpose, asOf: p.asOf, requirements, usesSchool });
  }
  return out;
}

function compileRequirement(r: Profile['requirements'][number], path: string): CompiledRequirement {
  const ids = new Set<string>();
  const anyOf = r.anyOf.map((alt, a): CompiledAlternative => ({
    id: alt.id,
    title: alt.title,
    checks: alt.checks.map((c, k) => {
      const compiled = compileCheck(r.id, c, `${path}/anyOf/${a}/checks/${k}`);
      if (ids.has(compiled.id)) throw new ProfileError(`${path}/anyOf/${a}/checks/${k}: a second ${compiled.id} in one requirement: give it an id`);
      ids.add(compiled.id);
      return compiled;
    }),
  }));
  const proofs = [...new Set(anyOf.flatMap((a) => a.checks.map((c) => c.def.paperProof)))];
  const submitInstead = r.submitInstead ?? {
    zh: proofs.map((p) => p.zh).join('；或'),
    en: proofs.map((p) => p.en).join('; or '),
  };
  return { id: r.id, title: r.title, submitInstead, anyOf };
}

function compileCheck(requirement: string, c: ProfileCheck, path: string): CompiledCheck {
  const def = checkByType(c.type);
  if (!def) throw new ProfileError(`${path}/type: no check of type ${c.type}; checks: ${CHECK_TYPES.join(', ')}`);
  const { type: _type, id, guardians, ...template } = c;
  let perGuardian: 'any' | 'all' | null = null;
  for (const [key, value] of Object.entries(template)) {
    const shape = (def.subjects as Record<string, string | undefined>)[key];
    if (value === PLACEHOLDER.guardian) {
      if (shape !== 'one') throw new ProfileError(`${path}/${key}: $guardian names one subject; ${key} is not such a parameter`);
      if (perGuardian) throw new ProfileError(`${path}: $guardian may appear once per check`);
      perGuardian = guardians ?? 'any';
    } else if ((value === PLACEHOLDER.child && shape !== 'one') || (value === PLACEHOLDER.guardians && shape !== 'many')) {
      throw new ProfileError(`${path}/${key}: ${String(value)} does not fit; ${key} takes ${shape === 'many' ? 'a list of subjects ($guardians)' : shape === 'one' ? 'one subject ($child or $guardian)' : 'no subject'}`);
    } else if (shape && typeof value === 'string' && !value.startsWith('$')) {
      throw new ProfileError(`${path}/${key}: a profile names subjects by role: $child, $guardian or $guardians`);
    }
  }
  if (guardians !== undefined && perGuardian === null) throw new ProfileError(`${path}/guardians: only a check with a $guardian parameter has it`);
  const standIn = Object.fromEntries(Object.entries(template).map(([k, v]) => [k, typeof v === 'string' && v in STAND_IN ? STAND_IN[v] : v]));
  const validate = validatorFor(def.params);
  if (!validate(standIn)) throw new ProfileError(`${path}: ${describeErrors(validate.errors).join('; ')}`);
  return { id: `${requirement}/${id ?? def.type}`, def, template, perGuardian };
}

export interface Roles { child: string; guardians: string[]; schoolCode: string | undefined }

/** The check's parameters for one request (one set per guardian with `$guardian`), with their ids. */
export function instantiate(c: CompiledCheck, roles: Roles): { id: string; params: Record<string, unknown> }[] {
  const fill = (guardian: string | null) => Object.fromEntries(Object.entries(c.template).map(([k, v]) => [k,
    v === PLACEHOLDER.child ? roles.child
      : v === PLACEHOLDER.guardians ? roles.guardians
        : v === PLACEHOLDER.guardian ? guardian
          : v === PLACEHOLDER.school ? roles.schoolCode
            : v]));
  if (c.perGuardian === null) return [{ id: c.id, params: fill(null) }];
  return roles.guardians.map((g) => ({ id: `${c.id}@${g}`, params: fill(g) }));
}
