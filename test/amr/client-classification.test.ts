/**
 * How the client classifies what the register can answer besides data. A stand-in register
 * plays AMR, so that any answer (codes, HTML, 5xx, broken data) can be produced on purpose.
 */
import iconv from 'iconv-lite';
import t from 'tap';
import { enterpriseByCode, enterpriseByPerson } from '../../connectors/amr/index.js';
import { ACCESS_KEY, callThrough, clientFor, entity, expectedRecord, startFakeRegister, upstreamError, type FakeAnswer } from './fixtures/helpers.js';
import { amrEntity } from '../../mocks/amr/render.js';

const gb = (value: unknown): FakeAnswer => ({ body: iconv.encode(JSON.stringify(value), 'gb18030') });
const envelope = (code: string, data?: unknown, info = '身份证号370202198503120316查询失败') => gb({ 状态码: code, 信息: info, ...(data === undefined ? {} : { 数据: data }) });

t.test('the client classifies every kind of answer once', async (t) => {
  let next: FakeAnswer = envelope('200');
  const register = await startFakeRegister(t, () => next);
  const client = clientFor(t, register.url);
  const company = entity('建国海洋');
  const creditCode = company.creditCode;
  const record = amrEntity(company, '张建国');

  async function failure(answer: FakeAnswer): Promise<[string, string, string]> {
    next = answer;
    const err = await upstreamError(() => callThrough(client, enterpriseByCode, { creditCode }));
    t.notOk(err.message.includes(creditCode), 'the message holds no request value');
    t.notOk(err.message.includes(ACCESS_KEY), 'the message holds no key');
    t.notOk(err.message.includes('查询失败'), "the message holds none of the register's text");
    return [err.outcome, err.status, err.message];
  }

  t.test('400 parameters refused: fatal, invalid_request', async (t) => {
    t.match(await failure(envelope('400')), ['fatal', 'invalid_request', /code 400/]);
  });
  t.test('403 key refused: fatal, upstream_error', async (t) => {
    t.match(await failure(envelope('403')), ['fatal', 'upstream_error', /code 403/]);
  });
  t.test('503 busy: retryable, upstream_error', async (t) => {
    t.match(await failure(envelope('503')), ['retryable', 'upstream_error', /code 503/]);
  });
  t.test('an unknown code: fatal, upstream_error', async (t) => {
    t.match(await failure(envelope('500')), ['fatal', 'upstream_error', /code 500 \(unknown answer code\)/]);
  });
  t.test('404 is an outcome, not an error', async (t) => {
    next = envelope('404');
    t.same(await callThrough(client, enterpriseByCode, { creditCode }), { status: 'not_found' });
    t.same(await callThrough(client, enterpriseByPerson, { idNumber: '370202198503120316' }), { status: 'not_found' });
  });
  t.test('HTTP statuses follow the kit’s one table', async (t) => {
    t.match(await failure({ status: 500, contentType: 'text/html', body: '<html>Internal Server Error</html>' }), ['retryable', 'upstream_error', /HTTP 500/]);
    t.match(await failure({ status: 503, contentType: 'text/plain', body: 'busy' }), ['retryable', 'upstream_error', /HTTP 503/]);
    t.match(await failure({ status: 400, contentType: 'text/plain', body: 'bad' }), ['fatal', 'invalid_request', /HTTP 400/]);
    t.match(await failure({ status: 403, contentType: 'text/plain', body: 'no' }), ['fatal', 'upstream_error', /HTTP 403/]);
    t.match(await failure({ status: 404, contentType: 'text/plain', body: 'no such path' }), ['fatal', 'upstream_error', /HTTP 404/]);
  });
  t.test('a body that is not JSON: fatal, invalid_response', async (t) => {
    t.match(await failure({ contentType: 'text/html; charset=GB18030', body: iconv.encode('<html>系统维护中</html>', 'gb18030') }), ['fatal', 'invalid_response', /not JSON/]);
  });
  t.test('a malformed envelope: fatal, invalid_response', async (t) => {
    t.match(await failure(gb({ code: '200', msg: 'ok' })), ['fatal', 'invalid_response', /malformed envelope/]);
    t.match(await failure(gb({ 状态码: 200, 信息: 'ok' })), ['fatal', 'invalid_response', /malformed envelope/]);
    t.match(await failure(gb([])), ['fatal', 'invalid_response', /malformed envelope/]);
  });
  t.test('200 with data that breaks the raw schema: fatal, invalid_response, the path and no value in the message', async (t) => {
    const { 住所: _gone, ...noAddress } = record;
    const [outcome, status, message] = await failure(envelope('200', noAddress));
    t.same([outcome, status], ['fatal', 'invalid_response']);
    t.match(message, /\/数据: missing required property '住所'/);
    t.match(await failure(envelope('200')), ['fatal', 'invalid_response', /malformed data/], '200 without data');
  });
  t.test('200 about another entity: fatal, invalid_response', async (t) => {
    t.match(await failure(envelope('200', { ...record, 统一社会信用代码: '91350100M000100Y43' })), ['fatal', 'invalid_response', /another market entity/]);
  });
  t.test('by person: a record naming the person under neither role is refused', async (t) => {
    const { 法定代表人: _rep, ...nobody } = record;
    next = envelope('200', [nobody]);
    const err = await upstreamError(() => callThrough(client, enterpriseByPerson, { idNumber: '370202198503120316' }));
    t.same([err.outcome, err.status], ['fatal', 'invalid_response']);
    next = envelope('200', { not: 'a list' });
    t.equal((await upstreamError(() => callThrough(client, enterpriseByPerson, { idNumber: '370202198503120316' }))).status, 'invalid_response');
  });
  t.test('200 with good data and extra fields: ok', async (t) => {
    next = envelope('200', { ...record, 经营范围: '海洋科技领域内的技术开发', 核准日期: '2020年01月01日' });
    t.same(await callThrough(client, enterpriseByCode, { creditCode }), { status: 'found', value: expectedRecord(company, null) });
  });
});
