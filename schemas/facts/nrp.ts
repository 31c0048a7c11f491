/** Normalized facts answered by the real-estate registry (NRP). */
import { Type, type Static } from '@sinclair/typebox';
import { AddressNormalized, IsoDate, Nullable, StringEnum } from '../common.js';

export const RESTRICTION_KINDS = ['mortgage', 'seizure', 'sale_restriction', 'objection', 'other'] as const;

export const PropertyRestriction = Type.Object({
  kind: StringEnum(RESTRICTION_KINDS),
  registeredOn: IsoDate,
  until: Nullable(IsoDate),
  authority: Type.String(),
}, { additionalProperties: false });
export type PropertyRestriction = Static<typeof PropertyRestriction>;

/** Output of `nrp.property-restrictions`: current restrictions on one certificate. */
export const PropertyRestrictions = Type.Array(PropertyRestriction);
export type PropertyRestrictions = Static<typeof PropertyRestrictions>;

/** One property right as the registry records it (without restrictions). */
export const PropertyRecord = Type.Object({
  certificateNumber: Type.String(),
  address: Type.String({ description: 'location (坐落) as the registry writes it' }),
  addressNormalized: AddressNormalized,
  areaM2: Type.Number(),
  use: StringEnum(['residential', 'commercial', 'office', 'parking', 'other'] as const),
  coOwnership: StringEnum(['sole', 'joint', 'shares', 'other'] as const),
  /** Co-owners are other people: only their count and share are given, no identities. */
  ownerCount: Type.Integer({ minimum: 1 }),
  sharePercent: Nullable(Type.Number({ description: 'the subject’s share for 按份共有, else null' })),
  registeredOn: IsoDate,
}, { additionalProperties: false });
export type PropertyRecord = Static<typeof PropertyRecord>;

/** Output of `nrp.property-by-owner`: every right held by a person (all pages). */
export const PropertyList = Type.Array(PropertyRecord);
export type PropertyList = Static<typeof PropertyList>;

/** `properties`: a person's properties (or one certificate's), each with its restrictions; `restrictions: null` means the restriction query failed. */
export const Properties = Type.Array(Type.Object({
  ...PropertyRecord.properties,
  restrictions: Nullable(PropertyRestrictions),
}, { additionalProperties: false }));
export type Properties = Static<typeof Properties>;
