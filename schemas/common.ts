/**
 * Building blocks shared by several schemas. Schemas are written with TypeBox: each one
 * is a plain JSON Schema object at run time (ajv validates with it) and its TypeScript
 * type is derived from it (`Static<typeof X>`), so no shape is written twice.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';

export const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'calendar date, YYYY-MM-DD' });
export const YearMonth = Type.String({ pattern: '^\\d{6}$', description: 'month, YYYYMM' });
export const IdNumber = Type.String({ pattern: '^\\d{17}[\\dX]$', description: 'resident identity number (GB 11643), normalised' });
export const CreditCode = Type.String({ pattern: '^[0-9A-HJ-NP-RTUW-Y]{18}$', description: 'unified social credit code (GB 32100)' });
export const DistrictCode = Type.String({ pattern: '^\\d{6}$', description: 'GB/T 2260 district code' });
export const Gender = Type.Union([Type.Literal('male'), Type.Literal('female')]);

export function Nullable<T extends TSchema>(schema: T) {
  return Type.Union([schema, Type.Null()]);
}

/**
 * An address read into one structured form (src/domain/address.ts), whichever agency wrote
 * it: district (null when the text names none), road, door number, building, unit, room.
 */
export const StructuredAddress = Type.Object({
  district: Nullable(DistrictCode),
  street: Type.String({ description: 'road as written, e.g. 福州南路' }),
  number: Type.Integer({ minimum: 0, description: 'door number on the road' }),
  building: Nullable(Type.Integer({ minimum: 0 })),
  unit: Nullable(Type.Integer({ minimum: 0 })),
  room: Nullable(Type.String({ pattern: '^\\d{1,5}$' })),
}, { additionalProperties: false });
export type StructuredAddress = Static<typeof StructuredAddress>;

/** Beside every address a fact carries as the agency wrote it: its structured form, or null when it cannot be read. */
export const AddressNormalized = Nullable(StructuredAddress);
export type AddressNormalized = Static<typeof AddressNormalized>;

/** String enum as a JSON Schema `enum` (clearer errors than a union of literals). */
export function StringEnum<const T extends readonly string[]>(values: T, options: { description?: string } = {}) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
}

/**
 * A subject's label within a request. No run of four digits, so that a ref can never carry
 * an ID number: refs are repeated in answers and errors.
 */
export const REF_FORM = 'a lower-case letter, then up to 31 letters, digits (at most three in a row), _ or -, e.g. child';
export const Ref = Type.String({ pattern: '^[a-z](?![A-Za-z0-9_-]*\\d{4})[A-Za-z0-9_-]{0,31}$', description: REF_FORM });
