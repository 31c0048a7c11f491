import t from 'tap';
import { rawQuery, startMock } from './fixtures/helpers.js';

t.test('an unknown service is HTTP 404, not an envelope', async (t) => {
  const mock = await startMock(t);
  const { statusCode, json } = await rawQuery(mock.url, 'bdcdj', '{"sfzh":"370202201905150010"}');
  t.equal(statusCode, 404);
  t.equal(json.code, undefined);
});
