/**
 * Issue 8 through the whole chain: a mock agency misbehaving in each way a registry can
 * (the sandbox's fault switch), and what a platform sees: a 200 within the deadline, the
 * failed source with its exact status and reason, the other sources untouched. Then one
 * agency hanging while others are asked, and a chaos run across all agencies.
 */
import t from 'tap';
import { family, startTestGateway, type TestGateway } from '../helpers/gateway.js';

const FAST = {
  verification: { deadlineMs: 2000 },
  connectors: { timeoutMs: 1000, retryBaseMs: 10, retryMaxMs: 500 },
  cache: { maxEntriesPerConnector: 0 },
};

function question(gw: TestGateway) {
  const fam = family(gw.population, 'house-hukou-match');
  return {
    purpose: 'enrollment.primary',
    subjects: [{ ref: 'child', idNumber: fam.child!.idNumber, name: fam.child!.name }, { ref: 'father', idNumber: fam.father!.idNumber, name: fam.father!.name }],
    facts: { child: ['hukou'], father: ['properties', 'socialInsurance'] },
  };
}

/** What PSB's hukou source shows for each kind of fault; NRP and HRSS are asked beside it. */
const KINDS: Array<[Record<string, unknown>, string, RegExp]> = [
  [{ kind: 'error', rate: 1 }, 'upstream_error', /./],
  [{ kind: 'busy' }, 'upstream_error', /./],
  [{ kind: 'hang' }, 'timeout', /within 1000 ms|deadline/],
  [{ kind: 'latency', ms: 60_000 }, 'timeout', /within 1000 ms|deadline/],
  [{ kind: 'slow-body', bytesPerSecond: 8 }, 'timeout', /./],
  [{ kind: 'reset' }, 'upstream_error', /connection|reset|socket|closed/i],
  [{ kind: 'outage' }, 'upstream_error', /refused|connection/i],
  [{ kind: 'malformed' }, 'invalid_response', /./],
  [{ kind: 'oversized' }, 'invalid_response', /larger than/],
  [{ kind: 'corrupt' }, 'invalid_response', /schema|mapped|malformed/],
  [{ kind: 'rate-limit', retryAfterSeconds: 30 }, 'rate_limited', /./],
];

t.test('each kind of failure: the exact status and reason, the other sources untouched', async (t) => {
  // The breaker stays out of it here (its own test is below): each kind shows its own status.
  const gw = await startTestGateway(t, { overrides: { ...FAST, connectors: { ...FAST.connectors, volumeThreshold: 1000 } } });
  const psb = gw.gateway.mocks.get('psb')!;
  const body = question(gw);
  const clean = await gw.post('/v1/verifications', body);
  t.equal(clean.body.status, 'complete', 'no fault: complete');
  // A streamed fault answer (slow-body, oversized) once drew Node's listener-leak warning.
  const warnings: string[] = [];
  const onWarning = (w: Error) => warnings.push(`${w.name}: ${w.message}`);
  process.on('warning', onWarning);
  t.teardown(() => { process.off('warning', onWarning); });

  for (const [fault, status, reason] of KINDS) {
    const label = String(fault.kind);
    psb.faults.set((fault.kind === 'outage' ? fault : { ...fault, interface: 'czrk' }) as never);
    const res = await gw.post('/v1/verifications', body);
    psb.faults.clear();
    t.equal(res.status, 200, `${label}: 200`);
    t.equal(res.body.status, 'partial', `${label}: partial`);
    const failed = res.body.sources.filter((s: { status: string }) => s.status !== 'ok' && s.status !== 'not_found');
    t.same(failed.map((s: { connector: string }) => s.connector), ['psb.hukou-person'], `${label}: only the hukou source failed`);
    t.equal(failed[0]?.status, status, `${label}: ${status} (${failed[0]?.status}: ${failed[0]?.message})`);
    t.match(failed[0]?.message, reason, `${label}: says why`);
    t.equal(res.body.facts.child.hukou.status, 'unavailable', `${label}: the fact is unavailable`);
    t.equal(res.body.facts.father.properties.status, 'found', `${label}: NRP unaffected`);
    t.equal(res.body.facts.father.socialInsurance.status, 'found', `${label}: HRSS unaffected`);
  }
  const after = await gw.post('/v1/verifications', body);
  t.equal(after.body.status, 'complete', 'cleared: complete again');
  await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on the next tick
  t.same(warnings.filter((w) => w.startsWith('MaxListenersExceededWarning')), [], 'no listener warning from any fault');
});

t.test('a retryable blip is retried and the answer is complete', async (t) => {
  const gw = await startTestGateway(t, { overrides: FAST });
  const psb = gw.gateway.mocks.get('psb')!;
  psb.faults.set({ kind: 'error', rate: 0.5, interface: 'czrk' } as never);
  let retried = 0;
  for (let i = 0; i < 10; i++) {
    const res = await gw.post('/v1/verifications', question(gw));
    const hukou = res.body.sources.find((s: { connector: string }) => s.connector === 'psb.hukou-person');
    if (hukou.attempts > 1) retried++;
    t.equal(res.status, 200);
  }
  psb.faults.clear();
  t.ok(retried > 0, `${retried} of 10 calls were retried`);
});

