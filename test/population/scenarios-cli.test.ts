import { join } from 'node:path';
import t from 'tap';
import { DEFAULT_SEED, generatePopulation } from '../../mocks/population/generator.js';
import { sandboxPopulation, scenarioCatalog, writePopulationFile } from '../../mocks/population/load.js';
import { scenariosCli } from '../../mocks/population/scenarios-cli.js';
import { SCENARIO_FAMILIES } from '../../schemas/population.js';
import { runCli } from './fixtures/run.js';

/** The CLI in this process with exactly these TONGBAN_* variables (and a data dir of its own). */
function inProcess(dir: string, env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const status = scenariosCli({ TONGBAN_DATA_DIR: dir, ...env }, (s) => { stdout += s; }, (s) => { stderr += s; });
  return { status, stdout, stderr };
}

t.test('as a command, without TONGBAN_*: the population `npm start` serves (default seed, size and date)', async (t) => {
  const dir = t.testdir();
  const r = runCli('mocks/population/scenarios-cli.ts', [], { cwd: dir });
  t.equal(r.status, 0, r.stderr);
  t.equal(r.stderr, '');
  t.same(JSON.parse(r.stdout), scenarioCatalog(sandboxPopulation()));
  t.equal(generatePopulation().seed, DEFAULT_SEED);
});

t.test('with TONGBAN_POPULATION: the catalog of that file, as JSON on stdout only', async (t) => {
  const dir = t.testdir();
  const pop = generatePopulation({ seed: 8, households: 20, asOf: '2026-04-01' });
  writePopulationFile(pop, join(dir, 'pop.json'));
  const r = inProcess(dir, { TONGBAN_POPULATION: join(dir, 'pop.json'), TONGBAN_SEED: '99' });
  t.equal(r.status, 0, r.stderr);
  t.equal(r.stderr, '');
  const printed = JSON.parse(r.stdout) as ReturnType<typeof scenarioCatalog>;
  t.same(printed, scenarioCatalog(pop));
  t.same(Object.keys(printed), [...SCENARIO_FAMILIES]);
});

t.test('with TONGBAN_SEED: the catalog of the generated population', async (t) => {
  const r = inProcess(t.testdir(), { TONGBAN_SEED: '1234' });
  t.equal(r.status, 0, r.stderr);
  t.same(JSON.parse(r.stdout), scenarioCatalog(generatePopulation({ seed: 1234 })));
});

t.test('a broken population file: a message on stderr, nothing on stdout, exit 1', async (t) => {
  const dir = t.testdir({ 'bad.json': '{"schemaVersion": 1}' });
  const r = inProcess(dir, { TONGBAN_POPULATION: join(dir, 'bad.json') });
  t.equal(r.status, 1);
  t.equal(r.stdout, '');
  t.match(r.stderr, /bad\.json: \d+ problems/);
  const seed = inProcess(dir, { TONGBAN_SEED: 'abc' });
  t.equal(seed.status, 1);
  t.match(seed.stderr, /TONGBAN_SEED must be an integer/);
});
