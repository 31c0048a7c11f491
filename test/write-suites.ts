/**
 * `npm test` runs each test folder in one process, not each test file in its own.
 *
 * Why: under tap every test process pays for tap's module hooks (process info, mocks) on
 * each of the ~600 modules a gateway test loads, then for compiling the gateway's schemas:
 * about 3 s of CPU before its first assertion. With 170-odd files that was two thirds of
 * the suite (8 min on 2 cores); one process per folder runs the same tests in under one.
 *
 * After tsc has compiled everything into .build/, this writes `.build/suites/<folder>.test.js`
 * for every folder of test/ that holds test files. It imports them one after another, so
 * their top-level `t.test`s all join the process's root test and run in file order, exactly
 * as they would alone; its own first test waits until the last file is loaded. Without
 * that wait a slow import (tap's TypeScript hook on a first run, a loaded machine) let the
 * root test run out of queued tests and end before the next file arrived: that file's tests
 * never ran and the process sat until tap's timeout. New test files are picked up by the
 * next `npm test`; nothing to list.
 *
 * Every file still runs on its own, for a closer look or to rule out a neighbour's influence:
 * `node --import=tsx test/<folder>/<file>.test.ts`, or `npx tap .build/test/` for all of
 * them one process each (the old, slow way).
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/paths.js';

const BUILT_TESTS = join(PROJECT_ROOT, '.build', 'test');
const SUITES = join(PROJECT_ROOT, '.build', 'suites');

rmSync(SUITES, { recursive: true, force: true });
mkdirSync(SUITES, { recursive: true });
let files = 0;
for (const folder of readdirSync(BUILT_TESTS, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
  const tests = readdirSync(join(BUILT_TESTS, folder)).filter((f) => f.endsWith('.test.js')).sort();
  if (tests.length === 0) continue;
  const lines = [
    `// Written by test/write-suites.ts: the ${tests.length} test files of test/${folder}/, in one process.`,
    `import t from 'tap';`,
    `let loaded;`,
    `t.test('the ${tests.length} test files of test/${folder}/ are loaded', () => new Promise((resolve) => { loaded = resolve; }));`,
    `try {`,
    ...tests.map((f) => `  await import('../test/${folder}/${f}');`),
    `} finally {`,
    `  loaded();`,
    `}`,
  ];
  writeFileSync(join(SUITES, `${folder}.test.js`), lines.join('\n') + '\n');
  files += tests.length;
}
if (files === 0) throw new Error(`no compiled tests under ${BUILT_TESTS}: run tsc first`);
