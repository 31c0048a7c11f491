/**
 * How NHC writes the population's values: camelCase fields, `yyyy-MM-dd` dates, the names
 * of child and parents as the population registers them, and an unrecorded father as
 * empty strings (the platform never sends null). A certificate carries no address.
 */
import type { NhcBirthCertificate } from '../../connectors/nhc/types.js';
import type { Birth, Person } from '../../schemas/population.js';

export function nhcBirthCertificate(birth: Birth, persons: ReadonlyMap<string, Person>): NhcBirthCertificate {
  const name = (idNumber: string) => persons.get(idNumber)?.name ?? '';
  return {
    certificateNo: birth.certificateNumber,
    childName: name(birth.childIdNumber),
    childIdNumber: birth.childIdNumber,
    birthDate: birth.birthDate,
    birthOrgName: birth.hospital,
    motherName: name(birth.motherIdNumber),
    motherIdNumber: birth.motherIdNumber,
    fatherName: birth.fatherIdNumber === null ? '' : name(birth.fatherIdNumber),
    fatherIdNumber: birth.fatherIdNumber ?? '',
  };
}
