/** The HRSS agency module declares its connectors, facts and config as the gateway loads them. */
import t from 'tap';
import hrss, { employment, employmentFact, insuranceHistory, insuranceStatus, socialInsuranceFact } from '../../connectors/hrss/index.js';
import { HrssConfig } from '../../connectors/hrss/config.js';
import { hrssMock } from '../../mocks/hrss/index.js';
import { validatorFor } from '../../src/validation.js';

t.test('the HRSS agency module declares its connectors and facts', async (t) => {
  t.equal(hrss.id, 'hrss');
  t.equal(hrss.name, '青岛市人力资源和社会保障局 (HRSS)');
  t.equal(hrssMock.agency, hrss.id, 'the mock stands in for this module');
  t.same(hrss.connectors.map((c) => c.id), ['hrss.insurance-status', 'hrss.insurance-history', 'hrss.employment']);
  t.same(hrss.connectors, [insuranceStatus, insuranceHistory, employment]);
  for (const c of hrss.connectors) {
    t.equal(c.agency, 'hrss', `${c.id}: agency`);
    t.ok(c.ttl.notFoundMs < c.ttl.foundMs, `${c.id}: not_found is kept shorter`);
    t.same(Object.keys(c.input.properties), ['idNumber'], `${c.id}: asks by ID number only`);
  }
  t.same(hrss.facts, [socialInsuranceFact, employmentFact]);
  t.same(hrss.facts.map((f) => [f.name, f.subject]), [['socialInsurance', 'person'], ['employment', 'person']]);
  t.same(socialInsuranceFact.connectors, [insuranceStatus, insuranceHistory]);
  t.same(employmentFact.connectors, [employment]);
});

t.test('config: an API key of at least 16 characters, a page size of 1-100 (default 100, the most a page holds), nothing else', async (t) => {
  const valid = validatorFor(HrssConfig);
  const withDefault: Record<string, unknown> = { apiKey: 'k'.repeat(16) };
  t.ok(valid(withDefault));
  t.equal(withDefault.pageSize, 100, 'pageSize defaults to the most the registry serves: fewer pages, read one after another');
  t.ok(valid({ apiKey: 'k'.repeat(16), pageSize: 24 }));
  t.notOk(valid({ apiKey: 'k'.repeat(15) }), 'a short key');
  t.notOk(valid({ apiKey: 'k'.repeat(16), pageSize: 101 }), 'the registry serves at most 100 per page');
  t.notOk(valid({ apiKey: 'k'.repeat(16), pageSize: 0 }));
  t.notOk(valid({ apiKey: 'k'.repeat(16), other: 1 }));
  const sandbox = hrssMock.sandboxConfig((name) => `${name}-secret-0123456789`);
  t.same(sandbox, { apiKey: 'hrss-api-key-secret-0123456789', pageSize: 100 }, 'the sandbox key is the secret named hrss-api-key');
  t.ok(valid(sandbox), 'the sandbox config fits');
});
