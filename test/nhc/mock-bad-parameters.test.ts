import t from 'tap';
import { BIRTH_PATH, rawQuery, startMock } from './fixtures/helpers.js';

t.test('the mock answers 10001 for a body the service cannot read', async (t) => {
  const mock = await startMock(t);
  const cases: [string, string][] = [
    ['{"childIdNumber":"12345"}', 'malformed ID number'],
    ['{"childIdNumber":"37020220190515001x"}', 'lower-case x'],
    ['{}', 'missing childIdNumber'],
    ['{"idNumber":"370202201905150010"}', 'the gateway’s name instead of the platform’s'],
    ['{"childIdNumber":"370202201905150010","extra":1}', 'unknown parameter'],
    ['childIdNumber=370202201905150010', 'not JSON'],
    ['[]', 'not an object'],
  ];
  for (const [body, why] of cases) {
    const { statusCode, json } = await rawQuery(mock.url, BIRTH_PATH, body);
    t.equal(statusCode, 200, `${why}: HTTP 200`);
    t.equal(json.code, 10001, `${why}: 10001`);
    t.match(json.msg, /^请求参数错误/, `${why}: ${json.msg}`);
    t.equal(json.data, null);
  }
});

t.test('an unknown service is HTTP 404, not an envelope', async (t) => {
  const mock = await startMock(t);
  const path = '/api/v1/death/query';
  const { statusCode, json } = await rawQuery(mock.url, path, '{"childIdNumber":"370202201905150010"}');
  t.equal(statusCode, 404);
  t.equal(json.code, undefined);
});
