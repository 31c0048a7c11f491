import t from 'tap';
import { propertyByOwner } from '../../connectors/nrp/index.js';
import { FIVE_PROPERTIES, PERSON } from './fixtures/index.js';
import { startNrp } from './fixtures/harness.js';

t.test('QueryByOwner with pageSize 2: three pages, each property exactly once, in registry order', async (t) => {
  const { client, sent } = await startNrp(t, { pageSize: 2 });
  const answer = await propertyByOwner.fetch(client, { idNumber: PERSON.fiveProperties }, AbortSignal.timeout(10_000));
  if (answer.outcome !== 'ok') return t.fail('expected ok');
  const mapped = propertyByOwner.map(answer.data, { idNumber: PERSON.fiveProperties });
  t.same(mapped.map((p) => p.certificateNumber), FIVE_PROPERTIES.map((p) => p.certificateNumber));
  t.equal(new Set(mapped.map((p) => p.certificateNumber)).size, 5, 'no duplicates');
  t.same(sent.map((r) => [r.method, r.pageNo]), [['QueryByOwner', 1], ['QueryByOwner', 2], ['QueryByOwner', 3]]);
  t.ok(sent.every((r) => r.body.includes('<PageSize>2</PageSize>')), 'the configured page size is sent');
});

t.test('QueryByOwner with pageSize 20: one request is enough', async (t) => {
  const { client, sent } = await startNrp(t, { pageSize: 20 });
  const answer = await propertyByOwner.fetch(client, { idNumber: PERSON.fiveProperties }, AbortSignal.timeout(10_000));
  t.equal(answer.outcome, 'ok');
  if (answer.outcome === 'ok') t.equal(answer.data.length, 5);
  t.same(sent.map((r) => r.pageNo), [1]);
});

t.test('a page past the end answers code 0 with Total and no records', async (t) => {
  const { client } = await startNrp(t);
  const page = await client.query('QueryByOwner', { QLRZJH: PERSON.fiveProperties, PageNo: 4, PageSize: 2 });
  t.same(page, { outcome: 'ok', data: { total: 5, pageNo: 4, records: [] } });
});
