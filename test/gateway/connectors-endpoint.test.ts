/** GET /v1/connectors: every registered connector with its agency, data item, API facts, title and breaker state. */
import t from 'tap';
import { AGENCIES } from '../../connectors/index.js';
import { DATA_ITEMS } from '../../schemas/data-items.js';
import { startTestGateway } from '../helpers/gateway.js';

t.test('every registered connector is listed', async (t) => {
  const gw = await startTestGateway(t);
  const res = await gw.get('/v1/connectors');
  t.equal(res.status, 200);
  const listed = res.body.connectors as Array<{ id: string; agency: string; agencyName: string; dataItem: { id: string; zh: string; en: string }; facts: string[]; title: string; ttl: { foundMs: number; notFoundMs: number }; breaker: string }>;
  const declared = AGENCIES.flatMap((a) => a.connectors);
  t.same(listed.map((c) => c.id).sort(), declared.map((c) => c.id).sort());
  for (const c of listed) {
    const agency = AGENCIES.find((a) => a.id === c.agency)!;
    t.equal(c.agencyName, agency.name, `${c.id}: agency name`);
    t.ok(Object.hasOwn(DATA_ITEMS, c.dataItem.id), `${c.id}: a data item of the catalog`);
    t.equal(c.dataItem.zh, DATA_ITEMS[c.dataItem.id as keyof typeof DATA_ITEMS].zh);
    t.ok(c.facts.length > 0 && c.facts.every((f) => /^(person|property|enterprise)\.[a-z][A-Za-z]+$/.test(f)), `${c.id}: used by ${c.facts.join(', ')}`);
    t.ok(c.title.length > 5);
    t.ok(c.ttl.foundMs >= c.ttl.notFoundMs && c.ttl.notFoundMs > 0);
    t.equal(c.breaker, 'closed');
  }
  const hukou = listed.find((c) => c.id === 'psb.hukou-person')!;
  t.ok(hukou.facts.includes('person.household') && hukou.facts.includes('person.hukou'), 'the household fact starts from the hukou');
});

t.test('each connector says what its cache holds, all of them within one byte budget', async (t) => {
  const budget = 0.02 * 1024 * 1024;
  const gw = await startTestGateway(t, { overrides: { cache: { maxMiB: 0.02 } } });
  const f = gw.population.scenarios.filter((s) => s.family === 'house-hukou-match').flatMap((s) => s.members);
  for (const m of f) {
    await gw.post('/v1/verifications', { purpose: 'enrollment.primary', subjects: [{ ref: 'p', idNumber: m.idNumber, name: m.name }], facts: { p: ['hukou', 'socialInsurance'] } });
  }
  const res = await gw.get('/v1/connectors');
  const byId = new Map((res.body.connectors as Array<{ id: string; cache: { entries: number; estimatedBytes: number } }>).map((c) => [c.id, c.cache]));
  const total = [...byId.values()].reduce((sum, c) => sum + c.estimatedBytes, 0);
  t.ok(total > 0 && total <= budget, `${total} estimated bytes held by all caches together, within the budget`);
  t.same(res.body.cache, { budgetBytes: Math.round(budget), estimatedBytes: total }, 'the budget and what it holds, in one place');
  const hukou = byId.get('psb.hukou-person')!;
  t.ok(hukou.entries > 0 && hukou.estimatedBytes > 0, `${hukou.entries} hukou answers kept`);
  const history = byId.get('hrss.insurance-history')!;
  t.ok(history.entries > 0 && history.entries < f.length, `years of insurance months do not all fit in 20 KiB: ${history.entries} of ${f.length} kept`);
  t.same(byId.get('mca.marriage'), { entries: 0, estimatedBytes: 0 }, 'a connector nobody asked holds nothing');
  // The last person asked is answered from cache: the newest answers are the ones kept.
  const last = f.at(-1)!;
  const again = await gw.post('/v1/verifications', { purpose: 'enrollment.primary', subjects: [{ ref: 'p', idNumber: last.idNumber, name: last.name }], facts: { p: ['hukou'] } });
  t.same((again.body.sources as Array<{ cache: string }>).map((s) => s.cache), ['hit']);
});
