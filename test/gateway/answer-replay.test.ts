/**
 * The same request body again: once every source of its answer came fresh from the cache,
 * that answer is sent again with the request's own id and time, without a connector call
 * (src/verification/answer-cache.ts). Real HTTP against the sandbox's mock agencies.
 */
import t from 'tap';
import type { CallEvent } from '../../src/connectors/runtime.js';
import { normalizeRequest } from '../../src/verification/normalize.js';
import { runVerification } from '../../src/verification/run.js';
import { family, startTestGateway, type TestGateway } from '../helpers/gateway.js';

function readmeQuestion(gw: TestGateway) {
  const fam = family(gw.population, 'house-hukou-match');
  const subjects = Object.values(fam).map((p) => ({ ref: p.ref, idNumber: p.idNumber, name: p.name }));
  return { fam, body: { purpose: 'enrollment.primary', reference: 'APP-2026-0001', subjects, facts: { child: ['identity', 'hukou'], father: ['identity', 'properties'] } } };
}

/** The connector calls made while `run` runs. */
async function callsDuring<T>(gw: TestGateway, run: () => Promise<T>): Promise<{ result: T; calls: CallEvent[] }> {
  const calls: CallEvent[] = [];
  const listen = (e: CallEvent) => calls.push(e);
  gw.gateway.hub.events.on('call', listen);
  try {
    return { result: await run(), calls };
  } finally {
    gw.gateway.hub.events.off('call', listen);
  }
}

const completedLines = (gw: TestGateway) => gw.logs().filter((l) => l.msg === 'request completed' && l.url === '/v1/verifications');

