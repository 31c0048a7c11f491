/**
 * What the request schema cannot say: which kind each subject is, ID numbers checked for
 * length, characters, region, date and check digit (normalising full-width digits, spaces
 * and lower-case x), duplicate refs and persons, facts that name no subject or do not
 * apply to the subject's kind. Every problem names its field; none repeats the value.
 */
import type { VerificationRequest } from '../../schemas/api.js';
import { parseIdNumber } from '../domain/id-number.js';
import { CERTIFICATE_NUMBER_PATTERN, normalizeCertificateNumber } from '../domain/certificate-number.js';
import { parseCreditCode } from '../domain/credit-code.js';
import { checkPersonName } from '../domain/person-name.js';
import { GatewayError, type ErrorDetail } from '../errors.js';
import type { ConnectorHub } from '../connectors/hub.js';
import type { FactDefinition, Subject } from '../connectors/types.js';
import type { CheckDefinition } from '../checks/types.js';
import { checkByType } from '../checks/index.js';
import { instantiate, type CompiledProfile } from '../checks/profiles.js';
import { isRealDate } from '../domain/id-number.js';
import { validationDetails } from '../plugins/errors.js';
import { validatorFor } from '../validation.js';

export interface PlannedFact {
  subject: Subject;
  fact: FactDefinition;
  /** The request asked for it (`facts`); a fact only a check needs is read, never returned. */
  returned: boolean;
}

export interface PlannedCheck { id: string; def: CheckDefinition; params: Record<string, unknown> }

/** A profile's requirement with its checks instantiated: each group is one profile check (several ids with $guardian). */
export interface PlannedRequirement {
  id: string;
  title: { zh: string; en: string };
  submitInstead: { zh: string; en: string };
  anyOf: { id: string; title: { zh: string; en: string }; groups: { ids: string[]; need: 'one' | 'any' | 'all' }[] }[];
}

export interface PlannedProfile { name: string; title: { zh: string; en: string }; requirements: PlannedRequirement[] }

export interface NormalizedRequest {
  purpose: string;
  reference: string | undefined;
  subjects: Subject[];
  /** Every (subject, fact) pair to resolve: those asked for in request order, then those only checks need. */
  plan: PlannedFact[];
  /** The request's checks, then the profile's. */
  checks: PlannedCheck[];
  /** The reference date checks judge dates against: the request's, else the profile's. */
  asOf: string | undefined;
  profile: PlannedProfile | undefined;
}

const NO_PROFILES: ReadonlyMap<string, CompiledProfile> = new Map();

