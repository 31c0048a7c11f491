import t from 'tap';
import amr from '../../connectors/amr/index.js';
import { amrMock } from '../../mocks/amr/index.js';
import { validatorFor } from '../../src/validation.js';

t.test('the AMR agency module declares what the gateway loads', async (t) => {
  t.equal(amr.id, 'amr');
  t.equal(amrMock.agency, amr.id, 'the mock stands in for this module');
  t.same(amr.connectors.map((c) => c.id), ['amr.enterprise-by-code', 'amr.enterprise-by-person']);
  t.same(amr.facts.map((f) => [f.name, f.subject]), [['enterprises', 'person'], ['enterprises', 'enterprise']]);
  for (const c of amr.connectors) {
    t.equal(c.agency, 'amr', `${c.id}: agency`);
    t.ok(c.ttl.notFoundMs < c.ttl.foundMs, `${c.id}: not_found is kept shorter`);
  }
  for (const f of amr.facts) t.ok(f.connectors.every((c) => amr.connectors.includes(c)), `${f.name}: its connectors belong to the module`);
});

t.test('inputs: a credit code of GB 32100 symbols, an ID number; nothing else', async (t) => {
  const [byCode, byPerson] = amr.connectors;
  const code = validatorFor(byCode!.input);
  t.ok(code({ creditCode: '91350100M000100Y43' }));
  t.notOk(code({ creditCode: '91350100M000100Y4' }), 'too short');
  t.notOk(code({ creditCode: '91350100M000100YI3' }), 'I is not a symbol of the set');
  t.notOk(code({ creditCode: '91350100m000100y43' }), 'lower case is normalised before, not accepted here');
  t.notOk(code({ creditCode: '91350100M000100Y43', other: 'x' }));
  const person = validatorFor(byPerson!.input);
  t.ok(person({ idNumber: '11010519491231002X' }));
  t.notOk(person({ idNumber: '11010519491231002x' }));
});

t.test('config: an access key of at least 16 characters, nothing else', async (t) => {
  const valid = validatorFor(amr.configSchema);
  t.ok(valid({ accessKey: '0123456789abcdef' }));
  t.notOk(valid({ accessKey: 'short' }));
  t.notOk(valid({}));
  t.notOk(valid({ accessKey: '0123456789abcdef', other: 1 }));
  t.ok(valid(amrMock.sandboxConfig(() => 'a-sandbox-secret-of-some-length')), 'the sandbox config fits');
  const asked: string[] = [];
  amrMock.sandboxConfig((name) => (asked.push(name), 'x'.repeat(32)));
  t.same(asked, ['amr-access-key'], 'the sandbox key is a kept secret');
});
