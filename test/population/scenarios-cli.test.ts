import { join } from 'node:path';
import t from 'tap';
import { DEFAULT_SEED, generatePopulation } from '../../mocks/population/generator.js';
import { sandboxPopulation, scenarioCatalog, writePopulationFile } from '../../mocks/population/load.js';
import { SCENARIO_FAMILIES } from '../../schemas/population.js';
import { runCli } from './fixtures/run.js';

t.test('with TONGBAN_POPULATION: the catalog of that file, as JSON on stdout only', async (t) => {
  const dir = t.testdir();
  const pop = generatePopulation({ seed: 8, households: 20, asOf: '2026-04-01' });
  writePopulationFile(pop, join(dir, 'pop.json'));
  const r = runCli('scenarios-cli.ts', [], { cwd: dir, env: { TONGBAN_POPULATION: join(dir, 'pop.json'), TONGBAN_SEED: '99' } });
  t.equal(r.status, 0, r.stderr);
  t.equal(r.stderr, '');
  const printed = JSON.parse(r.stdout) as ReturnType<typeof scenarioCatalog>;
  t.same(printed, scenarioCatalog(pop));
  t.same(Object.keys(printed), [...SCENARIO_FAMILIES]);
});

t.test('with TONGBAN_SEED: the catalog of the generated population', async (t) => {
  const dir = t.testdir();
  const r = runCli('scenarios-cli.ts', [], { cwd: dir, env: { TONGBAN_SEED: '1234' } });
  t.equal(r.status, 0, r.stderr);
  t.same(JSON.parse(r.stdout), scenarioCatalog(generatePopulation({ seed: 1234 })));
});

t.test('without either: the population `npm start` serves (default seed, size and date)', async (t) => {
  const dir = t.testdir();
  const r = runCli('scenarios-cli.ts', [], { cwd: dir });
  t.equal(r.status, 0, r.stderr);
  t.same(JSON.parse(r.stdout), scenarioCatalog(sandboxPopulation()));
  t.equal(generatePopulation().seed, DEFAULT_SEED);
});

t.test('a broken population file: a message on stderr, nothing on stdout, exit 1', async (t) => {
  const dir = t.testdir({ 'bad.json': '{"schemaVersion": 1}' });
  const r = runCli('scenarios-cli.ts', [], { cwd: dir, env: { TONGBAN_POPULATION: join(dir, 'bad.json') } });
  t.equal(r.status, 1);
  t.equal(r.stdout, '');
  t.match(r.stderr, /bad\.json: \d+ problems/);
  const seed = runCli('scenarios-cli.ts', [], { cwd: dir, env: { TONGBAN_SEED: 'abc' } });
  t.equal(seed.status, 1);
  t.match(seed.stderr, /TONGBAN_SEED must be an integer/);
});
