import t from 'tap';
import { generatePopulation } from '../../mocks/population/generator.js';
import { SCENARIO_FAMILIES } from '../../schemas/population.js';

t.test('every scenario family has at least three examples, even with 20 households', async (t) => {
  for (const opts of [{ households: 20, seed: 1, asOf: '2026-09-01' }, { households: 20, seed: 2 }, { asOf: '2026-09-01' }, { households: 600, seed: 5, asOf: '2026-03-31' }]) {
    const pop = generatePopulation(opts);
    for (const family of SCENARIO_FAMILIES) {
      const n = pop.scenarios.filter((s) => s.family === family).length;
      t.ok(n >= 3, `${JSON.stringify(opts)}: ${family} has ${n}`);
    }
    t.ok(pop.scenarios.every((s) => /^[A-Z].*\.$/.test(s.description) && s.members.length > 0), 'each has a sentence and members');
  }
});

t.test('five of each at the default size', async (t) => {
  const pop = generatePopulation({ asOf: '2026-09-01' });
  for (const family of SCENARIO_FAMILIES) t.equal(pop.scenarios.filter((s) => s.family === family).length, 5, family);
});

t.test('larger populations get more examples', async (t) => {
  const small = generatePopulation({ households: 20, seed: 1, asOf: '2026-09-01' });
  const large = generatePopulation({ households: 600, seed: 1, asOf: '2026-09-01' });
  t.ok(large.scenarios.length > small.scenarios.length);
});
