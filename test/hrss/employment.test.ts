/** hrss.employment against the mock: the registrations the population holds, the current one among them. */
import t from 'tap';
import { employment } from '../../connectors/hrss/index.js';
import { expectedEmployment } from './fixtures/expected.js';
import { API_KEY, UNKNOWN_ID, UNNAMED_EMPLOYER, callThrough, clientFor, found, startMock, variantPopulation } from './fixtures/helpers.js';

t.test('hrss.employment', async (t) => {
  const { population: pop, cases } = variantPopulation();
  const mock = await startMock(t, { population: pop });
  const { client, sent } = clientFor(t, mock.url);

  t.test('found: every employed person of the population, by value', async (t) => {
    const ids = [...new Set(pop.employment.map((e) => e.idNumber))];
    let changed = 0;
    for (const idNumber of ids) {
      const value = found(t, await callThrough(client, employment, { idNumber }));
      t.same(value, expectedEmployment(pop, idNumber));
      if (value.history.length > 1) changed++;
    }
    t.ok(changed >= 5, `${changed} persons who changed employer`);
  });

  t.test('found: the registry lists the current job first; history is oldest first', async (t) => {
    const value = found(t, await callThrough(client, employment, { idNumber: cases.gap }));
    t.same(value.history.map((h) => [h.since, h.until]), [['2019-01-02', '2020-03-31'], ['2020-06-15', null]]);
    t.same(value.current, { employerCreditCode: value.history[1]!.employerCreditCode, employerName: value.history[1]!.employerName, since: '2020-06-15' });
  });

  t.test('found: no open registration, no current employer', async (t) => {
    const value = found(t, await callThrough(client, employment, { idNumber: cases.suspended }));
    t.equal(value.current, null);
    t.equal(value.history.length, 1);
    t.equal(value.history[0]!.until, '2025-12-31');
  });

  t.test('found: an employer the registry cannot name has employerName null', async (t) => {
    const value = found(t, await callThrough(client, employment, { idNumber: cases.unnamedEmployer }));
    t.same(value.current, { employerCreditCode: UNNAMED_EMPLOYER, employerName: null, since: '2023-01-09' });
  });

  t.test('not found: an unknown ID number, and a person with no registration', async (t) => {
    t.same(await callThrough(client, employment, { idNumber: UNKNOWN_ID }), { status: 'not_found' });
    t.same(await callThrough(client, employment, { idNumber: cases.unknownToHrss }), { status: 'not_found' });
  });

  t.test('the request: GET /api/v2/employment/{idNumber} with the key', async (t) => {
    sent.length = 0;
    await callThrough(client, employment, { idNumber: cases.gap });
    t.same(sent, [{ path: `/api/v2/employment/${cases.gap}`, apiKey: API_KEY }]);
  });
});
