import t from 'tap';
import { hukouMigration } from '../../connectors/psb/index.js';
import { UNKNOWN_ID, callThrough, clientFor, found, idOf, startMock } from './fixtures/helpers.js';

t.test('psb.hukou-migration', async (t) => {
  const mock = await startMock(t);
  const client = clientFor(t, mock.url);

  t.test('found: moves oldest first (the registry lists the latest first)', async (t) => {
    const moves = found(t, await callThrough(client, hukouMigration, { idNumber: idOf('张建国') }));
    t.same(moves, [
      { date: '1985-03-20', kind: 'birth', from: null, to: '山东省潍坊市奎文区东风东街100号' },
      { date: '2008-09-01', kind: 'move_in', from: '山东省潍坊市奎文区东风东街100号', to: '山东省青岛市市北区辽宁路20号' },
      { date: '2015-06-01', kind: 'move_within_city', from: '山东省青岛市市北区辽宁路20号', to: '山东省青岛市市南区福州南路88号3号楼2单元501户' },
    ]);
  });

  t.test('found: a known person without moves has an empty history', async (t) => {
    t.same(found(t, await callThrough(client, hukouMigration, { idNumber: idOf('李秀英') })), []);
  });

  t.test('not found: an unknown ID number', async (t) => {
    t.same(await callThrough(client, hukouMigration, { idNumber: UNKNOWN_ID }), { status: 'not_found' });
  });
});
