import t from 'tap';
import { rawQuery, startMock } from './fixtures/helpers.js';

t.test('the mock answers 1002 for a body the service cannot read', async (t) => {
  const mock = await startMock(t);
  const cases: [string, string, string][] = [
    ['czrk', '{"sfzh":"12345"}', 'malformed ID number'],
    ['czrk', '{}', 'missing sfzh'],
    ['sfhy', '{"sfzh":"370202201905150010"}', 'missing xm'],
    ['hjcy', '{"hh":"370202012345","extra":1}', 'unknown parameter'],
    ['czrk', 'sfzh=370202201905150010', 'not JSON'],
    ['czrk', '[]', 'not an object'],
  ];
  for (const [service, body, why] of cases) {
    const { statusCode, json } = await rawQuery(mock.url, service, body);
    t.equal(statusCode, 200, `${why}: HTTP 200`);
    t.equal(json.code, '1002', `${why}: 1002`);
    t.match(json.msg, /^请求参数错误/, `${why}: ${json.msg}`);
  }
});
