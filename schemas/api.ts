/**
 * The normalized verification API (DESIGN.md §3). The request schema is built at start
 * from the fact names the registered connectors offer and the configured limits, so a
 * new connector's fact is accepted without touching this file.
 */
import { Type, type Static } from '@sinclair/typebox';
import { SOURCE_STATUSES } from '../src/connectors/types.js';
import { Nullable, StringEnum } from './common.js';

const Ref = Type.String({ pattern: '^[a-z][A-Za-z0-9_-]{0,31}$', description: 'a lower-case letter, then up to 31 letters, digits, _ or -, e.g. child' });

export function verificationRequestSchema(factNames: string[], limits: { maxSubjects: number; maxFactsPerSubject: number }) {
  return Type.Object({
    purpose: Type.String({ pattern: '^[a-z][a-z0-9]*(\\.[a-z][A-Za-z0-9]*){0,3}$', maxLength: 64, description: 'lower-case words joined by dots, e.g. enrollment.primary' }),
    reference: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[\\x21-\\x7E]+$', description: 'printable ASCII without spaces, e.g. QD2026-PRI-000123' })),
    subjects: Type.Array(Type.Object({
      ref: Ref,
      idNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'person: resident ID number, as a string' })),
      name: Type.Optional(Type.String({ minLength: 1, maxLength: 32, description: 'person: name as the platform holds it' })),
      certificateNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'property: real-estate certificate number' })),
    }, { additionalProperties: false }), { minItems: 1, maxItems: limits.maxSubjects }),
    facts: Type.Record(Ref, Type.Array(StringEnum(factNames), { minItems: 1, maxItems: limits.maxFactsPerSubject, uniqueItems: true }), {
      minProperties: 1,
      maxProperties: limits.maxSubjects,
      description: 'subject ref → the facts wanted about it',
    }),
  }, { additionalProperties: false });
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
  checks: Type.Array(Type.Unknown()),
});
export type VerificationResponse = Static<typeof VerificationResponse>;
