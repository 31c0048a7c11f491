/**
 * `npm run bench:memory`: what the caches hold after a burst of cold verifications, by the
 * gateway's estimate and by the heap freed when they are cleared, beside the heap in use and
 * the RSS. The sandbox in one process (mocks included), 1 500 families, 50 at a time.
 * `MIB=<n>` sets cache.maxMiB, the budget all caches share (default 1000: effectively no byte bound);
 * `SHAPE=profile` asks the admission profile of the bench's profile scenario instead of every fact.
 */
import { loadConfig } from '../src/config/load.js';
import { applyProcessSettings } from '../src/process-settings.js';
import { createGateway } from '../src/gateway.js';
import { generatePopulation } from '../mocks/population/generator.js';
import { familiesOf, everyFact, profileShape } from '../bench/families.js';
import { Writable } from 'node:stream';

const mib = Number(process.env.MIB ?? 1000);
const loaded = loadConfig({ env: { TONGBAN_DATA_DIR: '/tmp/memtest', TONGBAN_SUBJECT_KEY_SECRET: 'memory-test-secret-0123456789abcdefgh' }, overrides: { logLevel: 'warn', server: { port: 0 }, cache: { maxMiB: mib } } });
applyProcessSettings(loaded.config.server);
const population = generatePopulation({ households: 3000 });
const gw = await createGateway({ loaded, logStream: new Writable({ write(_c, _e, cb) { cb(); } }), population });
const url = await gw.app.listen({ host: '127.0.0.1', port: 0 });
const families = familiesOf(population);
const shape = process.env.SHAPE === 'profile' ? profileShape : (f: (typeof families)[number]) => everyFact(f);
const bodies = families.slice(0, 1500).map(shape);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc (npm run bench:memory)');
gc();
const base = process.memoryUsage();
let next = 0;
await Promise.all(Array.from({ length: 50 }, async () => {
  while (next < bodies.length) {
    const body = bodies[next++]!;
    const res = await fetch(url + '/v1/verifications', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    await res.text();
  }
}));
gc();
const loadedMem = process.memoryUsage();
let est = 0; let entries = 0;
for (const r of gw.hub.runtimes.values()) { est += r.cache.bytes; entries += r.cache.size; }
for (const r of gw.hub.runtimes.values()) r.cache.clear();
gc();
const cleared = process.memoryUsage();
const m = (x: number) => (x / 1048576).toFixed(1);
console.log(`${process.env.SHAPE === 'profile' ? 'profile' : 'every fact'}, MiB budget ${mib}: entries ${entries}, estimated ${m(est)} MiB; heapUsed base ${m(base.heapUsed)} → loaded ${m(loadedMem.heapUsed)} → caches cleared ${m(cleared.heapUsed)} (cache ≈ ${m(loadedMem.heapUsed - cleared.heapUsed)} MiB); rss ${m(loadedMem.rss)}`);
await gw.close();
process.exit(0);
