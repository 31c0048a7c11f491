/**
 * The access key travels in the query string: encoded so that any key arrives intact, under
 * the agency's base path, and never repeated in a message, whatever goes wrong.
 */
import iconv from 'iconv-lite';
import { createServer } from 'node:net';
import t from 'tap';
import { enterpriseByCode, enterpriseByPerson } from '../../connectors/amr/index.js';
import { amrEntity } from '../../mocks/amr/render.js';
import { callThrough, clientFor, entity, found, idOf, startFakeRegister, startMock, upstreamError, type FakeAnswer } from './fixtures/helpers.js';

const KEY = 'k&y=1+2 中/?#%25-0123456789';
const company = entity('建国海洋');

t.test('GET <basePath>/api/entity?key=…&code=… and …/by-person?key=…&idNumber=…, values encoded', async (t) => {
  const ok = (data: unknown): FakeAnswer => ({ body: iconv.encode(JSON.stringify({ 状态码: '200', 信息: '查询成功', 数据: data }), 'gb18030') });
  let next = ok(amrEntity(company, '张建国'));
  const register = await startFakeRegister(t, () => next);
  const client = clientFor(t, register.url, KEY, '/gateway/amr');
  found(t, await callThrough(client, enterpriseByCode, { creditCode: company.creditCode }));
  next = ok([amrEntity(company, '张建国')]);
  found(t, await callThrough(client, enterpriseByPerson, { idNumber: idOf('张建国') }));

  const [byCode, byPerson] = register.requests.map((u) => new URL(u, 'http://register'));
  t.equal(byCode!.pathname, '/gateway/amr/api/entity');
  t.same([...byCode!.searchParams], [['key', KEY], ['code', company.creditCode]]);
  t.equal(byPerson!.pathname, '/gateway/amr/api/entity/by-person');
  t.same([...byPerson!.searchParams], [['key', KEY], ['idNumber', idOf('张建国')]]);
});

t.test('the mock reads the key as the client sends it', async (t) => {
  const mock = await startMock(t, { agencyConfig: { accessKey: KEY } });
  const value = found(t, await callThrough(clientFor(t, mock.url, KEY), enterpriseByCode, { creditCode: company.creditCode }));
  t.equal(value.creditCode, company.creditCode);
});

t.test('no message ever holds the key or the request values', async (t) => {
  const check = (err: Error, what: string) => {
    for (const secret of [KEY, encodeURIComponent(KEY), new URLSearchParams({ k: KEY }).toString().slice(2), company.creditCode]) {
      t.notOk(err.message.includes(secret), `${what}: ${err.message}`);
    }
  };
  let next: FakeAnswer = { body: '' };
  const register = await startFakeRegister(t, () => next);
  const client = clientFor(t, register.url, KEY);
  const call = () => callThrough(client, enterpriseByCode, { creditCode: company.creditCode });

  next = { status: 302, contentType: 'text/plain', body: 'moved' };
  check(await upstreamError(call), 'a redirect');
  next = { status: 500, contentType: 'text/html', body: `<p>error at /api/entity?key=${KEY}</p>` };
  check(await upstreamError(call), 'HTTP 500 echoing the URL');
  next = { body: iconv.encode(`{"状态码":"403","信息":"密钥${KEY}无效"}`, 'gb18030') };
  check(await upstreamError(call), 'a refusal echoing the key');
  next = { body: `not json ${KEY}` };
  check(await upstreamError(call), 'a body that is not JSON');

  // A port nobody listens on: the transport fails.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  const err = await upstreamError(() => callThrough(clientFor(t, `http://127.0.0.1:${port}`, KEY), enterpriseByCode, { creditCode: company.creditCode }));
  t.same([err.outcome, err.status], ['retryable', 'upstream_error']);
  check(err, 'connection refused');
});
