/**
 * EDU's raw request and answer shapes (protocol style H, DESIGN.md §2): plain JSON REST
 * under `/api/v1`, a static bearer token, camelCase fields, errors as an HTTP status with a
 * `{ code, message }` body. The protocol constants the mock imports are declared here once.
 * The client validates every answer against these schemas before a mapper sees it; extra
 * fields are tolerated (the bureau adds fields over time), missing or mistyped ones are not.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Nullable } from '../../schemas/common.js';

/** Answers larger than this are refused as invalid_response (1 MiB; real ones are well under 1 KiB). */
export const EDU_MAX_RESPONSE_BYTES = 1024 * 1024;

/** The bureau's resources. */
export const EDU_PATHS = {
  /** `GET /api/v1/students/{idNumber}`: one pupil's 学籍. */
  students: '/api/v1/students',
  /** `GET /api/v1/zones?district=&street=&number=`: the schools a door number is zoned for. */
  zones: '/api/v1/zones',
} as const;

/** The header that carries the token, and its scheme. */
export const EDU_AUTH_HEADER = 'authorization';
export const EDU_AUTH_SCHEME = 'Bearer';

/** Longest road name the zoning service takes (a longer one is refused with HTTP 400). */
export const EDU_MAX_STREET_LENGTH = 40;

/** ID number as the student registry takes it: 18 characters, upper-case X. */
export const EduIdNumber = Type.String({ pattern: '^\\d{17}[\\dX]$', description: '公民身份号码' });

// --- connector inputs: the gateway's names, in the forms EDU accepts ---------------------

export const EduStudentInput = Type.Object({ idNumber: EduIdNumber }, { additionalProperties: false });

/**
 * A door on a road: the zoning query. Strings, because connector inputs are (and so is a
 * query string); the mock validates its query with the same schema.
 */
export const EduZoneQuery = Type.Object({
  district: Type.String({ pattern: '^\\d{6}$', description: 'GB/T 2260 district code' }),
  street: Type.String({ minLength: 1, maxLength: EDU_MAX_STREET_LENGTH, description: 'road name, e.g. 福州南路' }),
  number: Type.String({ pattern: '^[1-9]\\d{0,5}$', description: 'door number on the road, 88 for 88号' }),
}, { additionalProperties: false });
export type EduZoneQuery = Static<typeof EduZoneQuery>;

export function eduStudentPath(idNumber: string): string {
  return `${EDU_PATHS.students}/${encodeURIComponent(idNumber)}`;
}

/** Every value percent-encoded (road names are Chinese; `+` and `&` must not be read as syntax). */
export function eduZonesPath(query: EduZoneQuery): string {
  const qs = (['district', 'street', 'number'] as const).map((k) => `${k}=${encodeURIComponent(query[k])}`).join('&');
  return `${EDU_PATHS.zones}?${qs}`;
}

// --- answers ------------------------------------------------------------------------------

/** Every error: the HTTP status says what kind, `code` which one (codes.ts), `message` the bureau's text. */
export const EduError = Type.Object({ code: Type.String(), message: Type.String() });
export type EduError = Static<typeof EduError>;

/** A pupil's 学籍 record. */
export const EduStudent = Type.Object({
  /** 全国学籍号, `G` + ID number. */
  studentNumber: Type.String({ minLength: 1 }),
  /** 学校标识码. */
  schoolCode: Type.String(),
  /** Null (or absent, or empty) when the school is not in the bureau's directory. */
  schoolName: Type.Optional(Nullable(Type.String())),
  /** 年级: 0 kindergarten, 1-6 primary, 7-9 junior middle. */
  grade: Type.Integer(),
  /** 学籍状态: 在读 | 转出 | 毕业 | 休学 today; left open so that a new one maps to 'other', not a failure. */
  status: Type.String(),
});
export type EduStudent = Static<typeof EduStudent>;

export const EduSchool = Type.Object({
  schoolCode: Type.String(),
  schoolName: Type.String(),
  /** kindergarten | primary | junior today; left open (a new level maps to 'other'). */
  level: Type.String(),
});
export type EduSchool = Static<typeof EduSchool>;

/** The zoning answer: the door the bureau looked up (written its way) and the schools, none for a door in no zone. */
export const EduZones = Type.Object({
  address: Type.String(),
  schools: Type.Array(EduSchool),
});
export type EduZones = Static<typeof EduZones>;
