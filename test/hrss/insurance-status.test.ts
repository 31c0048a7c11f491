/** hrss.insurance-status against the mock: values as the population has them. */
import t from 'tap';
import { insuranceStatus } from '../../connectors/hrss/index.js';
import { expectedSocialInsurance } from './fixtures/expected.js';
import { API_KEY, UNKNOWN_ID, UNNAMED_EMPLOYER, callThrough, clientFor, found, population, startMock, variantPopulation } from './fixtures/helpers.js';

t.test('hrss.insurance-status', async (t) => {
  const { population: pop, cases } = variantPopulation();
  const mock = await startMock(t, { population: pop });
  const { client, sent } = clientFor(t, mock.url);
  const statusOf = (idNumber: string) => {
    const e = expectedSocialInsurance(pop, idNumber)!;
    return { insured: e.insured, employerCreditCode: e.employerCreditCode, employerName: e.employerName, city: e.city };
  };

  t.test('found: every insured person of the population, by value', async (t) => {
    const insured = population().insurance.map((r) => r.idNumber).filter((id) => !Object.values(cases).includes(id));
    t.ok(insured.length >= 20, `${insured.length} persons`);
    let paying = 0;
    for (const idNumber of insured) {
      const value = found(t, await callThrough(client, insuranceStatus, { idNumber }));
      t.same(value, statusOf(idNumber));
      if (value.insured) paying++;
    }
    t.ok(paying >= 10, `${paying} insured today`);
  });

  t.test('found: an employer and a city only while insured', async (t) => {
    const value = found(t, await callThrough(client, insuranceStatus, { idNumber: cases.gap }));
    t.equal(value.insured, true);
    t.equal(value.city, '青岛市');
    t.equal(value.employerName, pop.enterprises.find((e) => e.creditCode === value.employerCreditCode)?.name);
    t.same(found(t, await callThrough(client, insuranceStatus, { idNumber: cases.suspended })),
      { insured: false, employerCreditCode: null, employerName: null, city: null }, 'suspended (暂停缴费): not insured');
    t.same(found(t, await callThrough(client, insuranceStatus, { idNumber: cases.deceased })),
      { insured: false, employerCreditCode: null, employerName: null, city: null }, 'terminated (终止参保): not insured');
  });

  t.test('found: an employer the registry cannot name has employerName null', async (t) => {
    t.same(found(t, await callThrough(client, insuranceStatus, { idNumber: cases.unnamedEmployer })),
      { insured: true, employerCreditCode: UNNAMED_EMPLOYER, employerName: null, city: '青岛市' });
  });

  t.test('not found: an unknown ID number, and a person with no insurance record', async (t) => {
    t.same(await callThrough(client, insuranceStatus, { idNumber: UNKNOWN_ID }), { status: 'not_found' });
    t.same(await callThrough(client, insuranceStatus, { idNumber: cases.unknownToHrss }), { status: 'not_found' });
  });

  t.test('the request: GET /api/v2/insurance/{idNumber}/status with the key', async (t) => {
    sent.length = 0;
    await callThrough(client, insuranceStatus, { idNumber: cases.gap });
    t.same(sent, [{ path: `/api/v2/insurance/${cases.gap}/status`, apiKey: API_KEY }]);
  });
});
