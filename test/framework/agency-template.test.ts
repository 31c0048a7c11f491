/**
 * Every agency folder has the shape connectors/README.md describes, so that a newcomer can
 * tell where a new interface goes: the same files, one interface module per connector
 * (named for its id), its mock, its fact schemas, its tests.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { AGENCIES } from '../../connectors/index.js';
import { MOCKS } from '../../mocks/index.js';
import { PROJECT_ROOT } from '../../src/paths.js';

const FILES = ['index.ts', 'config.ts', 'client.ts', 'codes.ts', 'types.ts', 'ttl.ts', 'facts.ts'];

for (const agency of AGENCIES) {
  t.test(`connectors/${agency.id}/ follows the template`, async (t) => {
    const dir = join(PROJECT_ROOT, 'connectors', agency.id);
    for (const f of FILES) t.ok(existsSync(join(dir, f)), `${f}`);
    const interfaces = readdirSync(join(dir, 'interfaces')).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).sort();
    t.same(interfaces, agency.connectors.map((c) => c.id.split('.')[1]!).sort(), 'one interfaces/<name>.ts per connector, named for its id');
    for (const c of agency.connectors) {
      const module = (await import(`../../connectors/${agency.id}/interfaces/${c.id.split('.')[1]}.js`)) as Record<string, unknown>;
      t.ok(Object.values(module).includes(c), `interfaces/${c.id.split('.')[1]}.ts declares ${c.id}`);
    }
    const mappers = readdirSync(dir).filter((f) => /^to-[a-z-]+\.ts$/.test(f));
    t.ok(mappers.length > 0, 'pure mappers in to-<fact>.ts');
    t.ok(existsSync(join(PROJECT_ROOT, 'schemas', 'facts', `${agency.id}.ts`)), `schemas/facts/${agency.id}.ts`);
    t.ok(existsSync(join(PROJECT_ROOT, 'mocks', agency.id, 'index.ts')), `mocks/${agency.id}/index.ts`);
    t.ok(MOCKS.some((m) => m.agency === agency.id), 'its mock is registered');
    t.ok(existsSync(join(PROJECT_ROOT, 'test', agency.id)), `test/${agency.id}/`);
  });
}
