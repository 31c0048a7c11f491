/**
 * The normalized verification API (DESIGN.md §3). The request schema is built at start
 * from the fact names the registered connectors offer and the configured limits, so a
 * new connector's fact is accepted without touching this file.
 */
import { Type, type Static } from '@sinclair/typebox';
import { SOURCE_STATUSES, type SubjectField } from '../src/connectors/types.js';
import { IsoDate, Nullable, REF_FORM, Ref, StringEnum } from './common.js';
import { CheckResult, ProfileResult, PROFILE_NAME_PATTERN } from './checks.js';


/**
 * The API's own upper bounds for subject fields. The effective bound is the tighter of this
 * and every connector input that receives the field (ConnectorHub.subjectFieldMaxLengths):
 * the API never accepts what an agency would refuse.
 */
export const SUBJECT_FIELD_MAX_LENGTH: Readonly<Record<SubjectField, number>> = { idNumber: 40, name: 32, certificateNumber: 64, creditCode: 40 };

export interface RequestLimits { maxSubjects: number; maxFactsPerSubject: number; maxChecks: number }

const CheckId = Type.String({ pattern: '^[a-z](?![A-Za-z0-9_./-]*\\d{4})[A-Za-z0-9_./-]{0,63}$', description: 'a lower-case letter, then letters, digits (at most three in a row), _ . / -' });

/**
 * `checkTypes`: the catalog's types. A check's own parameters are checked against its
 * schema after this one (src/verification/normalize.ts), with their paths.
 */
export function verificationRequestSchema(factNames: string[], limits: RequestLimits, fieldMaxLength: Partial<Record<SubjectField, number>> = {}, checkTypes: readonly string[] = []) {
  const max = (field: SubjectField) => Math.min(SUBJECT_FIELD_MAX_LENGTH[field], fieldMaxLength[field] ?? Infinity);
  return Type.Object({
    purpose: Type.String({ pattern: '^[a-z][a-z0-9]*(\\.[a-z][A-Za-z0-9]*){0,3}$', maxLength: 64, description: 'lower-case words joined by dots, e.g. enrollment.primary' }),
    reference: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[\\x21-\\x7E]+$', description: 'printable ASCII without spaces, e.g. QD2026-PRI-000123' })),
    subjects: Type.Array(Type.Object({
      ref: Ref,
      idNumber: Type.Optional(Type.String({ minLength: 1, maxLength: max('idNumber'), description: 'person: resident ID number, as a string' })),
      name: Type.Optional(Type.String({ minLength: 1, maxLength: max('name'), description: 'person: name as the platform holds it' })),
      certificateNumber: Type.Optional(Type.String({ minLength: 1, maxLength: max('certificateNumber'), description: 'property: real-estate certificate number' })),
      creditCode: Type.Optional(Type.String({ minLength: 1, maxLength: max('creditCode'), description: 'enterprise: unified social credit code' })),
      role: Type.Optional(StringEnum(['child', 'guardian'] as const, { description: 'with a profile: the child applying (one) and the guardians (at least one)' })),
    }, { additionalProperties: false }), { minItems: 1, maxItems: limits.maxSubjects }),
    facts: Type.Optional(Type.Record(Ref, Type.Array(StringEnum(factNames), { minItems: 1, maxItems: limits.maxFactsPerSubject, uniqueItems: true }), {
      minProperties: 1,
      maxProperties: limits.maxSubjects,
      additionalProperties: false,
      description: `keys are subject refs (${REF_FORM})`,
    })),
    checks: Type.Optional(Type.Array(Type.Object({
      type: StringEnum(checkTypes as string[]),
      id: Type.Optional(CheckId),
    }, { additionalProperties: true, description: "a check of the catalog and its parameters (see GET /v1/checks)" }), { minItems: 1, maxItems: limits.maxChecks })),
    profile: Type.Optional(Type.String({ pattern: PROFILE_NAME_PATTERN, maxLength: 64, description: 'an admission profile name, e.g. qingdao.primary.local' })),
    schoolCode: Type.Optional(Type.String({ pattern: '^\\d{10}$', description: 'the school applied to: its ten-digit code (学校标识码)' })),
    asOf: Type.Optional(Type.String({ pattern: IsoDate.pattern, description: 'the reference date YYYY-MM-DD that checks judge dates against (default: the profile’s)' })),
  }, { additionalProperties: false });
}

