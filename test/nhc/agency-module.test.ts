import t from 'tap';
import nhc, { birthCertificate, birthCertificateFact } from '../../connectors/nhc/index.js';
import { nhcMock } from '../../mocks/nhc/index.js';
import { validatorFor } from '../../src/validation.js';

t.test('the NHC agency module declares what the gateway loads', async (t) => {
  t.equal(nhc.id, 'nhc');
  t.equal(nhcMock.agency, nhc.id, 'the mock stands in for this module');
  t.same(nhc.connectors.map((c) => c.id), ['nhc.birth-certificate']);
  t.equal(nhc.connectors[0], birthCertificate);
  t.same(nhc.facts.map((f) => f.name), ['birthCertificate']);
  t.equal(nhc.facts[0], birthCertificateFact);
  for (const c of nhc.connectors) {
    t.equal(c.agency, 'nhc', `${c.id}: agency`);
    t.ok(c.ttl.notFoundMs < c.ttl.foundMs, `${c.id}: not_found is kept shorter`);
    t.same(Object.keys(c.input.properties), ['idNumber'], `${c.id}: asked by the gateway's idNumber`);
  }
  for (const f of nhc.facts) {
    t.equal(f.subject, 'person', `${f.name}: about a person (the child)`);
    t.ok(f.connectors.every((c) => nhc.connectors.includes(c)), `${f.name}: its connectors belong to the module`);
  }
});

t.test('the fact asks the certificate by the subject ID number', async (t) => {
  const asked: unknown[] = [];
  const res = await birthCertificateFact.resolve({ kind: 'person', ref: 'child', idNumber: '370202201905150010', name: '张小明' }, (async (connector: { id: string }, input: unknown) => {
    asked.push([connector.id, input]);
    return { status: 'not_found' };
  }) as never);
  t.same(asked, [['nhc.birth-certificate', { idNumber: '370202201905150010' }]]);
  t.same(res, { status: 'not_found' });
});

t.test('config: an app id and a secret of at least 16 characters, nothing else', async (t) => {
  const valid = validatorFor(nhc.configSchema);
  t.ok(valid({ appId: 'a', appSecret: '0123456789abcdef' }));
  t.notOk(valid({ appId: 'a', appSecret: 'short' }));
  t.notOk(valid({ appId: '', appSecret: '0123456789abcdef' }));
  t.notOk(valid({ appSecret: '0123456789abcdef' }));
  t.notOk(valid({ appId: 'a', appSecret: '0123456789abcdef', other: 1 }));
  const names: string[] = [];
  const sandbox = nhcMock.sandboxConfig((name) => { names.push(name); return 'a-sandbox-secret-of-some-length'; });
  t.ok(valid(sandbox), 'the sandbox config fits');
  t.same(sandbox, { appId: 'tongban-sandbox', appSecret: 'a-sandbox-secret-of-some-length' });
  t.same(names, ['nhc-app-secret'], 'the sandbox secret is named for the agency');
});
