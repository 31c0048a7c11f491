import t from 'tap';
import { identityCheck } from '../../connectors/psb/index.js';
import { UNKNOWN_ID, callThrough, clientFor, found, idOf, startMock } from './fixtures/helpers.js';

t.test('psb.identity-check', async (t) => {
  const mock = await startMock(t);
  const client = clientFor(t, mock.url);

  t.test('found: the registered name matches', async (t) => {
    t.same(found(t, await callThrough(client, identityCheck, { idNumber: idOf('张小明'), name: '张小明' })), {
      nameMatches: true,
      gender: 'male',
      birthDate: '2019-05-15',
      alive: true,
    });
  });

  t.test('found: another name does not match, and the registry data still comes back', async (t) => {
    const identity = found(t, await callThrough(client, identityCheck, { idNumber: idOf('李秀英'), name: '李秀云' }));
    t.equal(identity.nameMatches, false);
    t.equal(identity.gender, 'female');
    t.equal(identity.birthDate, '1987-08-21');
  });

  t.test('found: a deceased person', async (t) => {
    const identity = found(t, await callThrough(client, identityCheck, { idNumber: idOf('张福'), name: '张福' }));
    t.equal(identity.alive, false);
    t.equal(identity.nameMatches, true);
  });

  t.test('not found: an unknown ID number', async (t) => {
    t.same(await callThrough(client, identityCheck, { idNumber: UNKNOWN_ID, name: '张三' }), { status: 'not_found' });
  });
});