t.test('the same body a third time gets the second answer again, with its own id and time, and no connector call', async (t) => {
  const gw = await startTestGateway(t);
  const { fam, body } = readmeQuestion(gw);
  const first = await callsDuring(gw, () => gw.post('/v1/verifications', body));
  t.equal(first.result.status, 200);
  t.ok(first.result.body.sources.every((s: { cache: string }) => s.cache === 'miss'), 'first: every source asked');
  const second = await callsDuring(gw, () => gw.post('/v1/verifications', body));
  t.ok(second.result.body.sources.every((s: { cache: string }) => s.cache === 'hit'), 'second: every source from the cache');
  t.equal(second.calls.length, second.result.body.sources.length, 'second: one cache hit per source');
  t.equal((await gw.get('/v1/connectors')).body.answers.entries, 1, 'the second answer is kept');

  const third = await callsDuring(gw, () => gw.post('/v1/verifications', body));
  t.equal(third.result.status, 200);
  t.same(third.calls, [], 'third: no connector call at all');
  t.match(String(third.result.headers['content-type']), /^application\/json; charset=utf-8$/);
  t.ok(third.result.headers['x-request-id'], 'the request id header as on every answer');
  const a2 = second.result.body;
  const a3 = third.result.body;
  t.not(a3.id, a2.id, 'a verification id of its own');
  t.match(a3.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  t.ok(Date.parse(a3.createdAt) >= Date.parse(a2.createdAt), 'created now');
  t.same({ ...a3, id: a2.id, createdAt: a2.createdAt }, a2, 'everything else is the second answer: facts, values, sources, fetchedAt');
  t.equal(a3.facts.father.properties.status, 'found');
  t.equal(a3.reference, 'APP-2026-0001');

  const [, line2, line3] = completedLines(gw);
  t.match(line3, { status: 200, verification: a3.id, outcome: 'complete', sources: a2.sources.length, hits: a2.sources.length, replayed: true });
  t.notOk('replayed' in line2!, 'the answer that was kept was not itself replayed');
  const text = gw.logText();
  for (const m of Object.values(fam)) {
    t.notOk(text.includes(m.idNumber) || text.includes(m.name), `no ID number or name of ${m.ref} in the log`);
  }

  const fourth = await callsDuring(gw, () => gw.post('/v1/verifications', body));
  t.same(fourth.calls, []);
  t.not(fourth.result.body.id, a3.id, 'each replay its own id');
});

t.test('another spelling of the same question is answered by the fan-out, from the connectors\' caches', async (t) => {
  const gw = await startTestGateway(t);
  const { body } = readmeQuestion(gw);
  for (let i = 0; i < 3; i++) await gw.post('/v1/verifications', body);
  const spaced = JSON.stringify(body, null, 2);
  const again = await callsDuring(gw, () => gw.post('/v1/verifications', spaced));
  t.equal(again.result.status, 200);
  t.equal(again.calls.length, again.result.body.sources.length, 'every source looked up again');
  t.ok(again.calls.every((c) => c.cache === 'hit'));
  const other = await callsDuring(gw, () => gw.post('/v1/verifications', { ...body, reference: 'APP-2026-0002' }));
  t.equal(other.calls.length, other.result.body.sources.length, 'another reference is another request');
  t.equal(other.result.body.reference, 'APP-2026-0002');
});

t.test('an answer is kept only for a body asked before: a question asked once costs no copy', async (t) => {
  const gw = await startTestGateway(t);
  const { body } = readmeQuestion(gw);
  const held = async () => (await gw.get('/v1/connectors')).body.answers.entries as number;
  await gw.post('/v1/verifications', body);
  t.equal(await held(), 0, 'asked once, its sources asked: nothing kept');
  await gw.post('/v1/verifications', body);
  t.equal(await held(), 1, 'asked again, every source a hit: kept');
  const once = { ...body, reference: 'APP-2026-0003' };
  const first = await callsDuring(gw, () => gw.post('/v1/verifications', once));
  t.ok(first.calls.length > 0 && first.calls.every((c) => c.cache === 'hit'), 'a new body: every source a hit');
  t.equal(await held(), 1, 'but asked for the first time: not kept');
  await gw.post('/v1/verifications', once);
  t.equal(await held(), 2, 'asked a second time: kept');
  const third = await callsDuring(gw, () => gw.post('/v1/verifications', once));
  t.same(third.calls, [], 'and the third time sent again');
});

t.test('an answer with a failed source is never kept: the same body asks the registry again', async (t) => {
  const gw = await startTestGateway(t, { overrides: { connectors: { retries: 0 } } });
  const { body } = readmeQuestion(gw);
  await gw.post('/v1/verifications', body); // the sources are cached
  await gw.gateway.mocks.get('nrp')!.close();
  const { fam } = readmeQuestion(gw);
  // The father's identity and properties only: NRP is asked for what the cache does not hold.
  const mother = Object.values(fam).find((m) => m.ref === 'mother')!;
  const asked = { purpose: 'enrollment.primary', subjects: [{ ref: 'mother', idNumber: mother.idNumber, name: mother.name }], facts: { mother: ['identity', 'properties'] } };
  for (let i = 0; i < 3; i++) {
    const res = await callsDuring(gw, () => gw.post('/v1/verifications', asked));
    t.equal(res.result.body.status, 'partial', `answer ${i + 1}: partial`);
    t.ok(res.calls.some((c) => c.connector.startsWith('nrp.') && c.status !== 'ok' && c.status !== 'not_found'), `answer ${i + 1}: NRP asked again`);
  }
  t.equal((await gw.get('/v1/connectors')).body.answers.entries, 0, 'nothing kept');
});

t.test('with caching off nothing is kept and every answer asks the registries', async (t) => {
  const gw = await startTestGateway(t, { overrides: { cache: { maxEntriesPerConnector: 0 } } });
  const { body } = readmeQuestion(gw);
  for (let i = 0; i < 3; i++) {
    const res = await callsDuring(gw, () => gw.post('/v1/verifications', body));
    t.ok(res.calls.length > 0 && res.calls.every((c) => c.cache === 'miss'), `answer ${i + 1}: every source asked`);
  }
  t.equal((await gw.get('/v1/connectors')).body.answers, null);
});

t.test('cache.maxAnswers 0 keeps no answer; the connectors still cache', async (t) => {
  const gw = await startTestGateway(t, { overrides: { cache: { maxAnswers: 0 } } });
  const { body } = readmeQuestion(gw);
  await gw.post('/v1/verifications', body);
  await gw.post('/v1/verifications', body);
  const third = await callsDuring(gw, () => gw.post('/v1/verifications', body));
  t.ok(third.calls.length > 0 && third.calls.every((c) => c.cache === 'hit'), 'answered by the fan-out from the cache');
  t.notOk(completedLines(gw).some((l) => 'replayed' in l));
});

t.test('a bad body is refused however often it comes, and a kept answer does not change that of a different body', async (t) => {
  const gw = await startTestGateway(t);
  const { body } = readmeQuestion(gw);
  for (let i = 0; i < 3; i++) await gw.post('/v1/verifications', body);
  const bad = { ...body, subjects: [{ ...body.subjects[0]!, idNumber: '11010120150101001X' }] };
  for (let i = 0; i < 3; i++) {
    const res = await gw.post('/v1/verifications', bad);
    t.equal(res.status, 400, `refusal ${i + 1}`);
    t.equal(res.body.error.code, 'TONGBAN_ERR_VALIDATION');
    t.ok(res.body.error.details.some((d: { path: string }) => d.path === '/subjects/0/idNumber'), 'the field named');
  }
});

t.test('an answer built from the cache is fresh until the first of its sources expires', async (t) => {
  const gw = await startTestGateway(t);
  const { body } = readmeQuestion(gw);
  const { hub, profiles } = gw.gateway.app.tongban;
  const log = gw.gateway.log;
  const first = await runVerification(normalizeRequest(body as never, hub, profiles), hub, log);
  t.equal(first.freshUntil, undefined, 'sources asked: not an answer from the cache');
  const second = await runVerification(normalizeRequest(body as never, hub, profiles), hub, log);
  type Ttl = { foundMs: number; notFoundMs: number };
  const ttl = new Map<string, Ttl>((await gw.get('/v1/connectors')).body.connectors.map((c: { id: string; ttl: Ttl }) => [c.id, c.ttl]));
  const expiries = second.response.sources.map((s) => Date.parse(s.fetchedAt!) + (s.status === 'ok' ? ttl.get(s.connector)!.foundMs : ttl.get(s.connector)!.notFoundMs));
  t.ok(second.response.sources.every((s) => s.cache === 'hit'));
  t.equal(second.freshUntil, Math.min(...expiries), 'the earliest expiry of its sources');
  t.ok(new Set(expiries).size > 1 || second.response.sources.length === 1, 'sources of different lifetimes');
});

t.test('an admission profile sent again: the same checks and outcome, and the log line says so', async (t) => {
  const gw = await startTestGateway(t);
  const fam = family(gw.population, 'house-hukou-match');
  const body = {
    purpose: 'enrollment.primary', profile: 'qingdao.primary.local', schoolCode: '1370202101',
    subjects: Object.values(fam).map((p) => ({ ref: p.ref, idNumber: p.idNumber, name: p.name, role: p.ref === 'child' ? 'child' : 'guardian' })),
  };
  const first = await gw.post('/v1/verifications', body);
  t.equal(first.status, 200, JSON.stringify(first.body).slice(0, 300));
  const second = await gw.post('/v1/verifications', body);
  const third = await callsDuring(gw, () => gw.post('/v1/verifications', body));
  t.same(third.calls, [], 'no connector call');
  const a2 = second.body;
  const a3 = third.result.body;
  t.ok(a2.checks.length > 5, `${a2.checks.length} checks`);
  t.ok(a2.outcome === 'verified' || a2.outcome === 'review');
  t.same({ ...a3, id: a2.id, createdAt: a2.createdAt }, a2, 'checks, outcome and the profile\'s requirements as the second answer');
  const line = completedLines(gw).at(-1)!;
  t.match(line, { verification: a3.id, checks: a2.checks.length, admission: a2.outcome, replayed: true });
});
