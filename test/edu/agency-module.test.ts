import t from 'tap';
import edu from '../../connectors/edu/index.js';
import { hukouPerson } from '../../connectors/psb/index.js';
import { propertyCertificate } from '../../connectors/nrp/index.js';
import { eduMock } from '../../mocks/edu/index.js';
import { validatorFor } from '../../src/validation.js';

t.test('the EDU agency module declares what the gateway loads', async (t) => {
  t.equal(edu.id, 'edu');
  t.equal(eduMock.agency, edu.id, 'the mock stands in for this module');
  t.same(edu.connectors.map((c) => [c.id, c.title]), [
    ['edu.student-status', 'student status (学籍): school, grade, status'],
    ['edu.school-district', 'school-district zoning (学区划片): address → zoned schools'],
  ]);
  t.same(edu.facts.map((f) => [f.name, f.subject]), [['studentStatus', 'person'], ['schoolDistrict', 'person'], ['schoolDistrict', 'property']]);
  for (const c of edu.connectors) {
    t.equal(c.agency, 'edu', `${c.id}: agency`);
    t.ok(c.ttl.notFoundMs < c.ttl.foundMs, `${c.id}: not_found is kept shorter`);
  }
  const [student, person, property] = edu.facts;
  t.same(student!.connectors.map((c) => c.id), ['edu.student-status']);
  // A fact may combine agencies: the address from the registry that holds it, the zone from EDU.
  t.same(person!.connectors, [hukouPerson, edu.connectors[1]], 'person: PSB hukou, then the zone');
  t.same(property!.connectors, [propertyCertificate, edu.connectors[1]], 'property: NRP certificate, then the zone');
});

t.test('config: a token of at least 16 characters, nothing else', async (t) => {
  const valid = validatorFor(edu.configSchema);
  t.ok(valid({ token: '0123456789abcdef' }));
  t.notOk(valid({ token: 'short' }));
  t.notOk(valid({}));
  t.notOk(valid({ token: '0123456789abcdef', other: 1 }));
  const sandbox = eduMock.sandboxConfig((name) => `secret-for-${name}-0123456789`);
  t.same(sandbox, { token: 'secret-for-edu-api-token-0123456789' }, "the sandbox's token is secret('edu-api-token')");
  t.ok(valid(sandbox), 'the sandbox config fits');
});
