/**
 * End to end through the gateway: `enterprises` for the members of scenario families and
 * for enterprises named by credit code, from the AMR mock over HTTP, equal to the population.
 */
import t from 'tap';
import { parseCreditCode } from '../../src/domain/credit-code.js';
import type { Enterprise, Population } from '../../schemas/population.js';
import { family } from '../helpers/gateway.js';
import { expectedRecord } from './fixtures/helpers.js';
import { startAmrGateway } from './fixtures/gateway.js';

const role = (e: Enterprise) => (e.kind === 'sole_trader' ? 'operator' : 'legal_representative');

/** What the population says a person leads, oldest first, as the fact must give it. */
function ledBy(population: Population, idNumber: string) {
  return population.enterprises
    .filter((e) => e.legalRepresentativeIdNumber === idNumber)
    .sort((a, b) => a.establishedOn.localeCompare(b.establishedOn) || a.creditCode.localeCompare(b.creditCode))
    .map((e) => expectedRecord(e, role(e)));
}

t.test('enterprises of every member of scenario families', async (t) => {
  const gw = await startAmrGateway(t);
  for (const scenario of ['sole-trader', 'house-hukou-match', 'migrant-lease-permit', 'unknown-person'] as const) {
    const members = Object.values(family(gw.population, scenario));
    const res = await gw.post('/v1/verifications', {
      purpose: 'enrollment.primary',
      subjects: members.map((m) => ({ ref: m.ref, idNumber: m.idNumber, name: m.name })),
      facts: Object.fromEntries(members.map((m) => [m.ref, ['enterprises']])),
    });
    t.equal(res.status, 200, JSON.stringify(res.body).slice(0, 300));
    t.equal(res.body.status, 'complete', scenario);
    for (const m of members) {
      const fact = res.body.facts[m.ref].enterprises;
      const expected = ledBy(gw.population, m.idNumber);
      if (expected.length === 0) t.same(fact.status, 'not_found', `${scenario} ${m.ref}: leads nothing`);
      else t.same(fact.value, expected, `${scenario} ${m.ref}: ${expected.length} entities`);
      t.same(fact.provenance.map((p: { connector: string; agency: string }) => [p.connector, p.agency]), [['amr.enterprise-by-person', 'amr']]);
    }
  }
  // The sole-trader family really exercises the fact.
  const traders = Object.values(family(gw.population, 'sole-trader')).filter((m) => ledBy(gw.population, m.idNumber).some((e) => e.role === 'operator'));
  t.ok(traders.length >= 1, 'a scenario parent operates a sole trader');
});

t.test('enterprises of enterprise subjects, by credit code', async (t) => {
  const gw = await startAmrGateway(t);
  const companies = gw.population.enterprises.slice(0, 3);
  const shop = gw.population.enterprises.find((e) => e.kind === 'sole_trader')!;
  const subjects = [...companies, shop].map((e, i) => ({ ref: `e${i}`, e }));
  const res = await gw.post('/v1/verifications', {
    purpose: 'enrollment.primary',
    // Platforms type codes in lower case with spaces: the gateway normalises them.
    subjects: subjects.map(({ ref, e }) => ({ ref, creditCode: `${e.creditCode.slice(0, 9)} ${e.creditCode.slice(9).toLowerCase()}` })),
    facts: Object.fromEntries(subjects.map(({ ref }) => [ref, ['enterprises']])),
  });
  t.equal(res.status, 200, JSON.stringify(res.body).slice(0, 300));
  t.equal(res.body.status, 'complete');
  for (const { ref, e } of subjects) {
    const fact = res.body.facts[ref].enterprises;
    t.same(fact.value, [expectedRecord(e, null)], e.name);
    const code = parseCreditCode(e.creditCode);
    t.equal(fact.value[0].checkCharacterValid, code.ok && code.checkValid);
    t.same(fact.provenance.map((p: { connector: string }) => p.connector), ['amr.enterprise-by-code']);
  }
  t.match(gw.logText(), /amr answer/, 'debug lines of the AMR client were written');
  t.notOk(gw.logText().includes(gw.accessKey), 'the access key is in no log line');
  t.notOk(gw.logText().includes('/api/entity'), 'no request URL is logged');
});
