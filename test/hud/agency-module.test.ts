import t from 'tap';
import hud from '../../connectors/hud/index.js';
import { hudMock } from '../../mocks/hud/index.js';
import { validatorFor } from '../../src/validation.js';

t.test('the HUD agency module declares what the gateway loads', async (t) => {
  t.equal(hud.id, 'hud');
  t.equal(hudMock.agency, hud.id, 'the mock stands in for this module');
  t.same(hud.connectors.map((c) => c.id), ['hud.sale-contract', 'hud.lease-registration']);
  t.same(hud.facts.map((f) => f.name), ['saleContracts', 'leases']);
  for (const c of hud.connectors) {
    t.equal(c.agency, 'hud', `${c.id}: agency`);
    t.ok(c.ttl.notFoundMs < c.ttl.foundMs, `${c.id}: not_found is kept shorter`);
    t.same(Object.keys(c.input.properties), ['idNumber'], `${c.id}: asked by the subject's ID number`);
  }
  for (const f of hud.facts) {
    t.equal(f.subject, 'person', `${f.name}: about a person`);
    t.ok(f.connectors.every((c) => hud.connectors.includes(c)), `${f.name}: its connectors belong to the module`);
  }
});

t.test('config: a client id and a secret of at least 16 characters, nothing else', async (t) => {
  const valid = validatorFor(hud.configSchema);
  t.ok(valid({ clientId: 'c', clientSecret: '0123456789abcdef' }));
  t.notOk(valid({ clientId: 'c', clientSecret: 'short' }));
  t.notOk(valid({ clientId: '', clientSecret: '0123456789abcdef' }));
  t.notOk(valid({ clientSecret: '0123456789abcdef' }));
  t.notOk(valid({ clientId: 'c', clientSecret: '0123456789abcdef', scope: 'all' }));
  const sandbox = hudMock.sandboxConfig((name) => `secret-for-${name}-0123456789`);
  t.ok(valid(sandbox), 'the sandbox config fits');
  t.same(sandbox, { clientId: 'tongban-sandbox', clientSecret: 'secret-for-hud-client-secret-0123456789' });
});
