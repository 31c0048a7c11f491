import t from 'tap';
import { covers, propertiesOfAny, ref, samples, scenariosOf } from './fixtures/populations.js';

t.test('seized-property: a family property carries an active court seizure', async (t) => {
  for (const { label, pop } of samples()) {
    for (const s of scenariosOf(pop, 'seized-property')) {
      const owned = propertiesOfAny(pop, [ref(s, 'father'), ref(s, 'mother')]);
      const seizures = owned.flatMap((p) => p.restrictions).filter((r) => r.kind === 'seizure' && covers(r.registeredOn, r.until, pop.asOf));
      t.ok(seizures.length >= 1, `${label}: an active seizure`);
      for (const r of seizures) {
        t.match(r.authority, /法院$/, `${label}: held by a court`);
        t.match(r.reference, /^\(\d{4}\)鲁\d{2,4}执\d+号$/, `${label}: an enforcement case number`);
      }
    }
  }
});
