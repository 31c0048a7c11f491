import t from 'tap';
import { enterpriseByPerson } from '../../connectors/amr/index.js';
import { UNKNOWN_ID, callThrough, clientFor, expectedRecord, found, idOf, population, startMock } from './fixtures/helpers.js';

t.test('amr.enterprise-by-person', async (t) => {
  const mock = await startMock(t);
  const client = clientFor(t, mock.url);

  t.test('found: for every person who leads entities, exactly those, each with the role, oldest first', async (t) => {
    const leaders = [...new Set(population.enterprises.map((e) => e.legalRepresentativeIdNumber))];
    for (const idNumber of leaders) {
      const expected = population.enterprises
        .filter((e) => e.legalRepresentativeIdNumber === idNumber)
        .sort((a, b) => a.establishedOn.localeCompare(b.establishedOn))
        .map((e) => expectedRecord(e, e.kind === 'sole_trader' ? 'operator' : 'legal_representative'));
      t.same(found(t, await callThrough(client, enterpriseByPerson, { idNumber })), expected);
    }
  });

  t.test('found: a person who is operator of a sole trader and legal representative of a company', async (t) => {
    const led = found(t, await callThrough(client, enterpriseByPerson, { idNumber: idOf('张建国') }));
    t.same(led.map((e) => [e.name, e.role]), [
      ['青岛市市南区张记水饺馆', 'operator'],
      ['青岛建国海洋科技有限公司', 'legal_representative'],
    ]);
  });

  t.test('not found: a person in the population who leads no entity', async (t) => {
    t.same(await callThrough(client, enterpriseByPerson, { idNumber: idOf('陈静') }), { status: 'not_found' });
  });

  t.test('not found: an unknown ID number', async (t) => {
    t.same(await callThrough(client, enterpriseByPerson, { idNumber: UNKNOWN_ID }), { status: 'not_found' });
  });
});
