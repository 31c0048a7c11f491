/**
 * The sandbox's fault routes (src/routes/sandbox.ts): PUT switches a fault on a mock agency
 * and a verification shows that source failing; DELETE brings it back; GET lists them.
 * Bodies the schema or the mock kit refuses are 400s naming the field; an unknown agency
 * is a 404; a gateway at real agencies (sandbox off) has no such routes.
 */
import t from 'tap';
import { request } from 'undici';
import { startMocks } from '../../mocks/cli.js';
import { FAULT_KINDS } from '../../mocks/kit/faults.js';
import { loadConfig } from '../../src/config/load.js';
import { createGateway } from '../../src/gateway.js';
import { family, startTestGateway } from '../helpers/gateway.js';

interface Reply { status: number; headers: Record<string, unknown>; text: string; body: any }

async function call(url: string, method: 'GET' | 'PUT' | 'DELETE' | 'POST', path: string, body?: unknown): Promise<Reply> {
  const res = await request(url + path, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await res.body.text();
  let parsed: unknown;
  try { parsed = JSON.parse(text); } catch { parsed = undefined; }
  return { status: res.statusCode, headers: res.headers as Record<string, unknown>, text, body: parsed };
}

const AGENCIES = ['psb', 'nrp', 'hud', 'hrss', 'amr', 'mca', 'nhc', 'edu'];

t.test('PUT breaks a source, DELETE restores it, GET lists what is on', async (t) => {
  const gw = await startTestGateway(t);
  const f = family(gw.population, 'house-hukou-match');
  const verify = async (ref: string, person: { idNumber: string; name: string }, facts: string[]) => {
    const res = await gw.post('/v1/verifications', { purpose: 'enrollment.primary', subjects: [{ ref, idNumber: person.idNumber, name: person.name }], facts: { [ref]: facts } });
    t.equal(res.status, 200, 'a failing registry never fails the request');
    return res.body as { status: string; sources: Array<{ connector: string; status: string }> };
  };
  const statusOf = (answer: { sources: Array<{ connector: string; status: string }> }, connector: string) =>
    answer.sources.find((s) => s.connector === connector)?.status;

  const listed = await call(gw.url, 'GET', '/v1/sandbox/faults');
  t.equal(listed.status, 200);
  t.same(listed.body.faults.map((a: { agency: string }) => a.agency), AGENCIES, 'every agency');
  t.ok(listed.body.faults.every((a: { fault: unknown }) => a.fault === null), 'no fault at first');
  t.same(listed.body.faults.find((a: { agency: string }) => a.agency === 'psb').interfaces, ['czrk', 'hjcy', 'qyjl', 'jzz', 'sfhy'], 'with the interfaces a fault may target');

  const put = await call(gw.url, 'PUT', '/v1/sandbox/faults/psb', { kind: 'error' });
  t.equal(put.status, 200);
  t.same(put.body, { agency: 'psb', fault: { kind: 'error', rate: 1 }, interfaces: ['czrk', 'hjcy', 'qyjl', 'jzz', 'sfhy'] }, 'the fault now on, with its defaults');
  t.same((await call(gw.url, 'GET', '/v1/sandbox/faults')).body.faults.find((a: { agency: string }) => a.agency === 'psb').fault, { kind: 'error', rate: 1 });

  const broken = await verify('child', f.child!, ['identity']);
  t.not(statusOf(broken, 'psb.identity-check'), 'ok', 'the source failed');
  t.equal(broken.status, 'partial');

  const deleted = await call(gw.url, 'DELETE', '/v1/sandbox/faults/psb');
  t.equal(deleted.status, 204);
  t.equal(deleted.text, '', 'no body');
  t.equal((await call(gw.url, 'GET', '/v1/sandbox/faults')).body.faults.find((a: { agency: string }) => a.agency === 'psb').fault, null);
  const restored = await verify('child', f.child!, ['identity']);
  t.equal(statusOf(restored, 'psb.identity-check'), 'ok', 'cleared, the source answers');
  t.equal(restored.status, 'complete');
  t.equal((await call(gw.url, 'DELETE', '/v1/sandbox/faults/psb')).status, 204, 'deleting when nothing is on is fine');

  // One interface only: the identity check (sfhy) is untouched by a fault on residence permits (jzz).
  const narrow = await call(gw.url, 'PUT', '/v1/sandbox/faults/psb', { kind: 'busy', interface: 'jzz' });
  t.same(narrow.body.fault, { kind: 'busy', interface: 'jzz' });
  const mother = await verify('mother', f.mother!, ['identity', 'residencePermit']);
  t.equal(statusOf(mother, 'psb.identity-check'), 'ok', 'another interface answers');
  t.not(statusOf(mother, 'psb.residence-permit'), 'ok', 'the targeted one fails');

  // PUT replaces: the latency of the README's example, in place of the busy permits.
  const latency = await call(gw.url, 'PUT', '/v1/sandbox/faults/psb', { kind: 'latency', ms: 800, jitterMs: 200 });
  t.same(latency.body.fault, { kind: 'latency', ms: 800, jitterMs: 200 }, 'replaces the previous fault');
  t.equal((await call(gw.url, 'DELETE', '/v1/sandbox/faults/psb')).status, 204);

  // An outage: the port closes; cleared, the same URL (the gateway's config) answers again.
  t.same((await call(gw.url, 'PUT', '/v1/sandbox/faults/hrss', { kind: 'outage' })).body.fault, { kind: 'outage' });
  const down = await verify('father', f.father!, ['employment']);
  t.not(statusOf(down, 'hrss.employment'), 'ok', 'the agency is down');
  t.equal((await call(gw.url, 'DELETE', '/v1/sandbox/faults/hrss')).status, 204);
  const up = await verify('father', f.father!, ['employment']);
  t.match(statusOf(up, 'hrss.employment'), /^(ok|not_found)$/, 'up again on the same port');
});

t.test('bodies that cannot be a fault are refused, naming the field', async (t) => {
  const gw = await startTestGateway(t);
  const refused = async (body: unknown, path: string, message: RegExp) => {
    const res = await call(gw.url, 'PUT', '/v1/sandbox/faults/psb', body);
    t.equal(res.status, 400, `${JSON.stringify(body)}: 400`);
    t.equal(res.body?.error?.code, 'TONGBAN_ERR_VALIDATION');
    t.match(res.body?.error?.details, [{ path, message }], `${JSON.stringify(body)}: ${path}`);
    t.equal(res.body?.requestId, res.headers['x-request-id'], 'the project\'s error shape');
  };
  await refused({ kind: 'meteor-strike' }, '/kind', new RegExp(`must be one of: ${Object.keys(FAULT_KINDS).join(', ')}`));
  await refused({}, '/kind', /is required/);
  await refused({ kind: 'error', rate: 2 }, '/rate', /must be <= 1/);
  await refused({ kind: 'latency', ms: '800' }, '/ms', /must be integer/);
  await refused({ kind: 'latency', ms: -1 }, '/ms', /must be >= 0/);
  await refused({ kind: 'error', colour: 'red' }, '/colour', /is not a known field/);
  await refused({ kind: 'latency' }, '/ms', /is required/);
  await refused({ kind: 'busy', ms: 5 }, '/ms', /does not apply to 'busy'/);
  await refused({ kind: 'error', bytes: 5 }, '/bytes', /does not apply to 'error' \(it takes: rate\)/);
  await refused({ kind: 'error', interface: 'QueryByOwner' }, '/interface', /must be one of this agency's interfaces: czrk, hjcy, qyjl, jzz, sfhy/);
  await refused([], '/', /must be object/);

  const notJson = await call(gw.url, 'PUT', '/v1/sandbox/faults/psb', '{"kind":');
  t.equal(notJson.body.error.code, 'TONGBAN_ERR_MALFORMED_JSON');
  t.ok((await call(gw.url, 'GET', '/v1/sandbox/faults')).body.faults.every((a: { fault: unknown }) => a.fault === null), 'nothing refused was switched on');
});

t.test('an agency the sandbox does not run is a 404', async (t) => {
  const gw = await startTestGateway(t);
  for (const [method, body] of [['PUT', { kind: 'error' }], ['PUT', { kind: 'meteor-strike' }], ['DELETE', undefined]] as const) {
    for (const agency of ['xyz', '__proto__', 'constructor', 'PSB']) {
      const res = await call(gw.url, method, `/v1/sandbox/faults/${agency}`, body);
      t.equal(res.status, 404, `${method} ${agency}`);
      t.equal(res.body.error.code, 'TONGBAN_ERR_NOT_FOUND');
      t.match(res.body.error.message, /the agencies are: psb, nrp, hud, hrss, amr, mca, nhc, edu/);
    }
  }
});

t.test('outside the sandbox the routes do not exist', async (t) => {
  const mocks = await startMocks({ dataDir: t.testdir(), seed: 7, households: 40, noQuota: true });
  t.teardown(() => mocks.close());
  const gateway = await createGateway({ loaded: loadConfig({ file: mocks.configFile, env: { ...mocks.env, LOG_LEVEL: 'silent' } }) });
  t.teardown(() => gateway.close());
  t.equal(gateway.app.tongban.config.sandbox.enabled, false);
  const url = await gateway.app.listen({ host: '127.0.0.1', port: 0 });
  for (const [method, path, body] of [
    ['GET', '/v1/sandbox/faults', undefined],
    ['PUT', '/v1/sandbox/faults/psb', { kind: 'error' }],
    ['DELETE', '/v1/sandbox/faults/psb', undefined],
  ] as const) {
    const res = await call(url, method, path, body);
    t.equal(res.status, 404, `${method} ${path}`);
    t.equal(res.body.error.code, 'TONGBAN_ERR_NOT_FOUND');
  }
  t.equal(mocks.mocks.every((m) => m.faults.current === undefined), true, 'and nothing reached the mocks');
});
