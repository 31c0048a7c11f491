/**
 * The run conventions (DESIGN.md §6): the start command listens on HOST/PORT, logs its
 * URL, takes the population from TONGBAN_SEED, and answers /healthz. Run through tsx so
 * the test does not depend on a build.
 */
import t from 'tap';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { request } from 'undici';
import { TEST_SECRET } from '../helpers/gateway.js';

t.test('the sandbox starts in one process and says where it listens', async (t) => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', TONGBAN_DATA_DIR: t.testdir(), TONGBAN_SEED: '11', TONGBAN_SUBJECT_KEY_SECRET: TEST_SECRET, TONGBAN_CONFIG: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  t.teardown(() => { if (child.exitCode === null) child.kill('SIGKILL'); });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${err}`)));
  });
  const res = await request(`${url}/healthz`);
  t.equal(res.statusCode, 200);
  t.same(await res.body.json(), { status: 'ok' });
  t.match(out, /mock agencies running/);
  child.kill('SIGTERM');
  const [code] = await once(child, 'exit');
  t.equal(code, 0, 'a clean shutdown on SIGTERM');
});