/** Fields a subject object and the request may have. */
const SUBJECT_FIELD_COUNT = 6;
const TOP_LEVEL_FIELD_COUNT = 8;

/**
 * The request's size bounds, checked before the schema: a body of thousands of tiny
 * subjects, keys or fact names is refused with one detail per bound, not one per element.
 * Only what is over twice a limit is caught here; a near miss (9 subjects of 8) gets the
 * schema's precise details. Returns the problems (empty when within bounds).
 */
export function outOfBounds(body: unknown, limits: RequestLimits): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return problems; // the schema says what is wrong
  const over = (count: number, limit: number) => count > 2 * limit;
  const fields = Object.keys(body).length;
  if (over(fields, TOP_LEVEL_FIELD_COUNT)) problems.push({ path: '/', message: `must NOT have more than ${TOP_LEVEL_FIELD_COUNT} fields (has ${fields})` });
  const { subjects, facts, checks } = body as { subjects?: unknown; facts?: unknown; checks?: unknown };
  if (Array.isArray(checks) && over(checks.length, limits.maxChecks)) problems.push({ path: '/checks', message: `must NOT have more than ${limits.maxChecks} items (has ${checks.length})` });
  if (Array.isArray(subjects)) {
    if (over(subjects.length, limits.maxSubjects)) problems.push({ path: '/subjects', message: `must NOT have more than ${limits.maxSubjects} items (has ${subjects.length})` });
    else {
      subjects.forEach((s, i) => {
        const n = typeof s === 'object' && s !== null ? Object.keys(s).length : 0;
        if (over(n, SUBJECT_FIELD_COUNT)) problems.push({ path: `/subjects/${i}`, message: `must NOT have more than ${SUBJECT_FIELD_COUNT} fields (has ${n})` });
      });
    }
  }
  if (typeof facts === 'object' && facts !== null && !Array.isArray(facts)) {
    const lists = Object.values(facts);
    if (over(lists.length, limits.maxSubjects)) problems.push({ path: '/facts', message: `must NOT have more than ${limits.maxSubjects} keys (has ${lists.length})` });
    else {
      lists.forEach((names, i) => {
        if (Array.isArray(names) && over(names.length, limits.maxFactsPerSubject)) {
          problems.push({ path: '/facts', message: `key ${i + 1} of ${lists.length}: must NOT have more than ${limits.maxFactsPerSubject} fact names (has ${names.length})` });
        }
      });
    }
  }
  return problems;
}

export type VerificationRequest = Static<ReturnType<typeof verificationRequestSchema>>;

export const CacheState = StringEnum(['miss', 'hit', 'stale', 'coalesced', 'none'] as const);

export const Provenance = Type.Object({
  connector: Type.String(),
  agency: Type.String(),
  status: StringEnum(SOURCE_STATUSES),
  cache: CacheState,
  fetchedAt: Nullable(Type.String()),
  latencyMs: Type.Number(),
});

export const FactResult = Type.Object({
  status: StringEnum(['found', 'not_found', 'unavailable'] as const),
  value: Type.Optional(Type.Unknown({ description: 'the normalized fact (schemas/facts/), when found' })),
  provenance: Type.Array(Provenance),
});
export type FactResult = Static<typeof FactResult>;

export const SourceResult = Type.Object({
  connector: Type.String(),
  agency: Type.String(),
  subjects: Type.Array(Type.String()),
  status: StringEnum(SOURCE_STATUSES),
  cache: CacheState,
  fetchedAt: Nullable(Type.String()),
  latencyMs: Type.Number(),
  /** Requests made to the agency for this call (absent for a cache hit): more than one when retried. */
  attempts: Type.Optional(Type.Integer({ minimum: 1 })),
  message: Type.Optional(Type.String()),
});
export type SourceResult = Static<typeof SourceResult>;

export const VerificationResponse = Type.Object({
  id: Type.String({ description: 'verification id (also the audit record id)' }),
  purpose: Type.String(),
  reference: Type.Optional(Type.String()),
  status: StringEnum(['complete', 'partial'] as const),
  createdAt: Type.String(),
  facts: Type.Record(Type.String(), Type.Record(Type.String(), FactResult)),
  sources: Type.Array(SourceResult),
  checks: Type.Array(CheckResult),
  outcome: Type.Optional(StringEnum(['verified', 'review'] as const, { description: 'with a profile: verified when every requirement is met, else review' })),
  profile: Type.Optional(ProfileResult),
});
export type VerificationResponse = Static<typeof VerificationResponse>;
