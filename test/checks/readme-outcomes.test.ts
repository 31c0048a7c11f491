/** The README shows the scenario outcome table the tests assert, every check of the catalog and every shipped profile. */
import t from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/paths.js';
import { CHECKS } from '../../src/checks/index.js';
import { loadConfig } from '../../src/config/load.js';
import { outcomeTable } from './scenario-outcomes.js';

const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');

t.test('the README holds the scenario outcome table as the tests assert it', async (t) => {
  t.ok(readme.includes(outcomeTable()), `README.md must contain, verbatim:\n${outcomeTable()}`);
});

t.test('the README lists every check of the catalog and every shipped profile, each with a curl', async (t) => {
  for (const c of CHECKS) t.match(readme, new RegExp(`^\\| \`${c.type.replace('.', '\\.')}\` \\|`, 'm'), `${c.type} in the check table`);
  const { config } = loadConfig({ env: { TONGBAN_SUBJECT_KEY_SECRET: 'readme-test-secret-0123456789abcdefgh', TONGBAN_DATA_DIR: t.testdir() } });
  for (const name of Object.keys(config.profiles)) {
    t.match(readme, new RegExp(`^\\| \`${name.replaceAll('.', '\\.')}\` \\|`, 'm'), `${name} in the profile table`);
    t.ok(readme.includes(`"profile": "${name}"`), `a curl for ${name}`);
  }
});
