/** A person with more properties than the registry's page holds gets all of them, once each. */
import t from 'tap';
import { family, startTestGateway } from '../helpers/gateway.js';

t.test('every page of an owner’s properties is fetched', async (t) => {
  const gw = await startTestGateway(t, { overrides: { agencies: { nrp: { pageSize: 3 } } } });
  const owner = family(gw.population, 'many-properties').owner ?? Object.values(family(gw.population, 'many-properties'))[0]!;
  const expected = gw.population.properties
    .filter((p) => p.owners.some((o) => o.idNumber === owner.idNumber))
    .map((p) => p.certificateNumber)
    .sort();
  t.ok(expected.length > 3, `owner has ${expected.length} properties, more than a page`);

  const res = await gw.post('/v1/verifications', {
    purpose: 'enrollment.primary',
    subjects: [{ ref: 'owner', idNumber: owner.idNumber, name: owner.name }],
    facts: { owner: ['properties'] },
  });
  t.equal(res.status, 200);
  const props = res.body.facts.owner.properties;
  t.equal(props.status, 'found');
  t.same(props.value.map((p: { certificateNumber: string }) => p.certificateNumber).sort(), expected);
  t.equal(res.body.status, 'complete');
  const restrictionCalls = res.body.sources.filter((s: { connector: string }) => s.connector === 'nrp.property-restrictions');
  t.equal(restrictionCalls.length, expected.length, 'one restriction query per certificate');
});
