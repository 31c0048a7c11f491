import t from 'tap';
import { idOf, rawQuery, startMock } from './fixtures/helpers.js';

t.test('over its per-second quota the mock answers 4290', async (t) => {
  const frozen = Date.now(); // a frozen clock: every request falls in the same second
  const mock = await startMock(t, { now: () => frozen }, { maxRequestsPerSecond: 2 });
  const body = JSON.stringify({ sfzh: idOf('张建国') });
  const codes: string[] = [];
  for (let i = 0; i < 3; i++) codes.push((await rawQuery(mock.url, 'czrk', body)).json.code);
  t.same(codes, ['0000', '0000', '4290']);
});
