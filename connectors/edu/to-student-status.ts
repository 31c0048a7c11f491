import type { StudentStatus } from '../../schemas/facts/edu.js';
import { optionalName, studentStatus } from './fields.js';
import type { EduStudent } from './types.js';

/**
 * students/{idNumber} → `studentStatus`. The grade is passed on as the bureau wrote it: one
 * outside 0-9 is refused by the fact schema (invalid_response), never clamped into a
 * plausible wrong grade.
 */
export function toStudentStatus(raw: EduStudent): StudentStatus {
  return {
    studentNumber: raw.studentNumber,
    schoolCode: raw.schoolCode,
    schoolName: optionalName(raw.schoolName),
    grade: raw.grade,
    status: studentStatus(raw.status),
  };
}
