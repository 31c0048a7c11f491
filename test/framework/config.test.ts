import t from 'tap';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../src/config/load.js';

const SECRET = 'a-test-secret-that-is-long-enough-0123';

t.test('the sandbox config loads with defaults, frozen', async (t) => {
  const dir = t.testdir();
  const { config } = loadConfig({ env: { TONGBAN_DATA_DIR: dir, TONGBAN_SUBJECT_KEY_SECRET: SECRET } });
  t.equal(config.server.host, '127.0.0.1');
  t.equal(config.server.port, 8080);
  t.equal(config.sandbox.enabled, true);
  t.equal(config.security.subjectKeySecret, SECRET);
  t.ok(Object.isFrozen(config.server));
});

t.test('HOST, PORT, TONGBAN_DATA_DIR, TONGBAN_SEED, TONGBAN_POPULATION, LOG_LEVEL override the file', async (t) => {
  const dir = t.testdir();
  const { config } = loadConfig({
    env: {
      HOST: '0.0.0.0', PORT: '9099', TONGBAN_DATA_DIR: dir, TONGBAN_SEED: '42',
      TONGBAN_POPULATION: 'pop.json', LOG_LEVEL: 'warn', TONGBAN_SUBJECT_KEY_SECRET: SECRET,
    },
  });
  t.equal(config.server.host, '0.0.0.0');
  t.equal(config.server.port, 9099);
  t.equal(config.dataDir, dir);
  t.equal(config.sandbox.seed, 42);
  t.equal(config.sandbox.population, 'pop.json');
  t.equal(config.logLevel, 'warn');
});

t.test('in the sandbox a missing secret is made once and kept in the data dir', async (t) => {
  const dir = t.testdir();
  const first = loadConfig({ env: { TONGBAN_DATA_DIR: dir } });
  const second = loadConfig({ env: { TONGBAN_DATA_DIR: dir } });
  t.equal(first.config.security.subjectKeySecret, second.config.security.subjectKeySecret);
  t.ok(first.config.security.subjectKeySecret.length >= 32);
  const keys = JSON.parse(readFileSync(join(dir, 'sandbox-keys.json'), 'utf8')) as Record<string, string>;
  t.equal(keys.TONGBAN_SUBJECT_KEY_SECRET, first.config.security.subjectKeySecret);
  t.equal(first.sandboxSecret('X'), second.sandboxSecret('X'));
});

t.test('outside the sandbox a missing secret stops the start, naming the variable', async (t) => {
  const dir = t.testdir();
  const file = join(dir, 'prod.json');
  writeFileSync(file, JSON.stringify({ security: { subjectKeySecret: { env: 'TONGBAN_SUBJECT_KEY_SECRET' } }, sandbox: { enabled: false } }));
  t.throws(() => loadConfig({ file, env: {} }), { name: 'ConfigError', message: /\/security\/subjectKeySecret.*TONGBAN_SUBJECT_KEY_SECRET/ });
});

t.test('an invalid file is refused with the failing paths', async (t) => {
  const dir = t.testdir();
  const file = join(dir, 'bad.json');
  writeFileSync(file, JSON.stringify({ security: { subjectKeySecret: SECRET }, server: { port: 'eighty', colour: 'red' } }));
  const err = (() => { try { loadConfig({ file, env: {} }); } catch (e) { return e as Error; } return undefined; })();
  t.ok(err instanceof ConfigError);
  t.match(err?.message, /\/server\/port: must be integer/);
  t.match(err?.message, /unknown property 'colour'/);
  t.throws(() => loadConfig({ file: join(dir, 'absent.json'), env: {} }), { name: 'ConfigError', message: /cannot read config file/ });
  t.throws(() => loadConfig({ env: { PORT: 'x', TONGBAN_DATA_DIR: dir } }), { message: /PORT must be an integer/ });
});
