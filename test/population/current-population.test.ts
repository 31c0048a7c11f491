import { join } from 'node:path';
import t from 'tap';
import { DEFAULT_AS_OF, DEFAULT_HOUSEHOLDS, DEFAULT_SEED, generatePopulation } from '../../mocks/population/generator.js';
import { sandboxPopulation, scenarioCatalog, writePopulationFile } from '../../mocks/population/load.js';
import { SCENARIO_FAMILIES } from '../../schemas/population.js';

t.test('a named population file wins over the generator options', async (t) => {
  const dir = t.testdir();
  const pop = generatePopulation({ seed: 31, households: 20, asOf: '2026-01-10' });
  const file = join(dir, 'pop.json');
  writePopulationFile(pop, file);
  t.same(sandboxPopulation({ population: file, seed: 5 }), pop, 'the file wins over the seed');
  t.throws(() => sandboxPopulation({ population: join(dir, 'nope.json') }), /nope\.json/);
});

t.test('otherwise the generator, with fixed defaults so the same seed gives the same people any day', async (t) => {
  t.equal(sandboxPopulation({ seed: 77, households: 20 }).seed, 77);
  const byDefault = sandboxPopulation();
  t.equal(byDefault.seed, DEFAULT_SEED);
  t.equal(byDefault.asOf, DEFAULT_AS_OF);
  t.same(byDefault, generatePopulation({ seed: DEFAULT_SEED, households: DEFAULT_HOUSEHOLDS, asOf: DEFAULT_AS_OF }));
});

t.test('scenarioCatalog lists every family with its description and example members', async (t) => {
  const pop = generatePopulation({ seed: 31, households: 20, asOf: '2026-01-10' });
  const catalog = scenarioCatalog(pop);
  t.same(Object.keys(catalog), [...SCENARIO_FAMILIES]);
  for (const family of SCENARIO_FAMILIES) {
    const entry = catalog[family];
    t.match(entry.description, /^[A-Z].+\.$/, `${family}: one sentence`);
    t.ok(entry.examples.length >= 3, `${family}: examples`);
    for (const ex of entry.examples) {
      t.ok(ex.members.every((m) => m.ref && /^\d{17}[\dX]$/.test(m.idNumber) && m.name));
      const hasChild = ex.members.some((m) => m.ref === 'child');
      t.equal(ex.schoolCode !== undefined, hasChild, `${family}: the school applied to, for a family with a child`);
      if (hasChild) t.ok(pop.schoolZones.some((z) => z.schoolCode === ex.schoolCode), `${family}: a known school`);
    }
  }
  t.same(scenarioCatalog({ ...pop, scenarios: [] })['many-properties'].examples, [], 'families without examples are still listed');
});
