/** The pure mappers: raw EDU answers → facts, onto closed enums with their fallbacks. */
import t from 'tap';
import { toZonedSchools } from '../../connectors/edu/to-school-district.js';
import { toStudentStatus } from '../../connectors/edu/to-student-status.js';
import { StudentStatus, ZonedSchools } from '../../schemas/facts/edu.js';
import { validatorFor } from '../../src/validation.js';

const raw = { studentNumber: 'G370202201805150016', schoolCode: '1370202101', schoolName: '市南区福州路小学', grade: 2, status: '在读' };

t.test('student status: every 学籍状态, and the fallback', async (t) => {
  const statuses = { 在读: 'enrolled', 转出: 'transferred_out', 毕业: 'graduated', 休学: 'suspended', 死亡注销: 'other', '': 'other', toString: 'other' };
  for (const [status, want] of Object.entries(statuses)) t.equal(toStudentStatus({ ...raw, status }).status, want, status || '(empty)');
  t.same(toStudentStatus(raw), { studentNumber: raw.studentNumber, schoolCode: '1370202101', schoolName: '市南区福州路小学', grade: 2, status: 'enrolled' });
});

t.test('student status: a school name left out, null or blank is null', async (t) => {
  const { schoolName: _, ...without } = raw;
  t.equal(toStudentStatus(without).schoolName, null, 'absent');
  t.equal(toStudentStatus({ ...raw, schoolName: null }).schoolName, null, 'null');
  t.equal(toStudentStatus({ ...raw, schoolName: '  ' }).schoolName, null, 'blank');
  t.equal(toStudentStatus({ ...raw, schoolName: ' 市南区福州路小学 ' }).schoolName, '市南区福州路小学', 'trimmed');
});

t.test('student status: a value outside the fact breaks its schema, it is not made plausible', async (t) => {
  const valid = validatorFor(StudentStatus);
  t.ok(valid(toStudentStatus(raw)));
  t.notOk(valid(toStudentStatus({ ...raw, grade: 12 })), 'grade 12');
  t.notOk(valid(toStudentStatus({ ...raw, grade: -1 })), 'grade -1');
  t.notOk(valid(toStudentStatus({ ...raw, schoolCode: '137020210O' })), 'a letter in the school code');
});

t.test('zoned schools: levels onto the closed enum, order kept', async (t) => {
  const schools = toZonedSchools({
    address: '市南区福州南路88号',
    schools: [
      { schoolCode: '1370202201', schoolName: '市南区第七中学', level: 'junior' },
      { schoolCode: '1370202101', schoolName: '市南区福州路小学 ', level: 'primary' },
      { schoolCode: '1370202301', schoolName: '市南区实验幼儿园', level: 'kindergarten' },
      { schoolCode: '1370202401', schoolName: '青岛第二中学', level: 'senior' },
    ],
  });
  t.same(schools, [
    { schoolCode: '1370202201', schoolName: '市南区第七中学', level: 'junior' },
    { schoolCode: '1370202101', schoolName: '市南区福州路小学', level: 'primary' },
    { schoolCode: '1370202301', schoolName: '市南区实验幼儿园', level: 'kindergarten' },
    { schoolCode: '1370202401', schoolName: '青岛第二中学', level: 'other' },
  ]);
  t.ok(validatorFor(ZonedSchools)(schools));
  t.same(toZonedSchools({ address: '市南区福州南路1000号', schools: [] }), [], 'a door in no zone');
});
