/** A wrong access key: the register answers HTTP 200 with 状态码 403; the client fails fatally and never repeats the key. */
import iconv from 'iconv-lite';
import t from 'tap';
import { request } from 'undici';
import { enterpriseByCode, enterpriseByPerson } from '../../connectors/amr/index.js';
import { ACCESS_KEY, callThrough, clientFor, entity, idOf, startMock, upstreamError } from './fixtures/helpers.js';

t.test('the mock refuses a wrong or missing key with 403 in a 200 answer', async (t) => {
  const mock = await startMock(t);
  const code = entity('建国海洋').creditCode;
  for (const query of [`key=not-the-key-0123456789&code=${code}`, `code=${code}`, `key=&code=${code}`, `key=${ACCESS_KEY}x&code=${code}`]) {
    const res = await request(`${mock.url}/api/entity?${query}`);
    const json = JSON.parse(iconv.decode(Buffer.from(await res.body.arrayBuffer()), 'gb18030')) as Record<string, unknown>;
    t.equal(res.statusCode, 200, query.slice(0, 20));
    t.equal(json.状态码, '403');
    t.notOk('数据' in json, 'no data');
  }
});

t.test('the key is checked before the parameter', async (t) => {
  const mock = await startMock(t);
  const res = await request(`${mock.url}/api/entity?key=wrong-key-0123456789&code=malformed`);
  const json = JSON.parse(iconv.decode(Buffer.from(await res.body.arrayBuffer()), 'gb18030')) as Record<string, unknown>;
  t.equal(json.状态码, '403');
});

t.test('the client: fatal upstream_error, the message names the code, never the key', async (t) => {
  const mock = await startMock(t);
  const wrongKey = 'wrong-access-key-0123456789';
  const client = clientFor(t, mock.url, wrongKey);
  const calls = [
    ['amr.enterprise-by-code', entity('建国海洋').creditCode, () => callThrough(client, enterpriseByCode, { creditCode: entity('建国海洋').creditCode })],
    ['amr.enterprise-by-person', idOf('张建国'), () => callThrough(client, enterpriseByPerson, { idNumber: idOf('张建国') })],
  ] as const;
  for (const [id, value, call] of calls) {
    const err = await upstreamError(call);
    t.same([err.outcome, err.status], ['fatal', 'upstream_error'], id);
    t.match(err.message, /^AMR [a-z-]+: code 403 \(access key refused/);
    t.notOk(err.message.includes(wrongKey), 'no key in the message');
    t.notOk(err.message.includes(value), 'no request value in the message');
  }
});
