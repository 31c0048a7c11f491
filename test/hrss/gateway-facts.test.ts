/**
 * End to end through the gateway and the HRSS mock: every member of every scenario family
 * asked for socialInsurance and employment; each answer equals what the population holds.
 */
import t from 'tap';
import { expectedEmployment, expectedSocialInsurance } from './fixtures/expected.js';
import { startHrssGateway } from './fixtures/gateway.js';

t.test('socialInsurance and employment of the scenario families, as the population has them', async (t) => {
  const gw = await startHrssGateway(t);
  const pop = gw.population;
  const members = new Map<string, { idNumber: string; name: string; family: string }>();
  for (const s of pop.scenarios) for (const m of s.members) members.set(m.idNumber, { idNumber: m.idNumber, name: m.name, family: s.family });
  const all = [...members.values()];
  const seen = { found: 0, notFound: 0, shortRun: 0 };

  for (let i = 0; i < all.length; i += 8) {
    const batch = all.slice(i, i + 8);
    const res = await gw.verify({
      purpose: 'enrollment.primary',
      subjects: batch.map((m, k) => ({ ref: `p${k}`, idNumber: m.idNumber, name: m.name })),
      facts: Object.fromEntries(batch.map((_, k) => [`p${k}`, ['socialInsurance', 'employment']])),
    });
    t.equal(res.status, 200);
    t.equal(res.body.status, 'complete', 'every source answered');
    batch.forEach((m, k) => {
      const { socialInsurance, employment } = res.body.facts[`p${k}`];
      const insurance = expectedSocialInsurance(pop, m.idNumber);
      const registered = expectedEmployment(pop, m.idNumber);
      if (insurance === undefined) {
        t.equal(socialInsurance.status, 'not_found', `${m.family}: no insurance record`);
        seen.notFound++;
      } else {
        t.equal(socialInsurance.status, 'found');
        t.same(socialInsurance.value, insurance, `${m.family}: socialInsurance`);
        t.same(socialInsurance.provenance.map((p: { connector: string }) => p.connector).sort(), ['hrss.insurance-history', 'hrss.insurance-status']);
        seen.found++;
        if (insurance.continuousMonthsToLatest < 12) seen.shortRun++;
      }
      if (registered === undefined) t.equal(employment.status, 'not_found', `${m.family}: no registration`);
      else t.same([employment.status, employment.value], ['found', registered], `${m.family}: employment`);
    });
  }
  t.ok(seen.found >= 10 && seen.notFound >= 10, `found ${seen.found}, not found ${seen.notFound}`);
  const logs = gw.logText();
  t.notOk(all.some((m) => logs.includes(m.idNumber) || logs.includes(m.name)), 'no ID number or name in any log line');
  t.ok(seen.shortRun >= 1, 'the short-insurance families have fewer than 12 continuous months');
});
