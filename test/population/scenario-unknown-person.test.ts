import t from 'tap';
import { parseIdNumber } from '../../src/domain/id-number.js';
import { asOfDate, samples, scenariosOf } from './fixtures/populations.js';

t.test('unknown-person: valid ID numbers that appear nowhere in the population', async (t) => {
  for (const { label, pop } of samples()) {
    const elsewhere = JSON.stringify({ ...pop, scenarios: pop.scenarios.filter((s) => s.family !== 'unknown-person') });
    for (const s of scenariosOf(pop, 'unknown-person')) {
      t.ok(s.members.length >= 1);
      for (const m of s.members) {
        const r = parseIdNumber(m.idNumber, asOfDate(pop));
        t.ok(r.ok, `${label}: ${m.ref} has a valid ID number`);
        t.notOk(pop.persons.some((p) => p.idNumber === m.idNumber), `${label}: not a person`);
        t.notOk(elsewhere.includes(m.idNumber), `${label}: referenced nowhere`);
        t.match(m.name, /^[\u4e00-\u9fa5]{2,4}$/, `${label}: a plausible name`);
      }
    }
  }
});
