/**
 * NHC's raw request and response shapes (style G, DESIGN.md §2), as JSON Schemas with
 * their types derived, and the protocol constants the mock imports. Field names are the
 * platform's camelCase English; dates are `yyyy-MM-dd`; a certificate without a recorded
 * father carries empty strings in the father's fields (the platform never sends null).
 * The client validates every answer against these before a mapper sees it; unknown extra
 * fields are tolerated, missing or mistyped ones are not.
 */
import { Type, type Static } from '@sinclair/typebox';

/** Answers larger than this are refused as invalid_response (256 KiB; a certificate is under 1 KiB). */
export const NHC_MAX_RESPONSE_BYTES = 256 * 1024;

/** 公民身份号码 as the platform accepts and writes it: 18 characters, upper-case X. */
export const NhcIdNumber = Type.String({ pattern: '^\\d{17}[\\dX]$', description: '公民身份号码' });
const NhcDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'yyyy-MM-dd' });

/** Every answer: HTTP 200 with this envelope; `code` is a number, `data` is null unless code is 0. */
export const NhcEnvelope = Type.Object({
  code: Type.Integer(),
  msg: Type.String(),
  data: Type.Optional(Type.Unknown()),
});
export type NhcEnvelope = Static<typeof NhcEnvelope>;

// --- request bodies (the mock validates with the same schemas) ---------------------------

export const NhcBirthQuery = Type.Object({ childIdNumber: NhcIdNumber }, { additionalProperties: false });

// --- connector inputs: the gateway's names, with the forms NHC accepts --------------------

export const NhcByIdNumberInput = Type.Object({ idNumber: NhcIdNumber }, { additionalProperties: false });

// --- answers ------------------------------------------------------------------------------

/** 出生医学证明: one birth medical certificate, found by the child's ID number. */
export const NhcBirthCertificate = Type.Object({
  certificateNo: Type.String({ minLength: 1, description: '出生医学证明编号' }),
  childName: Type.String({ description: '新生儿姓名 (as registered)' }),
  childIdNumber: NhcIdNumber,
  birthDate: NhcDate,
  birthOrgName: Type.String({ description: '助产机构名称' }),
  motherName: Type.String(),
  motherIdNumber: NhcIdNumber,
  /** '' when the certificate records no father. */
  fatherName: Type.String(),
  /** '' when the certificate records no father. */
  fatherIdNumber: Type.String({ pattern: '^(\\d{17}[\\dX])?$' }),
});
export type NhcBirthCertificate = Static<typeof NhcBirthCertificate>;

/** The query services: request body and answer `data` schema of each (one today; more to come). */
export const NHC_SERVICES = {
  birth: { params: NhcBirthQuery, data: NhcBirthCertificate },
} as const;

export type NhcService = keyof typeof NHC_SERVICES;
export type NhcParams<S extends NhcService> = Static<(typeof NHC_SERVICES)[S]['params']>;
export type NhcData<S extends NhcService> = Static<(typeof NHC_SERVICES)[S]['data']>;

/** `/api/v1/{service}/query`: one path per service. */
export function nhcServicePath(service: NhcService): string {
  return `/api/v1/${service}/query`;
}
