/**
 * What a fact hands back is what its schema says, whoever made it (src/verification/run.ts):
 * a connector's value passed on unchanged to a fact with the same schema was validated by
 * its runtime; anything else a fact returns (a value it assembled, or a connector's value
 * under a different schema) is validated before it is answered, and one that breaks its
 * schema becomes `unavailable`. Over real HTTP against a throwaway agency.
 */
import t from 'tap';
import Fastify from 'fastify';
import { Type } from '@sinclair/typebox';
import { pino } from 'pino';
import { Pool } from 'undici';
import type { ConnectorHub } from '../../src/connectors/hub.js';
import { ConnectorRuntime } from '../../src/connectors/runtime.js';
import { defineConnector, defineFact, type FactDefinition, type PersonSubject } from '../../src/connectors/types.js';
import { createSubjectKeyer } from '../../src/subject-key.js';
import { FAKE_THING, THING_VALUE } from '../helpers/fake-thing.js';
import type { NormalizedRequest } from '../../src/verification/normalize.js';
import { runVerification } from '../../src/verification/run.js';



t.test('a fact is validated unless it hands on, unchanged, a connector value validated against its own schema', async (t) => {
  const app = Fastify();
  let requests = 0;
  app.get('/thing/:id', async (req) => {
    requests++;
    return { value: Number((req.params as { id: string }).id) };
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const pool = new Pool(url);
  t.teardown(async () => { await pool.close(); await app.close(); });

  const connector = defineConnector({
    ...FAKE_THING,
    async fetch(client: Pool, input, signal) {
      const res = await client.request({ path: `/thing/${input.id}`, method: 'GET', signal });
      return { outcome: 'ok' as const, data: (await res.body.json()) as { value: number } };
    },
    map: (raw) => raw as { value: number },
  });
  const runtime = new ConnectorRuntime(connector, pool, {
    keyer: createSubjectKeyer('k'.repeat(32)),
    cacheMax: 100,
    staleIfErrorMs: 0,
    defaults: { timeoutMs: 5000, errorThresholdPercentage: 50, resetTimeoutMs: 30_000, volumeThreshold: 10 },
    log: pino({ level: 'silent' }),
  });
  t.teardown(() => runtime.shutdown());
  const hub = { deadlineMs: 5000, keyer: createSubjectKeyer('k'.repeat(32)), runtime: () => runtime } as unknown as ConnectorHub;

  const errors: Array<{ obj: Record<string, unknown>; msg: string }> = [];
  const log = { level: 'info', debug() {}, warn() {}, error: (obj: object, msg: string) => errors.push({ obj: obj as Record<string, unknown>, msg }) };
  const subject: PersonSubject = { kind: 'person', ref: 'child', idNumber: '110101201501010015', name: 'x' };
  const ask = async (fact: FactDefinition) => {
    const req: NormalizedRequest = { purpose: 'test', reference: undefined, subjects: [subject], plan: [{ subject, fact, returned: true }], checks: [], asOf: undefined, profile: undefined };
    const { response } = await runVerification(req, hub, log);
    return response.facts.child![fact.name]!;
  };
  const fact = (name: string, schema: FactDefinition['schema'], resolve: FactDefinition<'person'>['resolve']) => defineFact({ name, subject: 'person', schema, connectors: [connector], resolve }) as FactDefinition;

  // Passed on as the connector gave it, under the connector's own schema: served as is.
  const passed = await ask(fact('passed', THING_VALUE, (_s, call) => call(connector, { id: '7' })));
  t.match(passed, { status: 'found', value: { value: 7 } });
  t.ok(Object.isFrozen((passed as { value: object }).value), 'the runtime\'s frozen, validated value itself');
  t.same(errors, []);

  // Assembled by the fact from a good answer, breaking the fact's schema: refused.
  const assembled = await ask(fact('assembled', THING_VALUE, async (_s, call) => {
    const r = await call(connector, { id: '7' });
    return r.status === 'found' ? { status: 'found', value: { value: String(r.value.value) } as never } : r;
  }));
  t.same({ status: assembled.status }, { status: 'unavailable' }, 'an assembled value that breaks the schema is unavailable');
  t.match(errors.pop(), { msg: 'assembled fact breaks its schema', obj: { fact: 'assembled', problems: ['/value: must be number'] } });

  // The connector's own value, unchanged, but under another schema it does not meet: refused too.
  const Named = Type.Object({ value: Type.Number(), name: Type.String() });
  const other = await ask(fact('other', Named, (_s, call) => call(connector, { id: '8' }) as never));
  t.equal(other.status, 'unavailable', 'a connector value handed on under a different schema is still checked');
  t.match(errors.pop(), { msg: 'assembled fact breaks its schema', obj: { fact: 'other' } });

  // Assembled and valid: answered.
  const rebuilt = await ask(fact('rebuilt', THING_VALUE, async (_s, call) => {
    const r = await call(connector, { id: '9' });
    return r.status === 'found' ? { status: 'found', value: { value: r.value.value + 1 } } : r;
  }));
  t.match(rebuilt, { status: 'found', value: { value: 10 } });
  t.same(errors, []);
  t.equal(requests, 3, 'one request per distinct id: the rest came from the cache');
});
