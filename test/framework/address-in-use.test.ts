/**
 * A taken port stops the start with one line that says which address, and, when the port
 * is in the machine's ephemeral range, why it can be taken with nothing listening on it.
 */
import t, { type Test } from 'tap';
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { addressInUseMessage, ephemeralPortRange } from '../../src/address-in-use.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { TEST_SECRET } from '../helpers/gateway.js';

t.test('the message', async (t) => {
  const what = 'choose another with PORT (and HOST)';
  t.equal(addressInUseMessage('127.0.0.1', 8080, what, [32768, 60999]), '127.0.0.1:8080 is already in use; choose another with PORT (and HOST)', 'below the range: the address and what to do');
  t.equal(addressInUseMessage('127.0.0.1', 61000, what, [32768, 60999]), '127.0.0.1:61000 is already in use; choose another with PORT (and HOST)', 'above it too');
  t.equal(addressInUseMessage('127.0.0.1', 47100, what, null), '127.0.0.1:47100 is already in use; choose another with PORT (and HOST)', 'no range known: the same');
  for (const port of [32768, 47100, 60999]) {
    t.equal(
      addressInUseMessage('0.0.0.0', port, what, [32768, 60999]),
      `0.0.0.0:${port} is already in use; choose another with PORT (and HOST), below 32768: ${port} is in this machine's ephemeral port range (32768-60999), from which outgoing connections take their local ports, so one of them can hold it while nothing listens on it`,
      `${port} is in the range`,
    );
  }
});

t.test('the range, as Linux writes it', async (t) => {
  t.same(ephemeralPortRange(() => '32768\t60999\n'), [32768, 60999]);
  t.same(ephemeralPortRange(() => '1024 65535'), [1024, 65535]);
  t.equal(ephemeralPortRange(() => 'nonsense'), null, 'unreadable text: no range');
  t.equal(ephemeralPortRange(() => '60999 32768'), null, 'reversed: no range');
  t.equal(ephemeralPortRange(() => { throw Object.assign(new Error('no such file'), { code: 'ENOENT' }); }), null, 'not Linux: no range');
});

/** A port held by this process: one the system hands out is in its ephemeral range, as a fixed port can be by accident. */
async function heldPort(t: Test): Promise<number> {
  const holder = createServer();
  holder.listen(0, '127.0.0.1');
  await once(holder, 'listening');
  t.teardown(() => holder.close());
  return (holder.address() as AddressInfo).port;
}

/** `npm start` (through tsx), with exactly the TONGBAN_* variables given. */
function start(env: Record<string, string>) {
  const clean: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('TONGBAN_') && !k.startsWith('TAP') && !k.startsWith('NODE_OPTIONS')) clean[k] = v;
  return spawnSync(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'src/main.ts')], {
    cwd: PROJECT_ROOT, env: { ...clean, HOST: '127.0.0.1', TONGBAN_SEED: '11', TONGBAN_SUBJECT_KEY_SECRET: TEST_SECRET, ...env }, encoding: 'utf8', timeout: 60_000,
  });
}

t.test('npm start on a taken port says so and exits 1', async (t) => {
  const port = await heldPort(t);
  const r = start({ PORT: String(port), TONGBAN_DATA_DIR: t.testdir() });
  t.equal(r.status, 1);
  const range = ephemeralPortRange();
  t.equal(r.stderr, `tongban: ${addressInUseMessage('127.0.0.1', port, 'choose another with PORT (and HOST)', range)}\n`, 'one line, no stack');
  if (range) t.match(r.stderr, /ephemeral port range/, 'the port came from that range, and the line says so');
});

t.test('a sandbox mock agency on a taken port: the same, naming sandbox.ports', async (t) => {
  const port = await heldPort(t);
  const dir = t.testdir({
    'sandbox.json': JSON.stringify({
      security: { subjectKeySecret: { env: 'TONGBAN_SUBJECT_KEY_SECRET' } },
      sandbox: { enabled: true, ports: { psb: port } },
      agencies: {},
    }),
  });
  const r = start({ PORT: '0', TONGBAN_DATA_DIR: dir, TONGBAN_CONFIG: join(dir, 'sandbox.json') });
  t.equal(r.status, 1);
  t.equal(r.stderr, `tongban: a sandbox mock agency's address ${addressInUseMessage('127.0.0.1', port, 'choose others with sandbox.ports')}\n`, 'one line, no stack');
});
