import type { BirthCertificate } from '../../schemas/facts/nhc.js';
import { maskIdNumber } from '../../src/domain/id-number.js';
import type { NhcBirthCertificate } from './types.js';

/**
 * birth → `birthCertificate`. The parents' ID numbers are masked here: they are other
 * people's. NHC writes an unrecorded father as empty strings; only both empty means "no
 * father". A half-filled father maps to a value the fact schema refuses (an empty name or
 * masked number), never to a plausible father.
 */
export function toBirthCertificate(raw: NhcBirthCertificate): BirthCertificate {
  const noFather = raw.fatherName === '' && raw.fatherIdNumber === '';
  return {
    certificateNumber: raw.certificateNo,
    birthDate: raw.birthDate,
    hospital: raw.birthOrgName,
    childName: raw.childName,
    mother: { name: raw.motherName, idNumberMasked: maskIdNumber(raw.motherIdNumber) },
    father: noFather ? null : { name: raw.fatherName, idNumberMasked: maskIdNumber(raw.fatherIdNumber) },
  };
}
