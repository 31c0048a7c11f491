/**
 * Connector conformance, driven by the registry: every connector of every agency, over real
 * HTTP against its mock, (1) answers `found` for a record the population holds, (2) `not_found`
 * for a well-formed key nobody has, (3) fails as a refused credential when the agency's
 * secrets are wrong, (4) fails as retryable when the agency is down, and (5) refuses an answer
 * that breaks its fact schema (`invalid_response`), never passing it on. A new connector is
 * held to all five without a line here, unless its input has fields no generator below knows:
 * then this test fails and says so.
 */
import t from 'tap';
import { pino } from 'pino';
import { AGENCIES } from '../../connectors/index.js';
import { MOCKS } from '../../mocks/index.js';
import type { Population } from '../../schemas/population.js';
import { loadConfig } from '../../src/config/load.js';
import { ConnectorHub } from '../../src/connectors/hub.js';
import type { ConnectorInput } from '../../src/connectors/types.js';
import { makeCreditCode } from '../../src/domain/credit-code.js';
import { makeIdNumber } from '../../src/domain/id-number.js';
import { createSubjectKeyer } from '../../src/subject-key.js';
import { smallPopulation } from '../helpers/gateway.js';

type Fields = string;

/** Inputs the population holds records for, by the input's field names (sorted, comma-joined). */
const FOUND: Record<Fields, (pop: Population) => ConnectorInput[]> = {
  idNumber: (pop) => pop.persons.map((p) => ({ idNumber: p.idNumber })),
  'idNumber,name': (pop) => pop.persons.map((p) => ({ idNumber: p.idNumber, name: p.name })),
  householdNumber: (pop) => pop.households.map((h) => ({ householdNumber: h.number })),
  certificateNumber: (pop) => pop.properties.map((p) => ({ certificateNumber: p.certificateNumber })),
  creditCode: (pop) => pop.enterprises.map((e) => ({ creditCode: e.creditCode })),
  'district,number,street': (pop) => pop.schoolZones.flatMap((z) => z.streets.map((s) => ({ district: z.district, street: s.street, number: String(s.fromNumber) }))),
};

/** Well-formed keys no record has. (A zone lookup for an unzoned address answers an empty list: found.) */
const UNKNOWN: Record<Fields, ConnectorInput | undefined> = {
  idNumber: { idNumber: makeIdNumber('370202', '19700101', 997) },
  'idNumber,name': { idNumber: makeIdNumber('370202', '19700101', 997), name: '查无此人' },
  householdNumber: { householdNumber: '370202999991' },
  certificateNumber: { certificateNumber: '鲁(2001)青岛市不动产权第9999991号' },
  creditCode: { creditCode: makeCreditCode('9', '1', '370202', 'MA9Y9Y9Y') },
  'district,number,street': undefined,
};

function fieldsOf(properties: object): Fields {
  return Object.keys(properties).sort().join(',');
}

const population = smallPopulation();

for (const agency of AGENCIES) {
  const mock = MOCKS.find((m) => m.agency === agency.id)!;

  t.test(`${agency.id}: every connector conforms`, async (t) => {
    const env = { TONGBAN_DATA_DIR: t.testdir(), TONGBAN_SUBJECT_KEY_SECRET: 'c'.repeat(40) };
    const loaded = loadConfig({ env, overrides: { cache: { maxEntriesPerConnector: 0 }, connectors: { timeoutMs: 5000, volumeThreshold: 1000 } } });
    // The agency's config as the sandbox makes it; the secrets it asked for are noted, to spoil them.
    const secrets = new Set<string>();
    const block = mock.sandboxConfig((name: string) => {
      const v = loaded.sandboxSecret(name);
      secrets.add(v);
      return v;
    }) as Record<string, unknown>;
    let running = await mock.start({ population, agencyConfig: block });
    t.teardown(() => running.close());
    const hubFor = (agencyConfig: Record<string, unknown>) => {
      const hub = new ConnectorHub({
        // The agency's connectors alone: its facts may call other agencies' connectors (EDU's school district asks PSB).
        agencies: [{ ...agency, facts: [] }], agencyConfigs: { [agency.id]: { ...agencyConfig, baseUrl: running.url } },
        config: loaded.config, keyer: createSubjectKeyer('k'.repeat(32)), log: pino({ level: 'silent' }),
      });
      t.teardown(() => hub.close());
      return hub;
    };
    const hub = hubFor(block);
    const spoiled = hubFor(Object.fromEntries(Object.entries(block).map(([k, v]) => [k, typeof v === 'string' && secrets.has(v) ? `${v.slice(0, -4)}XXXX` : v])));

    for (const connector of agency.connectors) {
      const runtime = hub.runtime(connector.id);
      const fields = fieldsOf(connector.input.properties);
      const candidates = FOUND[fields];
      if (!candidates) {
        t.fail(`${connector.id}: no generator of inputs for fields ${fields}; add one to this test`);
        continue;
      }

      // (1) found: the first candidate the registry holds a record for.
      let foundInput: ConnectorInput | undefined;
      for (const input of candidates(population).slice(0, 400)) {
        const call = await runtime.call(input);
        if (call.resolution.status === 'found') {
          foundInput = input;
          break;
        }
        t.ok(call.source.status === 'not_found', `${connector.id}: a candidate is found or not found (${call.source.status} ${call.source.message ?? ''})`);
      }
      t.ok(foundInput, `${connector.id}: found a record the population holds`);
      if (!foundInput) continue;

      // (2) not found
      const unknown = UNKNOWN[fields];
      if (unknown) {
        const call = await runtime.call(unknown);
        t.equal(call.source.status, 'not_found', `${connector.id}: an unknown key is not_found`);
        t.same(call.resolution, { status: 'not_found' });
      }

      // (3) credentials refused
      const refused = await spoiled.runtime(connector.id).call(foundInput);
      t.equal(refused.resolution.status, 'unavailable', `${connector.id}: wrong credentials make it unavailable`);
      t.equal(refused.source.status, 'upstream_error', `${connector.id}: as an upstream_error (${refused.source.message ?? ''})`);

      // (5) an answer that breaks the fact schema is refused, never passed on
      running.faults.set({ kind: 'corrupt' });
      const corrupt = await runtime.call(foundInput);
      running.faults.clear();
      t.equal(corrupt.source.status, 'invalid_response', `${connector.id}: a corrupt answer is invalid_response (${corrupt.source.message ?? ''})`);
      t.same(corrupt.resolution, { status: 'unavailable' });
    }

    // (4) the agency down: every connector fails as retryable (the breaker counts it)
    const { url } = running;
    await running.close();
    for (const connector of agency.connectors) {
      const input = FOUND[fieldsOf(connector.input.properties)]?.(population)[0];
      if (!input) continue;
      const down = await hub.runtime(connector.id).call(input);
      t.equal(down.source.status, 'upstream_error', `${connector.id}: the agency down is an upstream_error`);
      t.match(down.source.message, /request failed|no answer/, `${connector.id}: a transport failure`);
    }
    running = { ...running, url, close: async () => {} };
  });
}
