/** A registry whose pages misbehave is refused: pages that never end, loop, overflow, or lose the person. */
import t from 'tap';
import { HRSS_MAX_PAGES } from '../../connectors/hrss/types.js';
import { clientFor, startFakeRegistry, upstreamError } from './fixtures/helpers.js';

const ID = '370202198503120017';
const signal = () => AbortSignal.timeout(30_000);
const records = (n: number, start = 0) => Array.from({ length: n }, (_, i) => ({
  month: `20${String(10 + Math.floor((start + i) / 12)).padStart(2, '0')}${String(((start + i) % 12) + 1).padStart(2, '0')}`,
  employerCreditCode: '91370202MA3C8R8X1B', baseFen: 500_000, paidFen: 120_000, insuranceType: '110',
}));
const page = (recs: unknown[], nextCursor: string | null) => ({ body: JSON.stringify({ idNumber: ID, records: recs, nextCursor }) });
const cursorOf = (url: string) => new URL(url, 'http://x').searchParams.get('cursor');

t.test(`a registry that never ends is given up after ${HRSS_MAX_PAGES} pages`, async (t) => {
  const registry = await startFakeRegistry(t, (_url, n) => page(records(2, n * 2), `page-${n + 1}`));
  const { client } = clientFor(t, registry.url, { pageSize: 2 });
  const err = await upstreamError(() => client.allMonths(ID, signal()));
  t.same([err.outcome, err.status], ['fatal', 'invalid_response']);
  t.match(err.message, `more than ${HRSS_MAX_PAGES} pages`);
  t.equal(registry.requests.length, HRSS_MAX_PAGES, 'not one request more');
});

t.test('a nextCursor that points back to an earlier page is refused at once', async (t) => {
  const registry = await startFakeRegistry(t, (url) => page(records(2), cursorOf(url) === null ? 'a' : cursorOf(url) === 'a' ? 'b' : 'a'));
  const { client } = clientFor(t, registry.url, { pageSize: 2 });
  const err = await upstreamError(() => client.allMonths(ID, signal()));
  t.same([err.outcome, err.status], ['fatal', 'invalid_response']);
  t.match(err.message, /points back to an earlier page/);
  t.equal(registry.requests.length, 3);
});

t.test('a page with more records than the limit asked for is invalid_response', async (t) => {
  const registry = await startFakeRegistry(t, () => page(records(3), null));
  const { client } = clientFor(t, registry.url, { pageSize: 2 });
  const err = await upstreamError(() => client.allMonths(ID, signal()));
  t.equal(err.status, 'invalid_response');
  t.match(err.message, /more than the 2 records asked for/);
});

t.test('the person gone after the first page: records changed while paging, retryable', async (t) => {
  const registry = await startFakeRegistry(t, (_url, n) => (n === 1
    ? page(records(2), 'next')
    : { status: 404, body: JSON.stringify({ errcode: 40400, errmsg: '无此人员记录' }) }));
  const { client } = clientFor(t, registry.url, { pageSize: 2 });
  const err = await upstreamError(() => client.allMonths(ID, signal()));
  t.same([err.outcome, err.status], ['retryable', 'upstream_error']);
});

t.test('a failing later page fails the whole history (never a part of it)', async (t) => {
  const registry = await startFakeRegistry(t, (_url, n) => (n === 1 ? page(records(2), 'next') : { status: 503, body: '' }));
  const { client } = clientFor(t, registry.url, { pageSize: 2 });
  const err = await upstreamError(() => client.allMonths(ID, signal()));
  t.same([err.outcome, err.status], ['retryable', 'upstream_error']);
});

t.test('pages are joined in order; a cursor is passed back as sent, encoded', async (t) => {
  const odd = 'a/b+c=d&e';
  const registry = await startFakeRegistry(t, (url) => (cursorOf(url) === null ? page(records(2), odd) : page(records(1, 2), null)));
  const { client } = clientFor(t, registry.url, { pageSize: 2 });
  const answer = await client.allMonths(ID, signal());
  t.equal(answer.outcome, 'ok');
  t.same(answer.outcome === 'ok' ? answer.data.map((r) => r.month) : [], ['201001', '201002', '201003']);
  t.equal(cursorOf(registry.requests[1]!), odd, 'the registry got its cursor back unchanged');
  t.match(registry.requests[1]!, /cursor=a%2Fb%2Bc%3Dd%26e/);
});
