/**
 * Normalized facts answered by the household registry (PSB). Field names are the
 * gateway's, never the agency's; addresses stay as the agency wrote them (comparing
 * them is the address normalizer's job).
 */
import { Type, type Static } from '@sinclair/typebox';
import { AddressNormalized, Gender, IsoDate, Nullable, StringEnum } from '../common.js';
import { Relation } from '../population.js';

/** `hukou`: where a person's household registration is. */
export const Hukou = Type.Object({
  address: Type.String({ description: 'hukou address as the registry writes it' }),
  addressNormalized: AddressNormalized,
  districtCode: Nullable(Type.String({ pattern: '^\\d{6}$' })),
  householdNumber: Type.String(),
  relationToHead: Relation,
  registeredOn: IsoDate,
  kind: StringEnum(['family', 'collective'] as const),
}, { additionalProperties: false });
export type Hukou = Static<typeof Hukou>;

/** `household`: the members of the person's household. Members are people: ID numbers are masked. */
export const Household = Type.Object({
  householdNumber: Type.String(),
  address: Type.String(),
  addressNormalized: AddressNormalized,
  members: Type.Array(Type.Object({
    name: Type.String(),
    idNumberMasked: Type.String({ description: 'first 6 and last 4 kept, 370202********0010' }),
    relationToHead: Relation,
    gender: Gender,
    birthDate: IsoDate,
    registeredOn: IsoDate,
  }, { additionalProperties: false })),
}, { additionalProperties: false });
export type Household = Static<typeof Household>;

/** `hukouMoves`: hukou moves, oldest first. */
export const HukouMoves = Type.Array(Type.Object({
  date: IsoDate,
  kind: StringEnum(['birth', 'move_in', 'move_within_city', 'other'] as const),
  from: Nullable(Type.String()),
  to: Type.String(),
}, { additionalProperties: false }));
export type HukouMoves = Static<typeof HukouMoves>;

/** `residencePermit`: the person's most recent residence permit (居住证). */
export const ResidencePermit = Type.Object({
  permitNumber: Type.String(),
  address: Type.String(),
  addressNormalized: AddressNormalized,
  issuedOn: IsoDate,
  validUntil: IsoDate,
  authority: Type.String(),
}, { additionalProperties: false });
export type ResidencePermit = Static<typeof ResidencePermit>;

/** `identity`: does the name match the ID number, and the registry's basic data. */
export const Identity = Type.Object({
  nameMatches: Type.Boolean(),
  gender: Gender,
  birthDate: IsoDate,
  alive: Type.Boolean(),
}, { additionalProperties: false });
export type Identity = Static<typeof Identity>;
