import type { ZonedSchools } from '../../schemas/facts/edu.js';
import { schoolLevel } from './fields.js';
import type { EduZones } from './types.js';

/** zones → the schools of `schoolDistrict`, in the bureau's order. (The door it names was checked by the client.) */
export function toZonedSchools(raw: EduZones): ZonedSchools {
  return raw.schools.map((s) => ({
    schoolCode: s.schoolCode,
    schoolName: s.schoolName.trim(),
    level: schoolLevel(s.level),
  }));
}
