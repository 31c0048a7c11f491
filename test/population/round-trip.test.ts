import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { generatePopulation } from '../../mocks/population/generator.js';
import { loadPopulationFile, writePopulationFile } from '../../mocks/population/load.js';

t.test('a written population loads back equal', async (t) => {
  const dir = t.testdir();
  const pop = generatePopulation({ seed: 12, households: 40, asOf: '2026-05-20' });
  const file = join(dir, 'nested', 'population.json');
  writePopulationFile(pop, file);
  const text = readFileSync(file, 'utf8');
  t.ok(text.startsWith('{\n  "schemaVersion": 1,'), 'pretty JSON');
  t.ok(text.endsWith('}\n'));
  const loaded = loadPopulationFile(file);
  t.same(loaded, pop);
  t.equal(JSON.stringify(loaded), JSON.stringify(pop), 'byte-identical when re-serialised');
});
