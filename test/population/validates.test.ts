import t from 'tap';
import { validatePopulation } from '../../mocks/population/load.js';
import { validatorFor } from '../../src/validation.js';
import { Population } from '../../schemas/population.js';
import { samples } from './fixtures/populations.js';

t.test('generated populations pass the schema and every integrity check', async (t) => {
  for (const { label, pop } of samples()) {
    t.ok(validatorFor(Population)(pop), `${label}: schema`);
    t.same(validatePopulation(pop), [], `${label}: no problems`);
  }
});

t.test('the default size is about 300 households', async (t) => {
  const pop = samples()[0]!.pop;
  t.equal(pop.households.length, 300);
  t.ok(pop.persons.length > 600 && pop.persons.length < 1200, `${pop.persons.length} persons`);
});
