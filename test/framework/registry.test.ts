/** Invariants every connector and agency must keep; a new connector is checked by these loops. */
import t from 'tap';
import { AGENCIES } from '../../connectors/index.js';
import { MOCKS } from '../../mocks/index.js';
import { DATA_ITEM_IDS } from '../../schemas/data-items.js';

t.test('every connector is a complete declaration in its agency', async (t) => {
  const ids = new Set<string>();
  for (const agency of AGENCIES) {
    t.match(agency.id, /^[a-z]+$/);
    t.ok(agency.connectors.length > 0, `${agency.id} has connectors`);
    for (const c of agency.connectors) {
      t.notOk(ids.has(c.id), `${c.id} is unique`);
      ids.add(c.id);
      t.equal(c.agency, agency.id, `${c.id} belongs to ${agency.id}`);
      t.match(c.id, new RegExp(`^${agency.id}\\.[a-z-]+$`));
      t.ok(c.title.length > 5, `${c.id} has a title`);
      t.ok(c.schema && typeof c.schema === 'object', `${c.id} has a schema`);
      t.ok(c.ttl.foundMs > 0 && c.ttl.notFoundMs > 0 && c.ttl.notFoundMs <= c.ttl.foundMs, `${c.id} TTLs: not_found no longer than found`);
      t.type(c.fetch, 'function');
      t.type(c.map, 'function');
    }
  }
});

t.test('every fact uses only connectors that exist, and every connector serves a fact', async (t) => {
  const all = new Map(AGENCIES.flatMap((a) => a.connectors.map((c) => [c.id, c] as const)));
  const used = new Set<string>();
  for (const agency of AGENCIES) {
    for (const fact of agency.facts) {
      t.match(fact.name, /^[a-z][A-Za-z]+$/, `${fact.name} is a camelCase API name`);
      t.ok(['person', 'property', 'enterprise'].includes(fact.subject));
      for (const c of fact.connectors) {
        t.equal(all.get(c.id), c, `${fact.name} uses declared connector ${c.id}`);
        used.add(c.id);
      }
    }
  }
  for (const id of all.keys()) t.ok(used.has(id), `${id} serves some fact`);
});

t.test('every agency has a mock, and every mock an agency', async (t) => {
  t.same(MOCKS.map((m) => m.agency).sort(), AGENCIES.map((a) => a.id).sort());
  for (const m of MOCKS) t.type(m.sandboxConfig, 'function');
});

t.test('the catalog: 20 connectors of 8 agencies over the 14 data items, each with a fact schema, an input schema, TTLs and breaker options', async (t) => {
  const connectors = AGENCIES.flatMap((a) => a.connectors);
  t.equal(AGENCIES.length, 8, 'eight agencies');
  t.equal(connectors.length, 20, 'twenty connectors');
  t.same([...new Set(connectors.map((c) => c.dataItem))].sort(), [...DATA_ITEM_IDS].sort(), 'every data item of the catalog, and no other');
  for (const c of connectors) {
    t.ok(c.schema && c.input && c.input.type === 'object', `${c.id}: fact and input schemas`);
    t.ok(c.ttl.foundMs > 0 && c.ttl.notFoundMs > 0, `${c.id}: TTLs`);
    const b = c.breaker ?? {};
    t.ok(Object.values(b).every((v) => typeof v === 'number' && v >= 0), `${c.id}: breaker options are numbers (the configured defaults apply to the rest)`);
  }
});
