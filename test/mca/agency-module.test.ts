/** The MCA agency module declares its connectors, facts, config (with defaults) and sandbox config. */
import t from 'tap';
import mca, { assistance, assistanceFact, marriage, marriageFact } from '../../connectors/mca/index.js';
import { McaConfig } from '../../connectors/mca/config.js';
import { mcaMock } from '../../mocks/mca/index.js';
import { validatorFor } from '../../src/validation.js';

t.test('the MCA agency module declares its connectors, facts and config', async (t) => {
  t.equal(mca.id, 'mca');
  t.equal(mca.name, '青岛市民政局 (MCA)');
  t.equal(mcaMock.agency, mca.id);
  t.same(mca.connectors.map((c) => c.id), ['mca.marriage', 'mca.assistance']);
  t.same(mca.connectors, [marriage, assistance]);
  t.ok(mca.connectors.every((c) => c.agency === 'mca'));
  t.same(mca.connectors.map((c) => c.dataItem), ['marriage-registration', 'social-assistance'], 'data items 10 and 11 of the catalog');
  t.same(marriage.ttl, { foundMs: 60 * 60_000, notFoundMs: 5 * 60_000 });
  t.same(assistance.ttl, { foundMs: 15 * 60_000, notFoundMs: 2 * 60_000 });
  for (const c of mca.connectors) t.ok(c.ttl.notFoundMs < c.ttl.foundMs, `${c.id}: not_found is kept shorter`);
  t.same(mca.facts, [marriageFact, assistanceFact]);
  t.same(mca.facts.map((f) => [f.name, f.subject]), [['marriage', 'person'], ['assistance', 'person']]);
  t.same(marriageFact.connectors, [marriage]);
  t.same(assistanceFact.connectors, [assistance]);
});

t.test('config: a token of 16 characters or more; poll interval and cap with their defaults', async (t) => {
  const config = validatorFor(McaConfig);
  const withDefaults: Record<string, unknown> = { token: 'a'.repeat(16) };
  t.ok(config(withDefaults));
  t.same(withDefaults, { token: 'a'.repeat(16), pollIntervalMs: 5, maxPolls: 50 });
  t.notOk(config({ token: 'short' }), 'a token has at least 16 characters');
  t.notOk(config({}), 'the token has no default');
  t.notOk(config({ token: 'a'.repeat(16), pollIntervalMs: 0 }), 'a poll interval is at least 1 ms');
  t.notOk(config({ token: 'a'.repeat(16), pollIntervalMs: 201 }), 'the first interval is not above the 200 ms cap');
  t.notOk(config({ token: 'a'.repeat(16), maxPolls: 0 }), 'at least one poll');
  t.notOk(config({ token: 'a'.repeat(16), other: 1 }), 'no unknown fields');
});

t.test('the sandbox config makes the token a sandbox secret', async (t) => {
  t.same(mcaMock.sandboxConfig((name) => `${name}-secret-0123456789`), {
    token: 'mca-exchange-token-secret-0123456789', pollIntervalMs: 5, maxPolls: 50,
  });
});
