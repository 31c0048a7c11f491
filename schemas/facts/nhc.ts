/**
 * Normalized facts answered by the health commission (NHC). Field names are the gateway's,
 * never the agency's. The parents on a certificate are other people than the subject:
 * their ID numbers only ever leave the mapper masked. The certificate carries no address
 * (the hospital is a name), so there is no addressNormalized here.
 */
import { Type, type Static } from '@sinclair/typebox';
import { IsoDate, Nullable } from '../common.js';

/** First 6 and last 4 characters kept: `370202********0010`. */
const MaskedIdNumber = Type.String({ pattern: '^\\d{6}\\*{8}\\d{3}[\\dX]$', description: 'first 6 and last 4 kept, 370202********0010' });

/** A parent as the certificate names them. */
export const BirthCertificateParent = Type.Object({
  name: Type.String({ minLength: 1 }),
  idNumberMasked: MaskedIdNumber,
}, { additionalProperties: false });
export type BirthCertificateParent = Static<typeof BirthCertificateParent>;

/** `birthCertificate`: the child's birth medical certificate (出生医学证明). */
export const BirthCertificate = Type.Object({
  certificateNumber: Type.String({ minLength: 1, description: '出生医学证明编号, e.g. Q370123456' }),
  birthDate: IsoDate,
  hospital: Type.String({ minLength: 1, description: 'where the child was born (助产机构), as the certificate writes it' }),
  childName: Type.String({ minLength: 1, description: 'the name registered on the certificate (not the one the platform sent)' }),
  mother: BirthCertificateParent,
  /** null when the certificate records no father. */
  father: Nullable(BirthCertificateParent),
}, { additionalProperties: false });
export type BirthCertificate = Static<typeof BirthCertificate>;
