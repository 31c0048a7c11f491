/**
 * `npm run bench:micro`: what the gateway's own code costs per operation, without sockets:
 * agency clients against a canned dispatcher (a recorded answer handed back at once), the
 * connector runtime on a miss and on a hit, a whole verification from cache, and the
 * response's serialization. For finding where the time goes; the load figures are
 * `npm run bench`'s.
 */
import { pino } from 'pino';
import type { Dispatcher } from 'undici';
import fastJson from 'fast-json-stringify';
import { AGENCIES } from '../connectors/index.js';
import { VerificationResponse } from '../schemas/api.js';
import { MOCKS } from '../mocks/index.js';
import { generatePopulation } from '../mocks/population/generator.js';
import { ConnectorHub } from '../src/connectors/hub.js';
import { loadConfig } from '../src/config/load.js';
import { applyProcessSettings } from '../src/process-settings.js';
import { createSubjectKeyer } from '../src/subject-key.js';
import { normalizeRequest } from '../src/verification/normalize.js';
import { runVerification } from '../src/verification/run.js';
import { compileProfiles } from '../src/checks/profiles.js';
import { familiesOf, everyFact, readmeShape } from './families.js';

/** `npm run bench:micro -- <word>` runs only the measurements whose label contains the word. */
const only = process.argv[2];

async function bench(label: string, iterations: number, fn: (i: number) => unknown): Promise<void> {
  if (only && !label.includes(only)) return;
  for (let i = 0; i < Math.min(2000, iterations); i++) await fn(i);
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < iterations; i++) await fn(i + 2000);
  const wall = performance.now() - t0;
  const used = process.cpuUsage(cpu);
  process.stdout.write(`${label.padEnd(58)} ${((wall * 1000) / iterations).toFixed(1).padStart(8)} µs/op  (${(((used.user + used.system) / iterations)).toFixed(1)} µs CPU)\n`);
}

