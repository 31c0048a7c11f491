/** hrss.insurance-history against the mock: every month of every period, and the run up to the latest. */
import t from 'tap';
import { insuranceHistory } from '../../connectors/hrss/index.js';
import { expectedSocialInsurance } from './fixtures/expected.js';
import { UNKNOWN_ID, callThrough, clientFor, found, startMock, variantPopulation } from './fixtures/helpers.js';

t.test('hrss.insurance-history', async (t) => {
  const { population: pop, cases } = variantPopulation();
  const mock = await startMock(t, { population: pop });
  const { client } = clientFor(t, mock.url);
  // Paging has its own tests: the whole population is read in pages of 100.
  const { client: bulk } = clientFor(t, mock.url, { pageSize: 100 });
  const historyOf = (idNumber: string) => {
    const e = expectedSocialInsurance(pop, idNumber)!;
    return { months: e.months, latestMonth: e.latestMonth, continuousMonthsToLatest: e.continuousMonthsToLatest };
  };

  t.test('found: every insured person of the population, by value', async (t) => {
    let multiPeriod = 0;
    for (const record of pop.insurance) {
      const value = found(t, await callThrough(bulk, insuranceHistory, { idNumber: record.idNumber }));
      t.same(value, historyOf(record.idNumber));
      if (record.periods.length > 1) multiPeriod++;
    }
    t.ok(multiPeriod >= 5, `${multiPeriod} persons with several periods`);
  });

  t.test('a gap restarts the count', async (t) => {
    const value = found(t, await callThrough(client, insuranceHistory, { idNumber: cases.gap }));
    t.equal(value.months.length, 15 + 76, '201901-202003 and 202006-202609');
    t.equal(value.latestMonth, '202609');
    t.equal(value.continuousMonthsToLatest, 76, 'from 202006 only');
    t.same(value.months.slice(14, 16).map((m) => m.month), ['202003', '202006']);
  });

  t.test('a suspended insurance: the run ends at its own latest month', async (t) => {
    const value = found(t, await callThrough(client, insuranceHistory, { idNumber: cases.suspended }));
    t.equal(value.latestMonth, '202512');
    t.equal(value.continuousMonthsToLatest, 72, '202001-202512');
  });

  t.test('two employers in the same months: a record each, each month counted once', async (t) => {
    const value = found(t, await callThrough(client, insuranceHistory, { idNumber: cases.overlapping }));
    t.equal(value.months.length, 33 + 21);
    t.equal(value.continuousMonthsToLatest, 33, '202401-202609');
    t.same(value.months.filter((m) => m.month === '202501').map((m) => m.baseFen), [900_000, 300_000], 'both records of 202501, in period order');
  });

  t.test('not found: an unknown ID number, and a person with no insurance record', async (t) => {
    t.same(await callThrough(client, insuranceHistory, { idNumber: UNKNOWN_ID }), { status: 'not_found' });
    t.same(await callThrough(client, insuranceHistory, { idNumber: cases.unknownToHrss }), { status: 'not_found' });
  });
});