export function normalizeRequest(body: VerificationRequest, hub: ConnectorHub, profiles: ReadonlyMap<string, CompiledProfile> = NO_PROFILES, today = new Date()): NormalizedRequest {
  const details: ErrorDetail[] = [];
  const subjects: Subject[] = [];
  const refAt = new Map<string, number>();
  const personAt = new Map<string, number>();

  body.subjects.forEach((s, i) => {
    const at = `/subjects/${i}`;
    const earlier = refAt.get(s.ref);
    if (earlier !== undefined) details.push({ path: `${at}/ref`, message: `duplicates the ref of /subjects/${earlier}` });
    else refAt.set(s.ref, i);

    const isPerson = s.idNumber !== undefined || s.name !== undefined;
    const isProperty = s.certificateNumber !== undefined;
    const isEnterprise = s.creditCode !== undefined;
    if (Number(isPerson) + Number(isProperty) + Number(isEnterprise) > 1) {
      details.push({ path: at, message: 'a subject is one of: a person (idNumber and name), a property (certificateNumber), an enterprise (creditCode)' });
      return;
    }
    if (s.role !== undefined && !isPerson) details.push({ path: `${at}/role`, message: 'only a person has a role' });
    if (isEnterprise) {
      const code = parseCreditCode(s.creditCode!);
      if (!code.ok) {
        details.push({ path: `${at}/creditCode`, message: `invalid unified social credit code: ${code.message}` });
        return;
      }
      subjects.push({ kind: 'enterprise', ref: s.ref, creditCode: code.value, checkValid: code.checkValid });
      return;
    }
    if (isProperty) {
      const certificateNumber = normalizeCertificateNumber(s.certificateNumber!);
      if (!CERTIFICATE_NUMBER_PATTERN.test(certificateNumber)) {
        details.push({ path: `${at}/certificateNumber`, message: 'expected a real-estate certificate number like 鲁(2021)青岛市不动产权第0012345号' });
        return;
      }
      subjects.push({ kind: 'property', ref: s.ref, certificateNumber });
      return;
    }
    if (s.idNumber === undefined) details.push({ path: `${at}/idNumber`, message: 'is required for a person (or give certificateNumber for a property, creditCode for an enterprise)' });
    if (s.name === undefined) details.push({ path: `${at}/name`, message: 'is required for a person' });
    if (s.idNumber === undefined || s.name === undefined) return;
    const id = parseIdNumber(s.idNumber, today);
    if (!id.ok) {
      details.push({ path: `${at}/idNumber`, message: `invalid resident ID number (${id.problem}): ${id.message}` });
      return;
    }
    const name = checkPersonName(s.name);
    if (!name.ok) {
      details.push({ path: `${at}/name`, message: name.message });
      return;
    }
    const samePerson = personAt.get(id.value);
    if (samePerson !== undefined) {
      details.push({ path: `${at}/idNumber`, message: `is the same person as /subjects/${samePerson}` });
      return;
    }
    personAt.set(id.value, i);
    subjects.push({ kind: 'person', ref: s.ref, idNumber: id.value, name: name.value });
  });

  // Refs are client-chosen keys: looked up in Maps, never used as keys of plain objects.
  const subjectByRef = new Map(subjects.map((s) => [s.ref, s]));
  const plan: PlannedFact[] = [];
  const planned = new Map<string, PlannedFact>();
  if (body.facts === undefined && body.checks === undefined && body.profile === undefined) {
    details.push({ path: '/', message: 'name what to verify: facts, checks or a profile' });
  }
  for (const [ref, names] of Object.entries(body.facts ?? {})) {
    if (!refAt.has(ref)) {
      details.push({ path: `/facts/${ref}`, message: `no subject has ref '${ref}'` });
      continue;
    }
    const subject = subjectByRef.get(ref);
    if (!subject) continue; // the subject itself was refused above
    names.forEach((name, k) => {
      const fact = hub.fact(subject.kind, name);
      if (fact) {
        const entry = { subject, fact, returned: true };
        plan.push(entry);
        planned.set(`${ref}\u0000${name}`, entry);
      } else {
        details.push({
          path: `/facts/${ref}/${k}`,
          message: `'${name}' is not a fact about a ${subject.kind}; ${subject.kind} facts: ${hub.factNames(subject.kind).join(', ')}`,
        });
      }
    });
  }

  if (body.asOf !== undefined && !isRealDate(body.asOf.replaceAll('-', ''))) details.push({ path: '/asOf', message: 'must be a real calendar date YYYY-MM-DD' });

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

  // The facts the checks read, besides those asked for: read, never returned.
  for (const c of checks) {
    for (const [ref, name] of c.def.needs(c.params as never)) {
      const key = `${ref}\u0000${name}`;
      if (planned.has(key)) continue;
      const subject = subjectByRef.get(ref);
      const fact = subject && hub.fact(subject.kind, name);
      if (!subject || !fact) continue; // refused above, or a fact this gateway does not offer (the check sees it unavailable)
      const entry = { subject, fact, returned: false };
      plan.push(entry);
      planned.set(key, entry);
    }
  }

  if (details.length) throw new GatewayError('TONGBAN_ERR_VALIDATION', details);
  return { purpose: body.purpose, reference: body.reference, subjects, plan, checks, asOf, profile };
}

/** The child (exactly one) and the guardians (at least one) by their role; null after adding the problems. */
function rolesOf(body: VerificationRequest, subjectByRef: Map<string, Subject>, details: ErrorDetail[]): { child: string; guardians: string[] } | null {
  const children = body.subjects.filter((s) => s.role === 'child').map((s) => s.ref);
  const guardians = body.subjects.filter((s) => s.role === 'guardian').map((s) => s.ref);
  const before = details.length;
  if (children.length !== 1) details.push({ path: '/subjects', message: `a profile needs exactly one subject with role child (has ${children.length})` });
  if (guardians.length === 0) details.push({ path: '/subjects', message: 'a profile needs at least one subject with role guardian' });
  if (details.length > before) return null;
  if (![...children, ...guardians].every((r) => subjectByRef.has(r))) return null; // a refused subject: its problem is reported
  return { child: children[0]!, guardians };
}
