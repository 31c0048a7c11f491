/** Cursor paging of the months: every page asked with the configured limit, nextCursor followed to its end. */
import t from 'tap';
import { insuranceHistory } from '../../connectors/hrss/index.js';
import { callThrough, clientFor, found, startMock, variantPopulation } from './fixtures/helpers.js';

t.test('the client follows nextCursor to the last page', async (t) => {
  const { population: pop, cases } = variantPopulation();
  const mock = await startMock(t, { population: pop });
  const idNumber = cases.suspended; // 72 monthly records

  for (const [pageSize, pages] of [[24, 3], [7, 11], [100, 1], [1, 72]] as const) {
    t.test(`pageSize ${pageSize}: ${pages} requests`, async (t) => {
      const { client, sent } = clientFor(t, mock.url, { pageSize });
      const value = found(t, await callThrough(client, insuranceHistory, { idNumber }));
      t.equal(value.months.length, 72);
      t.same(value.months.map((m) => m.month), [...value.months.map((m) => m.month)].sort(), 'oldest first across pages');
      t.equal(sent.length, pages, 'no page asked twice, no empty page after the last');
      const queries = sent.map((s) => new URL(s.path, 'http://x').searchParams);
      t.ok(queries.every((q) => q.get('limit') === String(pageSize)), 'the configured limit on every page');
      t.equal(queries[0]!.get('cursor'), null, 'the first page without a cursor');
      t.ok(queries.slice(1).every((q) => (q.get('cursor') ?? '').length > 0), 'the others with the cursor the page before gave');
      t.equal(new Set(queries.map((q) => q.get('cursor'))).size, pages, 'a new cursor each time');
    });
  }

  t.test('the result does not depend on the page size', async (t) => {
    for (const id of [cases.gap, cases.overlapping, ...pop.insurance.slice(0, 10).map((r) => r.idNumber)]) {
      const small = found(t, await callThrough(clientFor(t, mock.url, { pageSize: 5 }).client, insuranceHistory, { idNumber: id }));
      const large = found(t, await callThrough(clientFor(t, mock.url, { pageSize: 100 }).client, insuranceHistory, { idNumber: id }));
      t.same(small, large);
    }
  });
});
