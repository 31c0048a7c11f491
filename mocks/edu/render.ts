/**
 * How the education bureau writes the population's values: 学籍状态 in Chinese, school names
 * without the city (the bureau's directory is the city's own: 市南区福州路小学, 胶州市扬州路小学),
 * and a door as district, road and number (市南区福州南路88号), no province, no city.
 */
import type { SchoolZone, Student } from '../../schemas/population.js';
import { QINGDAO_DISTRICTS } from '../../src/domain/districts.js';
import type { EduSchool, EduStudent, EduZoneQuery } from '../../connectors/edu/types.js';

const STATUS: Record<Student['status'], string> = { enrolled: '在读', transferred_out: '转出', graduated: '毕业', suspended: '休学' };

/** `青岛市市南区福州路小学` → `市南区福州路小学`; a county-level city's school keeps its city (`胶州市扬州路小学`). */
export function eduSchoolName(name: string): string {
  return name.replace(/^青岛市/, '');
}

/** A door the way the bureau writes it: `市南区福州南路88号`; a district outside the city is left out (福州南路88号). */
export function eduDoor(door: { district: string; street: string; number: number }): string {
  const district = (QINGDAO_DISTRICTS as Record<string, string>)[door.district] ?? '';
  return `${district}${door.street}${door.number}号`;
}

/** A pupil's record; `schoolName` null when the school is not in the bureau's directory. */
export function eduStudent(student: Student, schoolName: string | undefined): EduStudent {
  return {
    studentNumber: student.studentNumber,
    schoolCode: student.schoolCode,
    schoolName: schoolName === undefined ? null : eduSchoolName(schoolName),
    grade: student.grade,
    status: STATUS[student.status],
  };
}

export function eduSchool(zone: SchoolZone): EduSchool {
  return { schoolCode: zone.schoolCode, schoolName: eduSchoolName(zone.schoolName), level: zone.level };
}

/** The query's door, for the answer's `address`. */
export function eduQueryDoor(query: EduZoneQuery): string {
  return eduDoor({ district: query.district, street: query.street, number: Number(query.number) });
}
