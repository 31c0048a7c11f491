/**
 * Check results and admission profiles: what a verification answers about the family's
 * claims (DESIGN.md §3), and the shape of a profile in the config file. Each check's own
 * parameters are declared next to the check (src/checks/).
 */
import { Type, type Static } from '@sinclair/typebox';
import { IsoDate, StringEnum } from './common.js';

export const CheckResultValue = StringEnum(['pass', 'fail', 'undetermined'] as const);
export type CheckResultValue = Static<typeof CheckResultValue>;

export const Bilingual = Type.Object({
  zh: Type.String({ minLength: 1 }),
  en: Type.String({ minLength: 1 }),
}, { additionalProperties: false });

/** Why a check decided as it did: a stable code for the platform, a sentence for people. */
export const CheckReason = Type.Object({
  code: Type.String({ pattern: '^[a-z][a-z_]*$', description: 'stable, e.g. hukou_elsewhere' }),
  zh: Type.String(),
  en: Type.String(),
}, { additionalProperties: false });
export type CheckReason = Static<typeof CheckReason>;

/**
 * One record a check used: whose fact, which record of it (certificate, household, permit,
 * contract, lease or school number) and the fields compared, never the whole fact.
 */
export const CheckEvidence = Type.Object({
  subject: Type.String({ description: 'subject ref' }),
  fact: Type.String(),
  record: Type.Optional(Type.String({ description: 'the record’s own number' })),
  values: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: 'the fields the check compared (dates, normalized addresses, counts)' })),
}, { additionalProperties: false });
export type CheckEvidence = Static<typeof CheckEvidence>;

export const CheckResult = Type.Object({
  id: Type.String({ description: 'the request’s id for the check, checks/<index>, or <requirement>/<type>[@<ref>] in a profile' }),
  type: Type.String(),
  params: Type.Record(Type.String(), Type.Unknown(), { description: 'the parameters as evaluated (subject refs, dates, counts)' }),
  result: CheckResultValue,
  reason: CheckReason,
  evidence: Type.Array(CheckEvidence),
  unavailable: Type.Optional(Type.Array(Type.String(), { description: 'sources that did not answer, connector: status' })),
}, { additionalProperties: false });
export type CheckResult = Static<typeof CheckResult>;

export const RequirementStatus = StringEnum(['met', 'unmet', 'undetermined'] as const);

export const RequirementResult = Type.Object({
  id: Type.String(),
  title: Bilingual,
  status: RequirementStatus,
  /** The alternative that met it. */
  metBy: Type.Optional(Type.String()),
  /** Every alternative's check ids, in the profile's order. */
  alternatives: Type.Array(Type.Object({
    id: Type.String(),
    title: Bilingual,
    status: RequirementStatus,
    checks: Type.Array(Type.String()),
  }, { additionalProperties: false })),
  /** When not met: each check that did not pass, with its reason. */
  reasons: Type.Optional(Type.Array(Type.Object({ check: Type.String(), ...CheckReason.properties }, { additionalProperties: false }))),
  /** When not met: sources that did not answer (ask again later, or take the paper proof). */
  unavailable: Type.Optional(Type.Array(Type.String())),
  /** When not met: what the family could hand in instead. */
  submitInstead: Type.Optional(Bilingual),
}, { additionalProperties: false });
export type RequirementResult = Static<typeof RequirementResult>;

export const ProfileResult = Type.Object({
  name: Type.String(),
  title: Bilingual,
  asOf: IsoDate,
  requirements: Type.Array(RequirementResult),
}, { additionalProperties: false });
export type ProfileResult = Static<typeof ProfileResult>;

// --- profiles in the config file ---

const Id = Type.String({ pattern: '^[a-z][A-Za-z0-9_-]{0,31}$' });

/**
 * A check inside a profile: `type` and the check's parameters, where a subject parameter
 * is `$child`, `$guardian` (each guardian: `guardians` says whether any or all must pass)
 * or `$guardians` (the list), and a school is `$school` (the request's schoolCode).
 */
export const ProfileCheck = Type.Object({
  type: Type.String(),
  id: Type.Optional(Id),
  guardians: Type.Optional(StringEnum(['any', 'all'] as const, { description: 'with $guardian: whether any guardian or every guardian must pass (default any)' })),
}, { additionalProperties: true });
export type ProfileCheck = Static<typeof ProfileCheck>;

export const ProfileRequirement = Type.Object({
  id: Id,
  title: Bilingual,
  /** Met when every check of any one alternative passes. */
  anyOf: Type.Array(Type.Object({
    id: Id,
    title: Bilingual,
    checks: Type.Array(ProfileCheck, { minItems: 1 }),
  }, { additionalProperties: false }), { minItems: 1 }),
  submitInstead: Type.Optional(Bilingual),
}, { additionalProperties: false });
export type ProfileRequirement = Static<typeof ProfileRequirement>;

export const Profile = Type.Object({
  title: Bilingual,
  /** The request's purpose must be this one: a profile's data is collected for its purpose only. */
  purpose: Type.String({ pattern: '^[a-z][a-z0-9]*(\\.[a-z][A-Za-z0-9]*){0,3}$' }),
  /** The reference date (a request may give its own). */
  asOf: IsoDate,
  /** Another profile whose requirements this one starts from: a requirement with the same id replaces the base's, new ids are added at the end. */
  extends: Type.Optional(Type.String()),
  requirements: Type.Array(ProfileRequirement, { default: [] }),
}, { additionalProperties: false });
export type Profile = Static<typeof Profile>;

export const PROFILE_NAME_PATTERN = '^[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*){0,3}$';
export const Profiles = Type.Record(Type.String({ pattern: PROFILE_NAME_PATTERN }), Profile, { default: {}, description: 'admission profiles by name, e.g. qingdao.primary.local' });
