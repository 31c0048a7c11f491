import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import { generatePopulation } from '../../mocks/population/generator.js';
import { loadPopulationFile, writePopulationFile } from '../../mocks/population/load.js';

const pop = generatePopulation({ seed: 9, households: 20, asOf: '2026-09-01' });

/** The error thrown by loading, asserting it never quotes personal data. */
function loadError(t: Test, file: string): string {
  let message = '';
  t.throws(() => {
    try {
      loadPopulationFile(file);
    } catch (err) {
      message = (err as Error).message;
      throw err;
    }
  });
  t.match(message, file, 'names the file');
  t.notMatch(message, /\d{17}[\dX]/, 'quotes no ID number');
  return message;
}

t.test('a person with a bad ID number is refused, naming the JSON path', async (t) => {
  const dir = t.testdir();
  const bad = structuredClone(pop);
  bad.persons[3]!.idNumber = 'not-an-id';
  const file = join(dir, 'bad-id.json');
  writePopulationFile(bad, file);
  t.match(loadError(t, file), '/persons/3/idNumber: must match pattern');
});

t.test('a wrong check character is refused', async (t) => {
  const dir = t.testdir();
  const bad = structuredClone(pop);
  const id = bad.persons[5]!.idNumber;
  bad.persons[5]!.idNumber = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
  const file = join(dir, 'bad-check.json');
  writePopulationFile(bad, file);
  const message = loadError(t, file);
  t.match(message, '/persons/5/idNumber: check character');
  t.notMatch(message, pop.persons[5]!.name, 'quotes no name');
});

t.test('an unknown property is refused, naming the JSON path', async (t) => {
  const dir = t.testdir();
  const bad = structuredClone(pop) as unknown as { properties: Record<string, unknown>[] };
  bad.properties[0]!.nickname = 'the flat';
  const file = join(dir, 'unknown-property.json');
  writeFileSync(file, JSON.stringify(bad));
  t.match(loadError(t, file), "/properties/0: unknown property 'nickname'");
});

t.test('broken JSON and missing files are refused without quoting the content', async (t) => {
  const dir = t.testdir({ 'broken.json': `{"persons": [{"idNumber": "${pop.persons[0]!.idNumber}"` });
  t.match(loadError(t, join(dir, 'broken.json')), 'is not valid JSON');
  t.throws(() => loadPopulationFile(join(dir, 'missing.json')), /missing\.json: cannot be read \(ENOENT\)/);
});

t.test('many problems are listed up to ten, with a count', async (t) => {
  const dir = t.testdir();
  const bad = structuredClone(pop);
  for (const p of bad.persons.slice(0, 15)) p.idNumber = 'x';
  const file = join(dir, 'many.json');
  writePopulationFile(bad, file);
  const message = loadError(t, file);
  t.match(message, /15 problems/);
  t.match(message, /… and 5 more/);
});
