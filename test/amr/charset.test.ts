/**
 * AMR answers in GB18030 and says so in Content-Type; the kit decodes by that charset, and
 * by GB18030 when an answer names none. Names with characters only GB18030 can write (CJK
 * extension A, supplementary planes) must come through whole.
 */
import iconv from 'iconv-lite';
import t from 'tap';
import { request } from 'undici';
import { enterpriseByCode } from '../../connectors/amr/index.js';
import { amrEntity } from '../../mocks/amr/render.js';
import { ACCESS_KEY, callThrough, clientFor, entity, expectedRecord, found, startFakeRegister, startMock, upstreamError, type FakeAnswer } from './fixtures/helpers.js';

const shop = entity('小吃店');

t.test('the mock answers GB18030 bytes and names the charset', async (t) => {
  const mock = await startMock(t);
  const res = await request(`${mock.url}/api/entity?key=${ACCESS_KEY}&code=${shop.creditCode}`);
  const bytes = Buffer.from(await res.body.arrayBuffer());
  t.equal(res.headers['content-type'], 'application/json; charset=GB18030');
  t.ok(bytes.includes(iconv.encode(shop.name, 'gb18030')), 'the name in GB18030 bytes');
  t.notOk(bytes.toString('utf8').includes(shop.name), 'not in UTF-8');
  t.ok(bytes.includes(Buffer.from([0x95, 0x34, 0xb2, 0x35])), '𠮷 as its four GB18030 bytes');
});

t.test('the client reads a name only GB18030 can write, whole', async (t) => {
  const mock = await startMock(t);
  const value = found(t, await callThrough(clientFor(t, mock.url), enterpriseByCode, { creditCode: shop.creditCode }));
  t.equal(value.name, '青岛市黄岛区刘记𠮷䶮小吃店');
  t.same(value, expectedRecord(shop, null));
});

t.test('how an answer’s charset is read', async (t) => {
  let next: FakeAnswer = { body: '' };
  const register = await startFakeRegister(t, () => next);
  const client = clientFor(t, register.url);
  const body = (charset: string) => iconv.encode(JSON.stringify({ 状态码: '200', 信息: '查询成功', 数据: amrEntity(shop, '刘洋') }), charset);
  const name = async () => found(t, await callThrough(client, enterpriseByCode, { creditCode: shop.creditCode })).name;

  next = { contentType: 'application/json', body: body('gb18030') };
  t.equal(await name(), shop.name, 'no charset named: GB18030 assumed');
  next = { contentType: null, body: body('gb18030') };
  t.equal(await name(), shop.name, 'no Content-Type at all: GB18030 assumed');
  next = { contentType: 'application/json;charset="gb18030"', body: body('gb18030') };
  t.equal(await name(), shop.name, 'a quoted, lower-case charset');
  next = { contentType: 'application/json; charset=UTF-8', body: body('utf8') };
  t.equal(await name(), shop.name, 'an answer that says UTF-8 is read as UTF-8');
  next = { contentType: 'application/json; charset=x-no-such-charset', body: body('gb18030') };
  const err = await upstreamError(() => callThrough(client, enterpriseByCode, { creditCode: shop.creditCode }));
  t.same([err.outcome, err.status], ['fatal', 'invalid_response'], 'a charset nobody can decode');
});
