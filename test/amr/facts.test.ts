import t from 'tap';
import { creditCodeEnterprises, personEnterprises } from '../../connectors/amr/index.js';
import type { CallLog } from '../helpers/direct-call.js';
import type { EnterpriseSubject, PersonSubject } from '../../src/connectors/types.js';
import { UNKNOWN_CODE, assertValid, clientFor, directCall, entity, expectedRecord, found, idOf, startMock } from './fixtures/helpers.js';

const person = (name: string, idNumber = idOf(name)): PersonSubject => ({ kind: 'person', ref: 'father', idNumber, name });
const enterprise = (creditCode: string, checkValid = true): EnterpriseSubject => ({ kind: 'enterprise', ref: 'shop', creditCode, checkValid });

t.test('the enterprises fact resolves through its connectors', async (t) => {
  const mock = await startMock(t);
  const client = clientFor(t, mock.url);

  t.test('for a person: the entities they lead, from by-person', async (t) => {
    const log: CallLog[] = [];
    const value = found(t, await personEnterprises.resolve(person('李秀英'), directCall(client, log)));
    assertValid(personEnterprises.schema, value);
    t.same(value, [expectedRecord(entity('秀英商贸'), 'legal_representative')]);
    t.same(log.map((c) => [c.connector, c.input]), [['amr.enterprise-by-person', { idNumber: idOf('李秀英') }]]);
  });

  t.test('for a person who leads none: not_found', async (t) => {
    t.same(await personEnterprises.resolve(person('陈静'), directCall(client)), { status: 'not_found' });
  });

  t.test('for an enterprise: the one entity as a one-element list, from by-code', async (t) => {
    const shop = entity('小吃店');
    const log: CallLog[] = [];
    const value = found(t, await creditCodeEnterprises.resolve(enterprise(shop.creditCode), directCall(client, log)));
    assertValid(creditCodeEnterprises.schema, value);
    t.same(value, [expectedRecord(shop, null)]);
    t.same(log.map((c) => [c.connector, c.input]), [['amr.enterprise-by-code', { creditCode: shop.creditCode }]]);
  });

  t.test('for an enterprise with a pilot code: asked all the same, flagged in the answer', async (t) => {
    const pilot = entity('兰桂园艺');
    const value = found(t, await creditCodeEnterprises.resolve(enterprise(pilot.creditCode, false), directCall(client)));
    t.equal(value[0]!.checkCharacterValid, false);
  });

  t.test('for an unknown enterprise: not_found passes through', async (t) => {
    t.same(await creditCodeEnterprises.resolve(enterprise(UNKNOWN_CODE), directCall(client)), { status: 'not_found' });
  });

  t.test('unavailable passes through', async (t) => {
    const unavailable = async () => ({ status: 'unavailable' as const });
    t.same(await creditCodeEnterprises.resolve(enterprise(UNKNOWN_CODE), unavailable), { status: 'unavailable' });
    t.same(await personEnterprises.resolve(person('陈静'), unavailable), { status: 'unavailable' });
  });
});
