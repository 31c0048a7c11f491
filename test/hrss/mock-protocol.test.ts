/** The mock speaks style D: JSON resources, `{ errcode, errmsg }` failures with their HTTP status, cursor pages. */
import t from 'tap';
import { HRSS_DEFAULT_PAGE_SIZE } from '../../connectors/hrss/types.js';
import { UNKNOWN_ID, rawGet, startMock, variantPopulation } from './fixtures/helpers.js';

t.test('the HRSS mock', async (t) => {
  const { population: pop, cases } = variantPopulation();
  const mock = await startMock(t, { population: pop });
  const months = (query: string, id = cases.suspended) => rawGet(mock.url, `/api/v2/insurance/${id}/months${query}`);

  t.test('a resource is JSON', async (t) => {
    const res = await rawGet(mock.url, `/api/v2/employment/${cases.gap}`);
    t.equal(res.status, 200);
    t.match(res.headers['content-type'], /^application\/json/);
    t.equal(res.json.idNumber, cases.gap);
  });

  t.test('months: the default limit, amounts in fen, the cursor to the next page, null on the last', async (t) => {
    const first = await months('');
    t.equal(first.status, 200);
    t.equal(first.json.records.length, HRSS_DEFAULT_PAGE_SIZE);
    const period = pop.insurance.find((r) => r.idNumber === cases.suspended)!.periods[0]!;
    t.same(first.json.records[0], { month: '202001', employerCreditCode: period.employerCreditCode, baseFen: 700_000, paidFen: 168_000, insuranceType: '110' });
    t.type(first.json.nextCursor, 'string');
    const second = await months(`?cursor=${encodeURIComponent(first.json.nextCursor)}&limit=48`);
    t.equal(second.json.records.length, 48);
    t.equal(second.json.records[0].month, '202201', 'the page after the first');
    t.equal(second.json.nextCursor, null, '72 records: the last page');
  });

  t.test('a person the registry does not know: 404 with errcode 40400', async (t) => {
    for (const path of [`/api/v2/insurance/${UNKNOWN_ID}/status`, `/api/v2/insurance/${UNKNOWN_ID}/months`, `/api/v2/employment/${UNKNOWN_ID}`]) {
      const res = await rawGet(mock.url, path);
      t.equal(res.status, 404, path);
      t.same(res.json, { errcode: 40400, errmsg: '无此人员记录' });
    }
  });

  t.test('parameters it refuses: 400 with errcode 40001', async (t) => {
    const refused = [
      '/api/v2/insurance/37020219850312001/status',
      `/api/v2/insurance/${cases.gap}%20/status`,
      '/api/v2/employment/..%2F..%2Fadmin',
      `/api/v2/insurance/${cases.gap}/months?limit=0`,
      `/api/v2/insurance/${cases.gap}/months?limit=101`,
      `/api/v2/insurance/${cases.gap}/months?limit=ten`,
      `/api/v2/insurance/${cases.gap}/months?cursor=not-a-cursor`,
      `/api/v2/insurance/${cases.gap}/months?cursor=${Buffer.from('c1.100000').toString('base64url')}`,
    ];
    for (const path of refused) {
      const res = await rawGet(mock.url, path);
      t.equal(res.status, 400, path);
      t.equal(res.json?.errcode, 40001, path);
    }
  });

  t.test('a fault can target one interface by its name (status, months, employment)', async (t) => {
    for (const name of ['status', 'months', 'employment']) {
      mock.faults.set({ kind: 'corrupt', interface: name });
      const corrupted = await Promise.all([
        rawGet(mock.url, `/api/v2/insurance/${cases.gap}/status`),
        rawGet(mock.url, `/api/v2/insurance/${cases.gap}/months`),
        rawGet(mock.url, `/api/v2/employment/${cases.gap}`),
      ].map(async (r) => !/"employerCreditCode":"[0-9A-Z]{18}"/.test((await r).text)));
      t.same(corrupted, ['status', 'months', 'employment'].map((n) => n === name), name);
    }
    mock.faults.clear();
  });

  t.test('an interface it does not have: 404 with errcode 40401, not 40400', async (t) => {
    for (const path of ['/api/v1/insurance/x/status', `/api/v2/insurance/${cases.gap}`, '/']) {
      const res = await rawGet(mock.url, path);
      t.equal(res.status, 404, path);
      t.equal(res.json.errcode, 40401, path);
    }
  });
});
