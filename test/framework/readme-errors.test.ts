/** The README's error table lists every code of src/errors.ts with its HTTP status. */
import t from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERRORS } from '../../src/errors.js';
import { PROJECT_ROOT } from '../../src/paths.js';

t.test('README error table matches the error table in code', async (t) => {
  const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
  const rows = new Map([...readme.matchAll(/^\| `(TONGBAN_ERR_[A-Z_]+)` \| (\d{3}) \|/gm)].map((m) => [m[1]!, Number(m[2])]));
  for (const [code, { status }] of Object.entries(ERRORS)) {
    t.equal(rows.get(code), status, `${code} is documented with HTTP ${status}`);
  }
  t.equal(rows.size, Object.keys(ERRORS).length, 'no documented code is missing from the code');
});
