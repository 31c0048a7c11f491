import t from 'tap';
import { NRP_MAX_PAGES } from '../../connectors/nrp/types.js';
import { clientFor, okAnswer, startFakeRegistry, upstreamError, xmlPropertyRecord } from './fixtures/harness.js';

const pageNo = (xml: string) => Number(/<PageNo>(\d+)<\/PageNo>/.exec(xml)?.[1]);
const page = (xml: string, total: number, records: string) =>
  okAnswer(xml, `<Total>${total}</Total><PageNo>${pageNo(xml)}</PageNo><PageSize>2</PageSize><Records>${records}</Records>`);

t.test('a page that comes back empty before Total is reached is invalid_response', async (t) => {
  const registry = await startFakeRegistry(t, (xml) => ({
    body: page(xml, 5, pageNo(xml) === 1 ? xmlPropertyRecord(1) + xmlPropertyRecord(2) : ''),
  }));
  const { client } = clientFor(t, registry.url, { pageSize: 2 });
  const err = await upstreamError(() => client.queryAllPages('QueryByOwner', { QLRZJH: '370202198503120017' }));
  t.equal(err.outcome, 'fatal');
  t.equal(err.status, 'invalid_response');
  t.match(err.message, /page 2 is empty/);
  t.equal(registry.requests.length, 2);
});

t.test(`a registry that never ends is given up past ${NRP_MAX_PAGES} pages`, async (t) => {
  // Total fits in 100 pages of 2, but every page holds a single record.
  let n = 0;
  const registry = await startFakeRegistry(t, (xml) => ({ body: page(xml, 200, xmlPropertyRecord(++n)) }));
  const { client } = clientFor(t, registry.url, { pageSize: 2 });
  const err = await upstreamError(() => client.queryAllPages('QueryByOwner', { QLRZJH: '370202198503120017' }));
  t.equal(err.status, 'invalid_response');
  t.match(err.message, /more than 100 pages/);
  t.equal(registry.requests.length, NRP_MAX_PAGES);
});

t.test('a Total that would need more than 100 pages is refused after the first page', async (t) => {
  const registry = await startFakeRegistry(t, (xml) => ({ body: page(xml, 100_000, xmlPropertyRecord(1) + xmlPropertyRecord(2)) }));
  const { client } = clientFor(t, registry.url, { pageSize: 2 });
  const err = await upstreamError(() => client.queryAllPages('QueryByOwner', { QLRZJH: '370202198503120017' }));
  t.equal(err.status, 'invalid_response');
  t.equal(registry.requests.length, 1);
});

t.test('a Total that changes between pages is a retryable upstream_error', async (t) => {
  const registry = await startFakeRegistry(t, (xml) => ({
    body: page(xml, pageNo(xml) === 1 ? 3 : 4, xmlPropertyRecord(pageNo(xml) * 2) + xmlPropertyRecord(pageNo(xml) * 2 + 1)),
  }));
  const { client } = clientFor(t, registry.url, { pageSize: 2 });
  const err = await upstreamError(() => client.queryAllPages('QueryByOwner', { QLRZJH: '370202198503120017' }));
  t.equal(err.outcome, 'retryable');
  t.equal(err.status, 'upstream_error');
});

t.test('a page other than the one asked for is invalid_response', async (t) => {
  const registry = await startFakeRegistry(t, (xml) => ({
    body: okAnswer(xml, `<Total>4</Total><PageNo>1</PageNo><PageSize>2</PageSize><Records>${xmlPropertyRecord(1)}${xmlPropertyRecord(2)}</Records>`),
  }));
  const { client } = clientFor(t, registry.url, { pageSize: 2 });
  const err = await upstreamError(() => client.queryAllPages('QueryByOwner', { QLRZJH: '370202198503120017' }));
  t.equal(err.status, 'invalid_response');
  t.match(err.message, /asked for page 2, got page 1/);
});
