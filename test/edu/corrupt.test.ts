/**
 * The mock's `corrupt` fault (a letter O in a school code, still well-formed JSON) makes
 * each EDU fact break its schema: the gateway refuses the answer (invalid_response) and
 * reports the fact unavailable, never a wrong school.
 */
import t from 'tap';
import { family, smallPopulation } from '../helpers/gateway.js';
import { population, startEduGateway } from './fixtures/harness.js';

t.test('studentStatus: a corrupted answer is invalid_response', async (t) => {
  const pop = population(5, 120);
  const gw = await startEduGateway(t, pop);
  const pupil = pop.persons.find((p) => p.idNumber === pop.students[0]!.idNumber)!;
  gw.mocks.get('edu')!.faults.set({ kind: 'corrupt', interface: 'students' });
  const res = await gw.verify({ purpose: 'enrollment.primary', subjects: [{ ref: 'p', idNumber: pupil.idNumber, name: pupil.name }], facts: { p: ['studentStatus'] } });
  t.equal(res.body.status, 'partial');
  t.same(res.body.facts.p.studentStatus.status, 'unavailable');
  t.same(res.body.sources.map((s: { connector: string; status: string }) => [s.connector, s.status]), [['edu.student-status', 'invalid_response']]);
});

t.test('schoolDistrict: a corrupted zoning answer is invalid_response', async (t) => {
  const gw = await startEduGateway(t, smallPopulation());
  const child = family(gw.population, 'house-hukou-match').child!;
  gw.mocks.get('edu')!.faults.set({ kind: 'corrupt', interface: 'zones' });
  const res = await gw.verify({ purpose: 'enrollment.primary', subjects: [{ ref: 'c', idNumber: child.idNumber, name: child.name }], facts: { c: ['schoolDistrict'] } });
  t.equal(res.body.status, 'partial');
  t.same(res.body.facts.c.schoolDistrict.status, 'unavailable');
  t.same(res.body.sources.map((s: { connector: string; status: string }) => [s.connector, s.status]),
    [['psb.hukou-person', 'ok'], ['edu.school-district', 'invalid_response']]);
});
