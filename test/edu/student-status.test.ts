/**
 * `edu.student-status` against the mock: every pupil of a population comes back as the
 * population holds them (school name as the bureau writes it, null for a school outside its
 * directory, each 学籍状态); an adult and an unknown ID number are not_found.
 */
import t from 'tap';
import { studentStatus } from '../../connectors/edu/index.js';
import type { Population } from '../../schemas/population.js';
import { makeIdNumber } from '../../src/domain/id-number.js';
import { callThrough } from '../helpers/direct-call.js';
import { bureauName, population, startEdu } from './fixtures/harness.js';

// 40 households hold a handful of pupils; 120 give every grade.
const base = population(5, 120);

/** The same population with every status present, and one pupil at a school the bureau's directory lacks. */
function varied(pop: Population): Population {
  const copy = structuredClone(pop);
  const statuses = ['enrolled', 'transferred_out', 'graduated', 'suspended'] as const;
  copy.students.forEach((s, i) => { s.status = statuses[i % statuses.length]!; });
  copy.students[0]!.schoolCode = '1370299999';
  return copy;
}

t.test('every pupil is answered as the population holds them', async (t) => {
  const pop = varied(base);
  t.ok(pop.students.length >= 10, `${pop.students.length} pupils`);
  const { client } = await startEdu(t, pop);
  const names = new Map(pop.schoolZones.map((z) => [z.schoolCode, z.schoolName]));
  for (const s of pop.students) {
    const got = await callThrough(client, studentStatus, { idNumber: s.idNumber });
    const name = names.get(s.schoolCode);
    t.same(got, {
      status: 'found',
      value: { studentNumber: s.studentNumber, schoolCode: s.schoolCode, schoolName: name === undefined ? null : bureauName(name), grade: s.grade, status: s.status },
    }, `pupil in grade ${s.grade}, ${s.status}`);
  }
  t.ok(new Set(pop.students.map((s) => s.grade)).size >= 6, 'many grades covered');
});

t.test('a person without 学籍, and a person the bureau has never heard of, are not found', async (t) => {
  const { client } = await startEdu(t, base);
  const pupils = new Set(base.students.map((s) => s.idNumber));
  const adult = base.persons.find((p) => !pupils.has(p.idNumber) && p.birthDate < '1990-01-01')!;
  t.same(await callThrough(client, studentStatus, { idNumber: adult.idNumber }), { status: 'not_found' }, 'an adult');
  t.same(await callThrough(client, studentStatus, { idNumber: makeIdNumber('370202', '20180101', 999) }), { status: 'not_found' }, 'unknown');
});
