/** The mock refuses a missing or malformed parameter with 状态码 400 (in a 200 answer); the client reads it as invalid_request. */
import iconv from 'iconv-lite';
import t from 'tap';
import { request } from 'undici';
import { AMR_CODES } from '../../connectors/amr/codes.js';
import { ACCESS_KEY, startMock } from './fixtures/helpers.js';

async function get(url: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await request(url);
  return { status: res.statusCode, json: JSON.parse(iconv.decode(Buffer.from(await res.body.arrayBuffer()), 'gb18030')) as Record<string, unknown> };
}

t.test('parameters the register refuses', async (t) => {
  const mock = await startMock(t);
  const cases = [
    `/api/entity?key=${ACCESS_KEY}`,
    `/api/entity?key=${ACCESS_KEY}&code=`,
    `/api/entity?key=${ACCESS_KEY}&code=91350100M000100Y4`,
    `/api/entity?key=${ACCESS_KEY}&code=91350100m000100y43`,
    `/api/entity?key=${ACCESS_KEY}&code=91350100M000100Y43&code=91350100M000100Y43`,
    `/api/entity/by-person?key=${ACCESS_KEY}`,
    `/api/entity/by-person?key=${ACCESS_KEY}&idNumber=11010519491231002x`,
    `/api/entity/by-person?key=${ACCESS_KEY}&idNumber=110105194912310`,
  ];
  for (const path of cases) {
    const { status, json } = await get(mock.url + path);
    t.equal(status, 200, path);
    t.equal(json.状态码, '400', path);
    t.same(AMR_CODES.classify(String(json.状态码)), { outcome: 'fatal', status: 'invalid_request', meaning: 'request parameters refused', message: '请求参数错误' });
  }
});

t.test('a path the register does not have is HTTP 404', async (t) => {
  const mock = await startMock(t);
  const res = await request(`${mock.url}/api/entities?key=${ACCESS_KEY}`);
  await res.body.dump();
  t.equal(res.statusCode, 404);
});
