/** The `corrupt` fault: HRSS answers that break their facts are refused as invalid_response, never passed on. */
import t from 'tap';
import { startHrssGateway } from './fixtures/gateway.js';

t.test('corrupted HRSS answers are invalid_response', async (t) => {
  const gw = await startHrssGateway(t);
  const mock = gw.gateway.mocks.get('hrss')!;
  const now = gw.population.asOf.slice(0, 4) + gw.population.asOf.slice(5, 7);
  // Insured today and employed: every interface's answer carries something to corrupt.
  const record = gw.population.insurance.find((r) => r.periods.some((p) => p.from <= now && now <= p.to)
    && gw.population.employment.some((e) => e.idNumber === r.idNumber))!;
  const person = gw.population.persons.find((p) => p.idNumber === record.idNumber)!;
  const ask = () => gw.verify({
    purpose: 'enrollment.primary',
    subjects: [{ ref: 'father', idNumber: person.idNumber, name: person.name }],
    facts: { father: ['socialInsurance', 'employment'] },
  });
  const statuses = (body: any) => Object.fromEntries(body.sources.map((s: { connector: string; status: string }) => [s.connector, s.status]));

  t.test('the whole agency corrupted: every source invalid_response, every fact unavailable', async (t) => {
    mock.faults.set({ kind: 'corrupt' });
    t.teardown(() => mock.faults.clear());
    const res = await ask();
    t.equal(res.status, 200);
    t.equal(res.body.status, 'partial');
    t.same(statuses(res.body), {
      'hrss.insurance-status': 'invalid_response',
      'hrss.insurance-history': 'invalid_response',
      'hrss.employment': 'invalid_response',
    });
    t.equal(res.body.facts.father.socialInsurance.status, 'unavailable');
    t.equal(res.body.facts.father.employment.status, 'unavailable');
    t.notOk('value' in res.body.facts.father.employment, 'no value passed on');
    t.notOk(gw.logText().includes(person.idNumber), 'the failures are logged without the ID number');
    t.notOk(gw.logText().includes(person.name), 'or the name');
  });

  t.test('one interface corrupted: only its connector fails', async (t) => {
    mock.faults.set({ kind: 'corrupt', interface: 'employment' });
    t.teardown(() => mock.faults.clear());
    // Another person, so that no cached answer stands in.
    const other = gw.population.employment.find((e) => e.idNumber !== person.idNumber && gw.population.insurance.some((r) => r.idNumber === e.idNumber))!;
    const name = gw.population.persons.find((p) => p.idNumber === other.idNumber)!.name;
    const res = await gw.verify({
      purpose: 'enrollment.primary',
      subjects: [{ ref: 'mother', idNumber: other.idNumber, name }],
      facts: { mother: ['socialInsurance', 'employment'] },
    });
    t.same(statuses(res.body), { 'hrss.insurance-status': 'ok', 'hrss.insurance-history': 'ok', 'hrss.employment': 'invalid_response' });
    t.equal(res.body.facts.mother.socialInsurance.status, 'found');
  });
});
