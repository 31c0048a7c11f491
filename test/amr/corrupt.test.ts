/**
 * The mock's `corrupt` fault: every 成立日期 is no date, still in the register's format. The
 * gateway must refuse the mapped fact (invalid_response), never pass it on.
 */
import t from 'tap';
import { family } from '../helpers/gateway.js';
import { startAmrGateway } from './fixtures/gateway.js';

t.test('a corrupted answer is invalid_response and the fact unavailable', async (t) => {
  const gw = await startAmrGateway(t);
  const mock = gw.gateway.mocks.get('amr')!;
  const members = Object.values(family(gw.population, 'sole-trader'));
  const trader = members.find((m) => gw.population.enterprises.some((e) => e.legalRepresentativeIdNumber === m.idNumber))!;
  const company = gw.population.enterprises.find((e) => e.kind === 'company')!;
  const ask = () => gw.post('/v1/verifications', {
    purpose: 'enrollment.primary',
    subjects: [{ ref: 'parent', idNumber: trader.idNumber, name: trader.name }, { ref: 'employer', creditCode: company.creditCode }],
    facts: { parent: ['enterprises'], employer: ['enterprises'] },
  });

  mock.faults.set({ kind: 'corrupt' });
  const res = await ask();
  t.equal(res.status, 200);
  t.equal(res.body.status, 'partial');
  t.equal(res.body.facts.parent.enterprises.status, 'unavailable');
  t.equal(res.body.facts.employer.enterprises.status, 'unavailable');
  const sources = res.body.sources.map((s: { connector: string; status: string }) => [s.connector, s.status]).sort();
  t.same(sources, [['amr.enterprise-by-code', 'invalid_response'], ['amr.enterprise-by-person', 'invalid_response']]);

  t.test('a fault aimed at one interface leaves the other alone', async (t) => {
    mock.faults.set({ kind: 'corrupt', interface: 'by-person' });
    const one = await ask();
    t.equal(one.body.facts.parent.enterprises.status, 'unavailable');
    t.equal(one.body.facts.employer.enterprises.status, 'found');
    mock.faults.clear();
    const healed = await ask();
    t.equal(healed.body.status, 'complete', 'cleared, both are found again (a refused answer was never cached)');
    t.equal(healed.body.facts.parent.enterprises.status, 'found');
  });
});
