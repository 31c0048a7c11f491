import t from 'tap';
import { ageOn, schoolYearStart } from '../../mocks/population/dates.js';
import { zonesCovering } from '../../mocks/population/schools.js';
import { householdOf, samples } from './fixtures/populations.js';

t.test('pupils are the school-age children, at the zone school for where they live, in the grade for their age', async (t) => {
  for (const { label, pop } of samples()) {
    const start = schoolYearStart(pop.asOf);
    const problems: string[] = [];
    for (const s of pop.students) {
      const p = pop.persons.find((x) => x.idNumber === s.idNumber)!;
      const age = ageOn(p.birthDate, pop.asOf);
      if (age < 6 || age > 15) problems.push(`pupil aged ${age}`);
      if (s.studentNumber !== `G${s.idNumber}`) problems.push('student number is not G + ID number');
      if (s.grade !== ageOn(p.birthDate, start) - 5) problems.push('grade does not follow age');
      const zone = pop.schoolZones.find((z) => z.schoolCode === s.schoolCode);
      if (!zone) { problems.push('unknown school'); continue; }
      if (zone.level !== (s.grade <= 6 ? 'primary' : 'junior')) problems.push('school level does not fit the grade');
      const h = householdOf(pop, s.idNumber);
      // Migrants live at the flat of their latest lease (expired-lease: one that has ended).
      const home = h && !('outside' in h.address) ? h.address
        : pop.leases.filter((l) => l.tenants.some((tenant) => h?.members.some((m) => m.idNumber === tenant)) && l.startOn <= pop.asOf)
          .sort((a, b) => (a.startOn < b.startOn ? 1 : -1))[0]?.address;
      if (!home || !zonesCovering([zone], home).length) problems.push('school zone does not cover where the pupil lives');
    }
    t.same(problems, [], `${label}: ${pop.students.length} pupils`);
    const pupils = new Set(pop.students.map((s) => s.idNumber));
    const missing = pop.persons.filter((p) => {
      const age = ageOn(p.birthDate, start);
      const h = householdOf(pop, p.idNumber);
      return age >= 6 && age <= 14 && h && !('outside' in h.address) && !pupils.has(p.idNumber);
    });
    t.equal(missing.length, 0, `${label}: every school-age child registered in Qingdao is a pupil`);
    const applicants = pop.scenarios.filter((s) => s.family !== 'grade-six-pupil')
      .flatMap((s) => s.members.filter((m) => m.ref === 'child' || m.ref === 'twin').map((m) => m.idNumber));
    t.notOk(applicants.some((id) => pupils.has(id)), `${label}: children about to enter school are not pupils yet`);
    const sixth = pop.scenarios.filter((s) => s.family === 'grade-six-pupil').map((s) => s.members.find((m) => m.ref === 'child')!.idNumber);
    t.ok(sixth.length > 0 && sixth.every((id) => pop.students.some((x) => x.idNumber === id && x.grade === 6 && x.status === 'enrolled')), `${label}: grade-six-pupil children are enrolled in grade 6`);
  }
});
