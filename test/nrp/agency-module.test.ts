import t from 'tap';
import nrp, { certificateProperties, personProperties, propertyByOwner, propertyCertificate, propertyRestrictions } from '../../connectors/nrp/index.js';
import { NrpConfigSchema } from '../../connectors/nrp/config.js';
import { nrpMock } from '../../mocks/nrp/index.js';
import { validatorFor } from '../../src/validation.js';

t.test('the NRP agency module declares its connectors, facts and config', async (t) => {
  t.equal(nrp.id, 'nrp');
  t.equal(nrp.name, '青岛市自然资源和规划局 (NRP)');
  t.equal(nrpMock.agency, nrp.id);
  t.same(nrp.connectors.map((c) => c.id), ['nrp.property-by-owner', 'nrp.property-certificate', 'nrp.property-restrictions']);
  t.same(nrp.connectors, [propertyByOwner, propertyCertificate, propertyRestrictions]);
  t.ok(nrp.connectors.every((c) => c.agency === 'nrp'));
  t.same(propertyByOwner.ttl, { foundMs: 30 * 60_000, notFoundMs: 60_000 });
  t.same(propertyCertificate.ttl, { foundMs: 30 * 60_000, notFoundMs: 60_000 });
  t.same(propertyRestrictions.ttl, { foundMs: 5 * 60_000, notFoundMs: 60_000 });
  t.same(nrp.facts, [personProperties, certificateProperties]);
  t.same(nrp.facts.map((f) => [f.name, f.subject]), [['properties', 'person'], ['properties', 'property']]);

  const config = validatorFor(NrpConfigSchema);
  const withDefault: Record<string, unknown> = { token: 'a'.repeat(16) };
  t.ok(config(withDefault));
  t.equal(withDefault.pageSize, 10, 'pageSize defaults to 10');
  t.notOk(config({ token: 'short' }), 'a token has at least 16 characters');
  t.notOk(config({ token: 'a'.repeat(16), pageSize: 21 }), 'the registry allows at most 20 per page');
  t.same(nrpMock.sandboxConfig((name) => `${name}-secret-0123456789`), { token: 'nrp-token-secret-0123456789', pageSize: 10 });
});
