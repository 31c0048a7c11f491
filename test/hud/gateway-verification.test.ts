/**
 * End to end through the gateway and the HUD mock over HTTP: every member of the scenario
 * families that have filings is asked for `saleContracts` and `leases`, and every answer
 * equals what the population holds (found with its records, or not_found).
 */
import t from 'tap';
import type { ScenarioFamily } from '../../schemas/population.js';
import { expectedLeases, expectedSaleContracts, population, withoutAddressText } from './fixtures/harness.js';
import { startGatewayWithHud } from './fixtures/gateway.js';

const FAMILIES: ScenarioFamily[] = ['contract-no-certificate', 'migrant-lease-permit', 'short-insurance', 'sole-trader', 'house-hukou-match', 'unknown-person'];

t.test('a verification asking every HUD fact about scenario families answers the population', async (t) => {
  const pop = population();
  const gw = await startGatewayWithHud(t, pop);
  let found = 0;
  for (const family of FAMILIES) {
    const scenario = pop.scenarios.find((s) => s.family === family);
    if (!scenario) throw new Error(`the population has no ${family} family`);
    const res = await gw.post('/v1/verifications', {
      purpose: 'enrollment.primary',
      subjects: scenario.members.map((m) => ({ ref: m.ref, idNumber: m.idNumber, name: m.name })),
      facts: Object.fromEntries(scenario.members.map((m) => [m.ref, ['saleContracts', 'leases']])),
    });
    if (res.status !== 200) throw new Error(`${family}: HTTP ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    t.equal(res.body.status, 'complete', `${family}: complete`);
    for (const m of scenario.members) {
      for (const [fact, want] of [['saleContracts', expectedSaleContracts(pop, m.idNumber)], ['leases', expectedLeases(pop, m.idNumber)]] as const) {
        const got = res.body.facts[m.ref][fact];
        if (want.length === 0) {
          t.equal(got.status, 'not_found', `${family} ${m.ref} ${fact}: none`);
          continue;
        }
        found++;
        t.equal(got.status, 'found', `${family} ${m.ref} ${fact}`);
        t.same(withoutAddressText(got.value), want, `${family} ${m.ref} ${fact}: the population's records`);
        t.same(got.provenance.map((p: { agency: string; connector: string }) => [p.agency, p.connector]),
          [['hud', fact === 'saleContracts' ? 'hud.sale-contract' : 'hud.lease-registration']]);
      }
    }
    for (const s of res.body.sources) t.ok(['ok', 'not_found'].includes(s.status), `${family}: ${s.connector} ${s.status}`);
  }
  t.ok(found >= 4, `${found} found facts among them`);
  const raw = gw.logText();
  for (const m of pop.scenarios.flatMap((s) => s.members)) t.notOk(raw.includes(m.idNumber), 'no ID number in the gateway’s log');
});
