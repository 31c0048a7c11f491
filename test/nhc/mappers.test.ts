/** toBirthCertificate: pure, total, parents masked, an unrecorded father is null, a half one is refused. */
import t from 'tap';
import { toBirthCertificate } from '../../connectors/nhc/to-birth-certificate.js';
import type { NhcBirthCertificate } from '../../connectors/nhc/types.js';
import { BirthCertificate } from '../../schemas/facts/nhc.js';
import { validatorFor } from '../../src/validation.js';

const valid = validatorFor(BirthCertificate);

const raw: NhcBirthCertificate = {
  certificateNo: 'Q370123456',
  childName: '张小明',
  childIdNumber: '370202201905150010',
  birthDate: '2019-05-15',
  birthOrgName: '青岛市妇女儿童医院',
  motherName: '李秀英',
  motherIdNumber: '37020219870821002X',
  fatherName: '张建国',
  fatherIdNumber: '370202198503120013',
};

t.test('a certificate with both parents', async (t) => {
  const fact = toBirthCertificate(raw);
  t.same(fact, {
    certificateNumber: 'Q370123456',
    birthDate: '2019-05-15',
    hospital: '青岛市妇女儿童医院',
    childName: '张小明',
    mother: { name: '李秀英', idNumberMasked: '370202********002X' },
    father: { name: '张建国', idNumberMasked: '370202********0013' },
  });
  t.ok(valid(fact), 'fits the fact schema');
  t.notOk(JSON.stringify(fact).includes(raw.childIdNumber), "the subject's own number is not repeated either");
});

t.test('no father recorded: empty strings become null', async (t) => {
  const fact = toBirthCertificate({ ...raw, fatherName: '', fatherIdNumber: '' });
  t.equal(fact.father, null);
  t.ok(valid(fact));
});

t.test('a half-filled father maps to a value the schema refuses, not to a plausible father', async (t) => {
  t.notOk(valid(toBirthCertificate({ ...raw, fatherIdNumber: '' })), 'a name without a number');
  t.notOk(valid(toBirthCertificate({ ...raw, fatherName: '' })), 'a number without a name');
});

t.test('an empty mother or child name, or hospital, is refused by the schema', async (t) => {
  t.notOk(valid(toBirthCertificate({ ...raw, motherName: '' })));
  t.notOk(valid(toBirthCertificate({ ...raw, childName: '' })));
  t.notOk(valid(toBirthCertificate({ ...raw, birthOrgName: '' })));
});

t.test('pure: the raw answer is not changed', async (t) => {
  const copy = structuredClone(raw);
  toBirthCertificate(raw);
  t.same(raw, copy);
});
