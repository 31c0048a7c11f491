/**
 * Every mock agency obeys the same fault switch (mocks/kit/faults.ts), for the whole agency
 * or for one interface, switched on and off at run time. (`latency` shows the seam; every
 * kind against every mock: fault-kinds.test.ts.)
 */
import t from 'tap';
import { request } from 'undici';
import { MOCKS } from '../../mocks/index.js';
import { loadConfig } from '../../src/config/load.js';
import { smallPopulation } from '../helpers/gateway.js';

/** True when the mock answers `path` within 300 ms (a held answer is held for a minute). */
async function answers(url: string, path: string): Promise<boolean> {
  try {
    const res = await request(url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}', signal: AbortSignal.timeout(300) });
    await res.body.dump();
    return true;
  } catch {
    return false;
  }
}

const PATHS: Record<string, { one: string; other: string; name: string }> = {
  psb: { one: '/api/v2/query/czrk', other: '/api/v2/query/jzz', name: 'czrk' },
  nrp: { one: '/bdcdj/api/query', other: '/bdcdj/api/query', name: 'QueryByOwner' },
  hrss: { one: '/api/v2/insurance/370202198503120017/status', other: '/api/v2/employment/370202198503120017', name: 'status' },
  amr: { one: '/api/entity', other: '/api/entity/by-person', name: 'entity' },
  mca: { one: '/exchange/jobs', other: '/exchange/jobs', name: 'marriage' },
  edu: { one: '/api/v1/students/370202201805150016', other: '/api/v1/zones', name: 'students' },
};

for (const mock of MOCKS) {
  t.test(`${mock.agency}: the fault switch`, async (t) => {
    const loaded = loadConfig({ env: { TONGBAN_DATA_DIR: t.testdir(), TONGBAN_SUBJECT_KEY_SECRET: 'x'.repeat(40) } });
    const running = await mock.start({ population: smallPopulation(), agencyConfig: mock.sandboxConfig(loaded.sandboxSecret) });
    t.teardown(() => running.close());
    const paths = PATHS[mock.agency] ?? { one: '/', other: '/', name: 'x' };

    t.ok(await answers(running.url, paths.one), 'answers when no fault is set');
    running.faults.set({ kind: 'latency', ms: 60_000 });
    t.notOk(await answers(running.url, paths.one), 'a fault for the whole agency holds every answer');
    running.faults.clear();
    t.ok(await answers(running.url, paths.one), 'cleared, it answers again');

    const target = running.faults.interfaces.includes(paths.name) ? paths.name : running.faults.interfaces[0]!;
    running.faults.set({ kind: 'latency', ms: 60_000, interface: target });
    t.ok(await answers(running.url, paths.other), 'a fault for another interface does not touch this one');
    running.faults.clear();
    t.throws(() => running.faults.set({ kind: 'meteor-strike' }), /unknown fault kind 'meteor-strike'/);
    t.throws(() => running.faults.set({ kind: 'latency', ms: 1, interface: 'no-such-interface' }), { name: 'FaultParameterError', parameter: 'interface' },
      'an interface the mock does not have is refused, not silently matched by nothing');
  });
}

t.test('a fault can target one PSB service', async (t) => {
  const mock = MOCKS.find((m) => m.agency === 'psb')!;
  const loaded = loadConfig({ env: { TONGBAN_DATA_DIR: t.testdir(), TONGBAN_SUBJECT_KEY_SECRET: 'x'.repeat(40) } });
  const running = await mock.start({ population: smallPopulation(), agencyConfig: mock.sandboxConfig(loaded.sandboxSecret) });
  t.teardown(() => running.close());
  running.faults.set({ kind: 'latency', ms: 60_000, interface: 'czrk' });
  t.notOk(await answers(running.url, '/api/v2/query/czrk'), 'czrk is held');
  t.ok(await answers(running.url, '/api/v2/query/jzz'), 'jzz answers');
  running.faults.clear();
});
