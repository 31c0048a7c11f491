import { StudentStatus } from '../../../schemas/facts/edu.js';
import { defineConnector } from '../../../src/connectors/types.js';
import type { EduClient } from '../client.js';
import { toStudentStatus } from '../to-student-status.js';
import { EDU_TTL } from '../ttl.js';
import { EduStudentInput } from '../types.js';

/** EDU `GET /api/v1/students/{idNumber}` (学籍查询): a pupil's school, grade and status; HTTP 404 STUDENT_NOT_FOUND is not_found. */
export const studentStatus = defineConnector({
  id: 'edu.student-status',
  agency: 'edu',
  title: 'student status (学籍): school, grade, status',
  dataItem: 'student-status',
  input: EduStudentInput,
  schema: StudentStatus,
  ttl: EDU_TTL.studentStatus,
  fetch: (client: EduClient, input, signal) => client.student(input.idNumber, signal),
  map: (raw) => toStudentStatus(raw),
});
