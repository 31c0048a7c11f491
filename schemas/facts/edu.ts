/**
 * Normalized facts answered by the education bureau (EDU): a pupil's student status (学籍)
 * and the schools an address is zoned for (学区划片). Field names are the gateway's; school
 * names and addresses stay as the agencies wrote them.
 */
import { Type, type Static } from '@sinclair/typebox';
import { AddressNormalized, Nullable, StringEnum } from '../common.js';

/** 学校标识码: the ten-digit national school code. */
export const SchoolCode = Type.String({ pattern: '^\\d{10}$', description: '学校标识码, ten digits' });

export const SchoolLevel = StringEnum(['kindergarten', 'primary', 'junior', 'other'] as const);
export type SchoolLevel = Static<typeof SchoolLevel>;

/** One school an address is zoned for. */
export const ZonedSchool = Type.Object({
  schoolCode: SchoolCode,
  schoolName: Type.String({ minLength: 1, description: 'as the education bureau writes it' }),
  level: SchoolLevel,
}, { additionalProperties: false });
export type ZonedSchool = Static<typeof ZonedSchool>;

/** Output of `edu.school-district`: the schools whose zone covers a door number, in the bureau's order. */
export const ZonedSchools = Type.Array(ZonedSchool);
export type ZonedSchools = Static<typeof ZonedSchools>;

/**
 * `schoolDistrict`: the zone of a person's hukou address (or of a property's location).
 * `address` is as the registry that holds it wrote it (PSB, NRP); `schools` is empty when
 * the address lies in no zone, or is one the bureau cannot be asked about (see facts.ts).
 */
export const SchoolDistrict = Type.Object({
  address: Type.String(),
  addressNormalized: AddressNormalized,
  schools: ZonedSchools,
}, { additionalProperties: false });
export type SchoolDistrict = Static<typeof SchoolDistrict>;

/** `studentStatus`: the pupil's 学籍 record. */
export const StudentStatus = Type.Object({
  studentNumber: Type.String({ minLength: 1, description: '全国学籍号' }),
  schoolCode: SchoolCode,
  schoolName: Nullable(Type.String({ minLength: 1, description: 'null when the bureau gives none' })),
  grade: Type.Integer({ minimum: 0, maximum: 9, description: '0 kindergarten, 1-6 primary, 7-9 junior middle' }),
  status: StringEnum(['enrolled', 'transferred_out', 'graduated', 'suspended', 'other'] as const),
}, { additionalProperties: false });
export type StudentStatus = Static<typeof StudentStatus>;
