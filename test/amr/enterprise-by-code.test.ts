import t from 'tap';
import { enterpriseByCode } from '../../connectors/amr/index.js';
import { UNKNOWN_CODE, callThrough, clientFor, entity, expectedRecord, found, population, startMock } from './fixtures/helpers.js';

t.test('amr.enterprise-by-code', async (t) => {
  const mock = await startMock(t);
  const client = clientFor(t, mock.url);

  t.test('found: every entity of the population, equal to its record, without a role', async (t) => {
    for (const e of population.enterprises) {
      t.same(found(t, await callThrough(client, enterpriseByCode, { creditCode: e.creditCode })), expectedRecord(e, null), e.name);
    }
  });

  t.test('found: a company, as AMR writes it', async (t) => {
    t.same(found(t, await callThrough(client, enterpriseByCode, { creditCode: entity('建国海洋').creditCode })), {
      creditCode: '91370202MA3C5F7KXQ',
      name: '青岛建国海洋科技有限公司',
      kind: 'company',
      status: 'active',
      establishedOn: '2018-03-15',
      address: '山东省青岛市市南区福州南路88号3幢2单元1205室',
      addressNormalized: { district: '370202', street: '福州南路', number: 88, building: 3, unit: 2, room: '1205' },
      registeredCapitalFen: 500_000_000,
      role: null,
      checkCharacterValid: true,
    });
  });

  t.test('found: a sole trader has no registered capital', async (t) => {
    const shop = found(t, await callThrough(client, enterpriseByCode, { creditCode: entity('张记水饺').creditCode }));
    t.equal(shop.kind, 'sole_trader');
    t.equal(shop.registeredCapitalFen, null);
  });

  t.test('found: revoked (吊销) and cancelled (注销) entities are still answered, with their status', async (t) => {
    t.equal(found(t, await callThrough(client, enterpriseByCode, { creditCode: entity('秀英商贸').creditCode })).status, 'revoked');
    t.equal(found(t, await callThrough(client, enterpriseByCode, { creditCode: entity('小吃店').creditCode })).status, 'cancelled');
  });

  t.test('found: a pilot code whose check character fails is asked about and flagged', async (t) => {
    const pilot = entity('兰桂园艺');
    const value = found(t, await callThrough(client, enterpriseByCode, { creditCode: pilot.creditCode }));
    t.equal(value.creditCode, pilot.creditCode);
    t.equal(value.checkCharacterValid, false);
  });

  t.test('not found: a code the register does not hold', async (t) => {
    t.same(await callThrough(client, enterpriseByCode, { creditCode: UNKNOWN_CODE }), { status: 'not_found' });
  });
});
