/**
 * The gateway's default page is the most HRSS serves (100 months): a history is read page
 * after page, each a round trip, so a history of 25-100 months takes one request, not the
 * two to five that the registry's own default of 24 would take.
 */
import t from 'tap';
import { startTestGateway } from '../helpers/gateway.js';

t.test('with the default config, an insurance history of more than 24 months is one page', async (t) => {
  const gw = await startTestGateway(t, { overrides: { cache: { maxEntriesPerConnector: 0 } } });
  const hrss = gw.gateway.mocks.get('hrss')!;
  let checked = 0;
  for (const person of gw.population.persons) {
    if (checked === 3) break;
    hrss.traffic.reset();
    const { status, body } = await gw.post('/v1/verifications', {
      purpose: 'enrollment.primary',
      subjects: [{ ref: 'p', idNumber: person.idNumber, name: person.name }],
      facts: { p: ['socialInsurance'] },
    });
    t.equal(status, 200);
    const months = (body.facts.p.socialInsurance.value as { months?: unknown[] } | undefined)?.months?.length ?? 0;
    if (months <= 24 || months > 100) continue;
    t.equal(hrss.traffic.snapshot().months, 1, `${months} months in one request`);
    checked++;
  }
  t.equal(checked, 3, 'three people with 25-100 months of insurance were asked about');
});
