/** The HRSS mappers, pure: raw answers in, normalized facts out, each checked against its schema. */
import t from 'tap';
import { continuousMonthsToLatest, monthIndex } from '../../connectors/hrss/fields.js';
import { toEmployment } from '../../connectors/hrss/to-employment.js';
import { toInsuranceHistory, toInsuranceStatus, toSocialInsurance } from '../../connectors/hrss/to-social-insurance.js';
import type { HrssMonthRecord } from '../../connectors/hrss/types.js';
import { Employment, InsuranceHistory, InsuranceStatus } from '../../schemas/facts/hrss.js';
import { assertValid } from '../helpers/direct-call.js';

const ID = '370202198503120017';
const A = '91370202MA3C8R8X1B';
const B = '913702817180012345';
const record = (month: string, over: Partial<HrssMonthRecord> = {}): HrssMonthRecord =>
  ({ month, employerCreditCode: A, baseFen: 880_000, paidFen: 211_200, insuranceType: '110', ...over });

t.test('months: consecutive counting across a year end, gaps, duplicates', async (t) => {
  t.equal(monthIndex('202401') - monthIndex('202312'), 1, 'December to January is one month');
  t.equal(continuousMonthsToLatest([]), 0);
  t.equal(continuousMonthsToLatest(['202311', '202312', '202401']), 3);
  t.equal(continuousMonthsToLatest(['202401', '202312', '202311']), 3, 'in any order');
  t.equal(continuousMonthsToLatest(['202301', '202302', '202304', '202305']), 2, 'a gap restarts the count');
  t.equal(continuousMonthsToLatest(['202304', '202305', '202305']), 2, 'a month twice is one month');
});

t.test('toInsuranceStatus: only 参保缴费 is insured; employer and city only then', async (t) => {
  const paying = toInsuranceStatus({ idNumber: ID, insuredStatus: '1', employerCreditCode: A, employerName: '青岛海川物业管理有限公司', city: '青岛市' });
  assertValid(InsuranceStatus, paying);
  t.same(paying, { insured: true, employerCreditCode: A, employerName: '青岛海川物业管理有限公司', city: '青岛市' });
  for (const state of ['2', '3'] as const) {
    const other = toInsuranceStatus({ idNumber: ID, insuredStatus: state, employerCreditCode: A, employerName: 'x', city: '青岛市' });
    t.same(other, { insured: false, employerCreditCode: null, employerName: null, city: null }, `state ${state}`);
  }
  t.same(toInsuranceStatus({ idNumber: ID, insuredStatus: '1', employerCreditCode: A, employerName: null, city: '青岛市' }).employerName, null);
});

t.test('toInsuranceHistory: oldest first, months in arrears left out', async (t) => {
  const value = toInsuranceHistory([
    record('202402'), record('202312', { employerCreditCode: B, baseFen: 500_000 }), record('202401'), record('202403', { paidFen: 0 }),
  ]);
  assertValid(InsuranceHistory, value);
  t.same(value, {
    months: [
      { month: '202312', employerCreditCode: B, baseFen: 500_000 },
      { month: '202401', employerCreditCode: A, baseFen: 880_000 },
      { month: '202402', employerCreditCode: A, baseFen: 880_000 },
    ],
    latestMonth: '202402',
    continuousMonthsToLatest: 3,
  });
  t.same(toInsuranceHistory([]), { months: [], latestMonth: null, continuousMonthsToLatest: 0 });
  t.same(toInsuranceHistory([record('202401', { paidFen: 0 })]).latestMonth, null, 'nothing paid: no latest month');
});

t.test('toInsuranceHistory: a credit code that is no credit code breaks the schema (never passes as a fact)', async (t) => {
  t.throws(() => assertValid(InsuranceHistory, toInsuranceHistory([record('202401', { employerCreditCode: '370202600123456' })])), /employerCreditCode/);
});

t.test('toSocialInsurance: the status decides, an unavailable part makes the whole unavailable', async (t) => {
  const status = { status: 'found' as const, value: { insured: true, employerCreditCode: A, employerName: null, city: '青岛市' } };
  const history = { status: 'found' as const, value: { months: [{ month: '202401', employerCreditCode: A, baseFen: 1 }], latestMonth: '202401', continuousMonthsToLatest: 1 } };
  t.same(toSocialInsurance(status, history), { status: 'found', value: { ...status.value, ...history.value } });
  t.same(toSocialInsurance(status, { status: 'not_found' }), { status: 'found', value: { ...status.value, months: [], latestMonth: null, continuousMonthsToLatest: 0 } },
    'enrolled, no month posted yet');
  t.same(toSocialInsurance(status, { status: 'unavailable' }), { status: 'unavailable' });
  t.same(toSocialInsurance({ status: 'not_found' }, history), { status: 'not_found' });
  t.same(toSocialInsurance({ status: 'unavailable' }, history), { status: 'unavailable' });
  t.same(toSocialInsurance({ status: 'not_found' }, { status: 'unavailable' }), { status: 'not_found' });
});

t.test('toEmployment: every registration oldest first, the latest open one is current', async (t) => {
  const value = toEmployment({
    idNumber: ID,
    registrations: [
      { employerCreditCode: A, employerName: '青岛海川物业管理有限公司', startDate: '2021-03-01', endDate: null },
      { employerCreditCode: B, employerName: null, startDate: '2015-07-01', endDate: '2020-12-31' },
    ],
  });
  assertValid(Employment, value);
  t.same(value, {
    current: { employerCreditCode: A, employerName: '青岛海川物业管理有限公司', since: '2021-03-01' },
    history: [
      { employerCreditCode: B, employerName: null, since: '2015-07-01', until: '2020-12-31' },
      { employerCreditCode: A, employerName: '青岛海川物业管理有限公司', since: '2021-03-01', until: null },
    ],
  });
  t.same(toEmployment({ idNumber: ID, registrations: [] }), { current: null, history: [] });
  const two = toEmployment({ idNumber: ID, registrations: [
    { employerCreditCode: B, employerName: null, startDate: '2024-01-01', endDate: null },
    { employerCreditCode: A, employerName: null, startDate: '2019-01-01', endDate: null },
  ] });
  t.equal(two.current?.employerCreditCode, B, 'two open registrations: the one that started last');
});
