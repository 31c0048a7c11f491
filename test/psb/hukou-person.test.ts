import t from 'tap';
import { hukouPerson } from '../../connectors/psb/index.js';
import { UNKNOWN_ID, callThrough, clientFor, found, idOf, startMock } from './fixtures/helpers.js';

t.test('psb.hukou-person', async (t) => {
  const mock = await startMock(t);
  const client = clientFor(t, mock.url);

  t.test('found: a local head of household', async (t) => {
    const hukou = found(t, await callThrough(client, hukouPerson, { idNumber: idOf('张建国') }));
    t.same(hukou, {
      address: '山东省青岛市市南区福州南路88号3号楼2单元501户',
      addressNormalized: { district: '370202', street: '福州南路', number: 88, building: 3, unit: 2, room: '501' },
      districtCode: '370202',
      householdNumber: '370202012345',
      relationToHead: 'head',
      registeredOn: '2015-06-01',
      kind: 'family',
    });
  });

  t.test('found: relation codes of the other members (30 女 → child, 50 父母 → parent)', async (t) => {
    t.equal(found(t, await callThrough(client, hukouPerson, { idNumber: idOf('张小红') })).relationToHead, 'child');
    t.equal(found(t, await callThrough(client, hukouPerson, { idNumber: idOf('王桂兰') })).relationToHead, 'parent');
    t.equal(found(t, await callThrough(client, hukouPerson, { idNumber: idOf('李秀英') })).relationToHead, 'spouse');
  });

  t.test('found: a hukou outside the city has no district', async (t) => {
    const hukou = found(t, await callThrough(client, hukouPerson, { idNumber: idOf('刘洋') }));
    t.equal(hukou.address, '河南省郑州市金水区文化路12号');
    t.equal(hukou.districtCode, null);
    t.equal(hukou.addressNormalized, null, 'an address outside Qingdao has no structured form');
  });

  t.test('found: a collective household, relation 99 → other, no building parts in the address', async (t) => {
    const hukou = found(t, await callThrough(client, hukouPerson, { idNumber: idOf('赵磊') }));
    t.equal(hukou.kind, 'collective');
    t.equal(hukou.relationToHead, 'other');
    t.equal(hukou.address, '山东省青岛市崂山区松岭路238号');
  });

  t.test('not found: an unknown ID number', async (t) => {
    t.same(await callThrough(client, hukouPerson, { idNumber: UNKNOWN_ID }), { status: 'not_found' });
  });

  t.test('not found: a deceased person no longer holds a hukou', async (t) => {
    t.same(await callThrough(client, hukouPerson, { idNumber: idOf('张福') }), { status: 'not_found' });
  });
});
