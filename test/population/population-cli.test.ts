import { existsSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { generatePopulation } from '../../mocks/population/generator.js';
import { loadPopulationFile } from '../../mocks/population/load.js';
import { runCli } from './fixtures/run.js';

t.test('population CLI writes the file, prints one summary line on stderr and nothing on stdout', async (t) => {
  const dir = t.testdir();
  const r = runCli('cli.ts', ['--out', 'out/pop.json', '--seed', '42', '--households', '25', '--as-of', '2026-02-14'], { cwd: dir });
  t.equal(r.status, 0, r.stderr);
  t.equal(r.stdout, '');
  t.equal(r.stderr.trim().split('\n').length, 1, 'one line');
  t.match(r.stderr, /persons, \d+ households, \d+ scenarios \(seed 42, as of 2026-02-14\)/);
  const loaded = loadPopulationFile(join(dir, 'out', 'pop.json'));
  t.equal(JSON.stringify(loaded), JSON.stringify(generatePopulation({ seed: 42, households: 25, asOf: '2026-02-14' })), 'same as the generator');
});

t.test('defaults: the default seed, today', async (t) => {
  const dir = t.testdir();
  const r = runCli('cli.ts', ['--out', 'p.json', '--households', '20'], { cwd: dir });
  t.equal(r.status, 0, r.stderr);
  const pop = loadPopulationFile(join(dir, 'p.json'));
  t.equal(pop.seed, 20260901);
  t.match(pop.asOf, /^\d{4}-\d{2}-\d{2}$/);
});

t.test('bad or missing arguments: one usage line on stderr, exit 2, no file', async (t) => {
  const dir = t.testdir();
  const cases = [
    [],
    ['--out'],
    ['--out', 'x.json', '--seed', 'abc'],
    ['--out', 'x.json', '--seed', '1.5'],
    ['--out', 'x.json', '--households', '0'],
    ['--out', 'x.json', '--households', 'many'],
    ['--out', 'x.json', '--as-of', '2025-02-29'],
    ['--out', 'x.json', '--bogus'],
    ['--out', 'x.json', 'positional'],
  ];
  for (const args of cases) {
    const r = runCli('cli.ts', args, { cwd: dir });
    t.equal(r.status, 2, `${args.join(' ')}: exit 2`);
    t.equal(r.stdout, '');
    t.equal(r.stderr.trim().split('\n').length, 1, `${args.join(' ')}: one line`);
    t.match(r.stderr, /usage: npm run population -- --out FILE/);
  }
  t.notOk(existsSync(join(dir, 'x.json')), 'nothing written');
});
