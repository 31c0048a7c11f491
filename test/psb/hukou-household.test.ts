import t from 'tap';
import { hukouHousehold } from '../../connectors/psb/index.js';
import { callThrough, clientFor, found, idOf, startMock } from './fixtures/helpers.js';

t.test('psb.hukou-household', async (t) => {
  const mock = await startMock(t);
  const client = clientFor(t, mock.url);

  t.test('found: every member, with ID numbers masked', async (t) => {
    const household = found(t, await callThrough(client, hukouHousehold, { householdNumber: '370202012345' }));
    t.equal(household.householdNumber, '370202012345');
    t.equal(household.address, '山东省青岛市市南区福州南路88号3号楼2单元501户');
    t.same(household.members.map((m) => [m.name, m.relationToHead, m.gender]), [
      ['张建国', 'head', 'male'],
      ['李秀英', 'spouse', 'female'],
      ['张小明', 'child', 'male'],
      ['张小红', 'child', 'female'],
      ['王桂兰', 'parent', 'female'],
    ]);
    const child = household.members[2]!;
    t.same(child, {
      name: '张小明',
      idNumberMasked: '370202********0010',
      relationToHead: 'child',
      gender: 'male',
      birthDate: '2019-05-15',
      registeredOn: '2019-05-20',
    });
    const json = JSON.stringify(household);
    for (const p of household.members) t.notOk(json.includes(idOf(p.name)), `${p.name}'s full ID number is not in the fact`);
  });

  t.test('not found: an unknown household number', async (t) => {
    t.same(await callThrough(client, hukouHousehold, { householdNumber: '370202999999' }), { status: 'not_found' });
  });
});