async function main(): Promise<void> {
  const population = generatePopulation({ households: 300 });
  const families = familiesOf(population);
  const loaded = loadConfig({ env: { TONGBAN_SUBJECT_KEY_SECRET: 'micro-benchmark-secret-0123456789abcdef', TONGBAN_DATA_DIR: '/tmp/tongban-micro' } });
  applyProcessSettings(loaded.config.server);
  const log = pino({ level: 'silent' });

  // Real mocks answer once per distinct request; their answers are then replayed by a canned dispatcher.
  // Bodies as bytes (AMR answers in GB18030); NRP's request id, echoed in its answer, as a placeholder.
  const recorded = new Map<string, { status: number; headers: Record<string, string>; body: Buffer; requestId?: string }>();
  const agencyConfigs: Record<string, Record<string, unknown>> = {};
  const running = [];
  for (const mock of MOCKS) {
    const block = mock.sandboxConfig(loaded.sandboxSecret) as Record<string, unknown>;
    const m = await mock.start({ population, agencyConfig: block, quotaPerSecond: 0 });
    running.push(m);
    agencyConfigs[mock.agency] = { ...block, baseUrl: m.url };
  }
  const live = new ConnectorHub({ agencies: AGENCIES, agencyConfigs, config: loaded.config, keyer: createSubjectKeyer(loaded.config.security.subjectKeySecret), log });
  // Record every answer a cold verification of each family needs.
  const canonicalKey = (opts: Dispatcher.DispatchOptions) => `${opts.path}\u0000${String(opts.body).replace(/<RequestId>[^<]*<\/RequestId>|<SendTime>[^<]*<\/SendTime>/g, '')}`;
  // The kit's one exchange goes through the pool's `dispatch` (src/connectors/kit/http.ts):
  // recorded on the way through, answered from the recording below.
  for (const pool of live.pools.values()) {
    const original = pool.dispatch.bind(pool);
    (pool as unknown as { dispatch: unknown }).dispatch = (opts: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler) => {
      let status = 0;
      let headers: Record<string, string> = {};
      const chunks: Buffer[] = [];
      return original(opts, {
        onRequestStart: (c, context) => handler.onRequestStart?.(c, context),
        onResponseStart: (c, statusCode, h, message) => {
          status = statusCode;
          headers = h as Record<string, string>;
          handler.onResponseStart?.(c, statusCode, h, message);
        },
        onResponseData: (c, chunk) => {
          chunks.push(chunk);
          handler.onResponseData?.(c, chunk);
        },
        onResponseEnd: (c, trailers) => {
          const body = Buffer.concat(chunks);
          const requestId = /<RequestId>([^<]*)<\/RequestId>/.exec(String(opts.body))?.[1];
          recorded.set(canonicalKey(opts), requestId
            ? { status, headers, body: Buffer.from(body.toString('utf8').replace(requestId, '\u0000RID\u0000')), requestId }
            : { status, headers, body });
          handler.onResponseEnd?.(c, trailers);
        },
        onResponseError: (c, err) => handler.onResponseError?.(c, err),
      });
    };
  }
  for (const f of families.slice(0, 120)) {
    await runVerification(normalizeRequest(JSON.parse(everyFact(f)), live), live, log);
  }
  await live.close();
  await Promise.all(running.map((m) => m.close()));

  // Hubs whose pools answer from the recording, at once: one with the configured cache, one without.
  const cannedHub = (cacheMax: number) => {
    const config = { ...loaded.config, cache: { ...loaded.config.cache, maxEntriesPerConnector: cacheMax } };
    const hub = new ConnectorHub({ agencies: AGENCIES, agencyConfigs, config, keyer: createSubjectKeyer(loaded.config.security.subjectKeySecret), log });
    answerFromRecording(hub);
    return hub;
  };
  const answerFromRecording = (hub: ConnectorHub) => {
    for (const pool of hub.pools.values()) {
    (pool as unknown as { dispatch: unknown }).dispatch = (opts: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler) => {
      const r = recorded.get(canonicalKey(opts));
      if (!r) throw new Error(`nothing recorded for ${opts.path} ${String(opts.body).slice(0, 80)}`);
      const requestId = /<RequestId>([^<]*)<\/RequestId>/.exec(String(opts.body))?.[1] ?? '';
      const body = r.requestId ? Buffer.from(r.body.toString('utf8').replace('\u0000RID\u0000', requestId)) : r.body;
      const controller = { aborted: false, paused: false, reason: null, abort() {}, pause() {}, resume() {} };
      handler.onRequestStart?.(controller, {});
      handler.onResponseStart?.(controller, r.status, { ...r.headers, 'content-length': String(body.length) });
      handler.onResponseData?.(controller, body);
      handler.onResponseEnd?.(controller, {});
      return true;
    };
    }
  };
  const canned = cannedHub(loaded.config.cache.maxEntriesPerConnector);
  const uncached = cannedHub(0);

  const psb = canned.runtime('psb.hukou-person');
  const nrp = canned.runtime('nrp.property-by-owner');
  const psbMiss = uncached.runtime('psb.hukou-person');
  const nrpMiss = uncached.runtime('nrp.property-by-owner');
  const people = families.slice(0, 120).flatMap((f) => [f.child, f.father, f.mother]);
  // Every call below must be answered: a failure would measure the breaker, not the call.
  for (const p of people) {
    for (const runtime of [psb, nrp]) {
      const r = await runtime.call({ idNumber: p.idNumber }, log);
      if (r.source.status !== 'ok' && r.source.status !== 'not_found') throw new Error(`${runtime.id}: ${r.source.status} ${r.source.message}`);
    }
  }
  await bench('psb.hukou-person miss (client, runtime, no cache)', 20_000, (i) => psbMiss.call({ idNumber: people[i % people.length]!.idNumber }, log));
  await bench('psb.hukou-person hit', 50_000, (i) => psb.call({ idNumber: people[i % people.length]!.idNumber }, log));
  await bench('nrp.property-by-owner miss', 10_000, (i) => nrpMiss.call({ idNumber: people[i % people.length]!.idNumber }, log));
  const cold = families.slice(0, 120).map((f) => JSON.parse(everyFact(f)) as Parameters<typeof normalizeRequest>[0]);
  // Every one complete from the recording: a failed source would measure its breaker, not the call.
  for (const request of cold) {
    const { response: answer } = await runVerification(normalizeRequest(request, uncached), uncached, log);
    const failed = answer.sources.filter((x) => x.status !== 'ok' && x.status !== 'not_found');
    if (failed.length) throw new Error(`replayed verification not complete: ${failed.map((x) => `${x.connector} ${x.status} ${x.message ?? ''}`).join('; ')}`);
  }
  await bench('verification, every fact of 3 persons, all from cache', 5_000, (i) => runVerification(normalizeRequest(cold[i % cold.length]!, canned), canned, log));
  await bench('verification, every fact of 3 persons, nothing cached', Number(process.env.MICRO_N ?? 2_000), (i) => runVerification(normalizeRequest(cold[i % cold.length]!, uncached), uncached, log));
  const readme = families.slice(0, 120).map((f) => JSON.parse(readmeShape(f)) as Parameters<typeof normalizeRequest>[0]);
  for (const r of readme) await runVerification(normalizeRequest(r, canned), canned, log);
  await bench('verification, README question, from cache', 20_000, (i) => runVerification(normalizeRequest(readme[i % readme.length]!, canned), canned, log));
  await bench('normalizeRequest, README question', 50_000, (i) => normalizeRequest(readme[i % readme.length]!, canned));
  // A profile's 11 checks (two guardians) against the same facts asked for plainly: what the checks cost.
  const profiles = compileProfiles(loaded.config.profiles);
  const trio = (f: (typeof families)[number]) => [{ ref: 'child', ...f.child, role: 'child' }, { ref: 'father', ...f.father, role: 'guardian' }, { ref: 'mother', ...f.mother, role: 'guardian' }];
  const byProfile = families.slice(0, 120).map((f) => ({ purpose: 'enrollment.primary', profile: 'qingdao.primary.local', schoolCode: '1370202101', subjects: trio(f) }) as Parameters<typeof normalizeRequest>[0]);
  const sameFacts = families.slice(0, 120).map((f) => ({
    purpose: 'enrollment.primary', subjects: trio(f).map(({ role: _role, ...s }) => s),
    facts: { child: ['identity', 'hukou', 'household', 'birthCertificate', 'schoolDistrict'], father: ['identity', 'properties', 'saleContracts'], mother: ['identity', 'properties', 'saleContracts'] },
  }) as Parameters<typeof normalizeRequest>[0]);
  for (const r of byProfile) await runVerification(normalizeRequest(r, canned, profiles), canned, log);
  await bench('verification, qingdao.primary.local profile, from cache', 10_000, (i) => runVerification(normalizeRequest(byProfile[i % byProfile.length]!, canned, profiles), canned, log));
  await bench('normalizeRequest, qingdao.primary.local profile', 50_000, (i) => normalizeRequest(byProfile[i % byProfile.length]!, canned, profiles));
  await bench('verification, the same facts asked plainly, from cache', 10_000, (i) => runVerification(normalizeRequest(sameFacts[i % sameFacts.length]!, canned), canned, log));
  const { response: answer } = await runVerification(normalizeRequest(cold[0]!, canned), canned, log);
  await bench('JSON.stringify of a cold answer', 20_000, () => JSON.stringify(answer));
  const serialize = fastJson(VerificationResponse as object);
  await bench('fast-json-stringify (response schema) of a cold answer', 20_000, () => serialize(answer));
  const { response: small } = await runVerification(normalizeRequest(readme[0]!, canned), canned, log);
  await bench('JSON.stringify of a README answer', 50_000, () => JSON.stringify(small));
  await bench('fast-json-stringify of a README answer', 50_000, () => serialize(small));
  const plain = JSON.parse(JSON.stringify(small)) as unknown;
  await bench('JSON.stringify of a README answer, plain objects', 50_000, () => JSON.stringify(plain));
  await canned.close();
  await uncached.close();
}

main().catch((err: unknown) => {
  process.stderr.write(`micro: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
