/**
 * End to end through the real gateway (sandbox mode, NHC's mock embedded): the
 * birthCertificate fact asked about every member of every scenario family equals the
 * population's certificate, or is not_found for whoever holds none; nothing personal in the logs.
 */
import t from 'tap';
import { expectedCertificate, population } from './fixtures/helpers.js';
import { startGatewayWithNhc } from './fixtures/gateway.js';

t.test('birthCertificate for the members of every scenario family', async (t) => {
  const gw = await startGatewayWithNhc(t, population);
  const births = new Map(population.births.map((b) => [b.childIdNumber, b]));
  let found = 0;
  let mismatchedName = 0;

  for (const [n, scenario] of population.scenarios.entries()) {
    const res = await gw.post('/v1/verifications', {
      purpose: 'enrollment.primary',
      reference: `NHC-${n}`,
      subjects: scenario.members.map((m) => ({ ref: m.ref, idNumber: m.idNumber, name: m.name })),
      facts: Object.fromEntries(scenario.members.map((m) => [m.ref, ['birthCertificate']])),
    });
    t.equal(res.status, 200, `${scenario.family}: ${JSON.stringify(res.body).slice(0, 300)}`);
    t.equal(res.body.status, 'complete', `${scenario.family}: complete`);
    for (const m of scenario.members) {
      const fact = res.body.facts[m.ref].birthCertificate;
      const birth = births.get(m.idNumber);
      if (birth) {
        t.same({ status: fact.status, value: fact.value }, { status: 'found', value: expectedCertificate(birth) }, `${scenario.family} ${m.ref}: the certificate`);
        found++;
        // The name-mismatch family sends another name: the certificate still says the registered one.
        if (m.registeredName !== undefined) {
          t.equal(fact.value.childName, m.registeredName, `${scenario.family} ${m.ref}: the registered name, not the one sent`);
          mismatchedName++;
        }
      } else {
        t.equal(fact.status, 'not_found', `${scenario.family} ${m.ref}: no certificate`);
      }
      t.same(fact.provenance.map((p: { connector: string; agency: string }) => [p.connector, p.agency]), [['nhc.birth-certificate', 'nhc']]);
    }
    for (const s of res.body.sources) t.ok(['ok', 'not_found'].includes(s.status), `${scenario.family}: ${s.connector} ${s.status}`);
  }
  t.ok(found >= 10, `certificates found for many children (${found})`);
  t.ok(mismatchedName >= 1, 'the name-mismatch family was asked');

  const logs = gw.logText();
  for (const b of population.births) {
    t.notOk(logs.includes(b.childIdNumber) || logs.includes(b.motherIdNumber) || (b.fatherIdNumber !== null && logs.includes(b.fatherIdNumber)), `${b.certificateNumber}: no ID number in the logs`);
    t.notOk(logs.includes(b.certificateNumber), `${b.certificateNumber}: no certificate number in the logs`);
  }
});
