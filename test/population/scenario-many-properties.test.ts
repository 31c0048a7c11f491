import t from 'tap';
import { propertiesOf, ref, samples, scenariosOf } from './fixtures/populations.js';

t.test('many-properties: the owner holds at least seven certificates', async (t) => {
  for (const { label, pop } of samples()) {
    for (const s of scenariosOf(pop, 'many-properties')) {
      const owned = propertiesOf(pop, ref(s, 'owner'));
      t.ok(owned.length >= 7, `${label}: ${owned.length} certificates`);
      t.equal(new Set(owned.map((p) => p.certificateNumber)).size, owned.length, `${label}: all distinct`);
    }
  }
});
