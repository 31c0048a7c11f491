import t from 'tap';
import psb from '../../connectors/psb/index.js';
import { psbMock } from '../../mocks/psb/index.js';
import { validatorFor } from '../../src/validation.js';

t.test('the PSB agency module declares what the gateway loads', async (t) => {
  t.equal(psb.id, 'psb');
  t.equal(psbMock.agency, psb.id, 'the mock stands in for this module');
  t.same(psb.connectors.map((c) => c.id), [
    'psb.hukou-person', 'psb.hukou-household', 'psb.hukou-migration', 'psb.residence-permit', 'psb.identity-check',
  ]);
  t.same(psb.facts.map((f) => f.name), ['hukou', 'household', 'hukouMoves', 'residencePermit', 'identity']);
  for (const c of psb.connectors) {
    t.equal(c.agency, 'psb', `${c.id}: agency`);
    t.ok(c.ttl.notFoundMs < c.ttl.foundMs, `${c.id}: not_found is kept shorter`);
  }
  for (const f of psb.facts) {
    t.equal(f.subject, 'person', `${f.name}: about a person`);
    t.ok(f.connectors.every((c) => psb.connectors.includes(c)), `${f.name}: its connectors belong to the module`);
  }
});

t.test('config: an app key and a secret of at least 16 characters, nothing else', async (t) => {
  const valid = validatorFor(psb.configSchema);
  t.ok(valid({ appKey: 'k', appSecret: '0123456789abcdef' }));
  t.notOk(valid({ appKey: 'k', appSecret: 'short' }));
  t.notOk(valid({ appKey: '', appSecret: '0123456789abcdef' }));
  t.notOk(valid({ appKey: 'k', appSecret: '0123456789abcdef', other: 1 }));
  t.ok(valid(psbMock.sandboxConfig(() => 'a-sandbox-secret-of-some-length')), 'the sandbox config fits');
});