t.test('the deadline: a hanging registry costs a verification at most the deadline, and the source says so', async (t) => {
  const gw = await startTestGateway(t, { overrides: { verification: { deadlineMs: 400 }, cache: { maxEntriesPerConnector: 0 } } });
  const nrp = gw.gateway.mocks.get('nrp')!;
  nrp.faults.set({ kind: 'hang' } as never); // holds every answer until cleared: only the deadline ends the call
  const res = await gw.post('/v1/verifications', question(gw));
  t.equal(res.status, 200);
  t.equal(res.body.status, 'partial');
  const owner = res.body.sources.find((s: { connector: string }) => s.connector === 'nrp.property-by-owner');
  t.equal(owner.status, 'timeout');
  t.match(owner.message, /deadline/);
  t.equal(res.body.facts.child.hukou.status, 'found');
  nrp.faults.clear();
});

t.test('with one agency hanging, verifications that do not need it are answered while those that do still wait', async (t) => {
  const gw = await startTestGateway(t, { overrides: { verification: { deadlineMs: 60_000 }, connectors: { timeoutMs: 60_000 }, cache: { maxEntriesPerConnector: 0 } } });
  const nrp = gw.gateway.mocks.get('nrp')!;
  nrp.faults.set({ kind: 'hang' } as never);
  const fam = family(gw.population, 'house-hukou-match');
  const needsNrp = { purpose: 'enrollment.primary', subjects: [{ ref: 'father', idNumber: fam.father!.idNumber, name: fam.father!.name }], facts: { father: ['properties'] } };
  let waitingDone = 0;
  const waiting = Array.from({ length: 20 }, () => gw.post('/v1/verifications', needsNrp).then((r) => { waitingDone++; return r; }));
  const other = { ...question(gw), facts: { child: ['hukou', 'household', 'identity'], father: ['socialInsurance', 'marriage'] } };
  for (let i = 0; i < 5; i++) {
    const res = await gw.post('/v1/verifications', other);
    t.equal(res.body.status, 'complete', 'answered in full');
  }
  t.equal(waitingDone, 0, 'while the 20 that need NRP are still held');
  nrp.faults.clear();
  const released = await Promise.all(waiting);
  t.ok(released.every((r) => r.status === 200), 'and those are answered once NRP is back');
});

t.test('chaos: random faults on every agency, every answer a valid 200 and retries within the budget', async (t) => {
  const gw = await startTestGateway(t, { overrides: { ...FAST, verification: { deadlineMs: 1500 }, connectors: { ...FAST.connectors, timeoutMs: 700, resetTimeoutMs: 500, volumeThreshold: 5 } } });
  const fam = family(gw.population, 'house-hukou-match');
  const body = {
    purpose: 'enrollment.primary',
    subjects: [{ ref: 'child', idNumber: fam.child!.idNumber, name: fam.child!.name }, { ref: 'father', idNumber: fam.father!.idNumber, name: fam.father!.name }, { ref: 'mother', idNumber: fam.mother!.idNumber, name: fam.mother!.name }],
    facts: {
      child: ['identity', 'hukou', 'household', 'birthCertificate', 'studentStatus', 'schoolDistrict'],
      father: ['properties', 'socialInsurance', 'employment', 'enterprises', 'marriage', 'saleContracts', 'leases', 'assistance'],
      mother: ['identity', 'hukou', 'residencePermit', 'socialInsurance'],
    },
  };
  const kinds: Array<Record<string, unknown>> = [
    { kind: 'error', rate: 0.3 }, { kind: 'busy' }, { kind: 'reset' }, { kind: 'malformed' }, { kind: 'latency', ms: 300, jitterMs: 200 },
    { kind: 'rate-limit', retryAfterSeconds: 0 }, { kind: 'hang' }, { kind: 'outage' }, { kind: 'corrupt' },
  ];
  // A fixed sequence of faults (seeded), switched between batches of verifications.
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const agencies = [...gw.gateway.mocks.keys()];
  const statuses = new Map<string, number>();
  let answers = 0;
  const started = performance.now();
  for (let batch = 0; batch < 20; batch++) {
    for (const agency of agencies) {
      const mock = gw.gateway.mocks.get(agency)!;
      if (random() < 0.35) mock.faults.set(kinds[Math.floor(random() * kinds.length)] as never);
      else mock.faults.clear();
    }
    const results = await Promise.all(Array.from({ length: 12 }, () => gw.post('/v1/verifications', body)));
    for (const res of results) {
      answers++;
      if (res.status !== 200 || (res.body.status !== 'complete' && res.body.status !== 'partial')) t.fail(`not a valid answer: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
      for (const s of res.body.sources as Array<{ status: string }>) statuses.set(s.status, (statuses.get(s.status) ?? 0) + 1);
    }
  }
  for (const mock of gw.gateway.mocks.values()) mock.faults.clear();
  t.equal(answers, 240, '240 verifications, every one a 200, complete or partial');
  t.ok((statuses.get('ok') ?? 0) > 0 && [...statuses.keys()].some((s) => s !== 'ok' && s !== 'not_found'), `statuses seen: ${JSON.stringify(Object.fromEntries(statuses))}`);
  // The budget: at most 10 % of the calls of any 10 s window, plus 2 retries a second.
  const seconds = Math.ceil((performance.now() - started) / 1000);
  for (const [agency, guard] of gw.gateway.hub.guards) {
    const { calls, retries } = guard.counts;
    t.ok(retries <= 0.1 * calls + 2 * (seconds + 10), `${agency}: ${retries} retries for ${calls} calls in ${seconds} s`);
  }
});
