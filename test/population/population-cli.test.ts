import { existsSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { populationCli } from '../../mocks/population/cli.js';
import { generatePopulation } from '../../mocks/population/generator.js';
import { loadPopulationFile } from '../../mocks/population/load.js';
import { runCli } from './fixtures/run.js';

/** The CLI in this process (the argument handling); `npm run population` itself is run once below. */
function inProcess(args: string[]): { status: number; stderr: string } {
  let stderr = '';
  const status = populationCli(args, (text) => { stderr += text; });
  return { status, stderr };
}

t.test('as a command: writes the file, prints one summary line on stderr and nothing on stdout', async (t) => {
  const dir = t.testdir();
  const r = runCli('mocks/population/cli.ts', ['--out', 'out/pop.json', '--seed', '42', '--households', '25', '--as-of', '2026-02-14'], { cwd: dir });
  t.equal(r.status, 0, r.stderr);
  t.equal(r.stdout, '');
  t.equal(r.stderr.trim().split('\n').length, 1, 'one line');
  t.match(r.stderr, /persons, \d+ households, \d+ scenarios \(seed 42, as of 2026-02-14\)/);
  const loaded = loadPopulationFile(join(dir, 'out', 'pop.json'));
  t.equal(JSON.stringify(loaded), JSON.stringify(generatePopulation({ seed: 42, households: 25, asOf: '2026-02-14' })), 'same as the generator');
  const bad = runCli('mocks/population/cli.ts', ['--out', 'x.json', '--bogus'], { cwd: dir });
  t.equal(bad.status, 2, 'a usage error exits 2');
  t.match(bad.stderr, /usage: npm run population -- --out FILE/);
});

t.test('defaults: the default seed, today', async (t) => {
  const dir = t.testdir();
  const r = inProcess(['--out', join(dir, 'p.json'), '--households', '20']);
  t.equal(r.status, 0, r.stderr);
  const pop = loadPopulationFile(join(dir, 'p.json'));
  t.equal(pop.seed, 20260901);
  t.match(pop.asOf, /^\d{4}-\d{2}-\d{2}$/);
});

t.test('bad or missing arguments: one usage line on stderr, exit 2, no file', async (t) => {
  const dir = t.testdir();
  const out = join(dir, 'x.json');
  const cases = [
    [],
    ['--out'],
    ['--out', out, '--seed', 'abc'],
    ['--out', out, '--seed', '1.5'],
    ['--out', out, '--households', '0'],
    ['--out', out, '--households', 'many'],
    ['--out', out, '--as-of', '2025-02-29'],
    ['--out', out, '--bogus'],
    ['--out', out, 'positional'],
  ];
  for (const args of cases) {
    const r = inProcess(args);
    t.equal(r.status, 2, `${args.join(' ')}: exit 2`);
    t.equal(r.stderr.trim().split('\n').length, 1, `${args.join(' ')}: one line`);
    t.match(r.stderr, /usage: npm run population -- --out FILE/);
  }
  t.notOk(existsSync(out), 'nothing written');
});
