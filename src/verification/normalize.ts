/**
 * What the request schema cannot say: which kind each subject is, ID numbers checked for
 * length, characters, region, date and check digit (normalising full-width digits, spaces
 * and lower-case x), duplicate refs and persons, facts that name no subject or do not
 * apply to the subject's kind. Every problem names its field; none repeats the value.
 * Then the plan: the facts asked for, the checks named or of the profile (plan-checks.ts),
 * and the facts those checks read besides, which are resolved but not returned.
 */
import type { VerificationRequest } from '../../schemas/api.js';
import { parseIdNumber } from '../domain/id-number.js';
import { CERTIFICATE_NUMBER_PATTERN, normalizeCertificateNumber } from '../domain/certificate-number.js';
import { parseCreditCode } from '../domain/credit-code.js';
import { checkPersonName } from '../domain/person-name.js';
import { GatewayError, type ErrorDetail } from '../errors.js';
import type { ConnectorHub } from '../connectors/hub.js';
import type { FactDefinition, Subject } from '../connectors/types.js';
import type { CompiledProfile } from '../checks/profiles.js';
import { isRealDate } from '../domain/id-number.js';
import { planChecks, type PlannedCheck, type PlannedProfile } from './plan-checks.js';

export type { PlannedCheck, PlannedProfile, PlannedRequirement } from './plan-checks.js';

export interface PlannedFact {
  subject: Subject;
  fact: FactDefinition;
  /** The request asked for it (`facts`); a fact only a check needs is read, never returned. */
  returned: boolean;
}

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

  const { checks, asOf, profile } = planChecks(body, { refAt, subjectByRef, profiles, details });
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
