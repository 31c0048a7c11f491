import t from 'tap';
import { PERSON } from './fixtures/index.js';
import { clientFor, okAnswer, startFakeRegistry, upstreamError, xmlPropertyRecord } from './fixtures/harness.js';

/**
 * Every way the registry can answer, against the one table in codes.ts. The mock has no
 * fault injection (yet), so a scripted registry plays the failures.
 */
const headerOnly = (xml: string, code: string, message: string) =>
  okAnswer(xml, '').replace('<Code>0</Code><Message>成功</Message>', `<Code>${code}</Code><Message>${message}</Message>`);

const cases: { name: string; answer: (xml: string) => { status?: number; type?: string; body: string }; outcome: string; status: string }[] = [
  { name: 'code 4 (系统繁忙)', answer: (xml) => ({ body: headerOnly(xml, '4', '系统繁忙') }), outcome: 'retryable', status: 'upstream_error' },
  { name: 'code 2 (参数错误)', answer: (xml) => ({ body: headerOnly(xml, '2', '参数错误') }), outcome: 'fatal', status: 'invalid_request' },
  { name: 'HTTP 400', answer: () => ({ status: 400, type: 'text/plain', body: 'Bad Request' }), outcome: 'fatal', status: 'invalid_request' },
  { name: 'code 3 (令牌无效)', answer: (xml) => ({ body: headerOnly(xml, '3', '令牌无效') }), outcome: 'fatal', status: 'upstream_error' },
  { name: 'an unknown code', answer: (xml) => ({ body: headerOnly(xml, '99', '未知') }), outcome: 'fatal', status: 'upstream_error' },
  {
    name: 'HTTP 500 with an HTML page',
    answer: () => ({ status: 500, type: 'text/html', body: '<html><head><title>500 Internal Server Error</title></head><body>x</body></html>' }),
    outcome: 'retryable', status: 'upstream_error',
  },
  { name: 'HTTP 502', answer: () => ({ status: 502, type: 'text/plain', body: 'Bad Gateway' }), outcome: 'retryable', status: 'upstream_error' },
  { name: 'HTTP 429', answer: () => ({ status: 429, type: 'text/plain', body: 'Too Many Requests' }), outcome: 'retryable', status: 'rate_limited' },
  { name: 'HTTP 403', answer: () => ({ status: 403, type: 'text/plain', body: 'Forbidden' }), outcome: 'fatal', status: 'upstream_error' },
  { name: 'HTTP 500 without HTML (a 500 is transient, HTML page or not)', answer: () => ({ status: 500, type: 'text/plain', body: 'oops' }), outcome: 'retryable', status: 'upstream_error' },
  { name: 'HTTP 200 that is not XML', answer: () => ({ body: '{"code":0}' }), outcome: 'fatal', status: 'invalid_response' },
  { name: 'HTTP 200 with truncated XML', answer: (xml) => ({ body: okAnswer(xml, '<Total>1</Total>').slice(0, 60) }), outcome: 'fatal', status: 'invalid_response' },
  { name: 'no Header/Code', answer: () => ({ body: '<Response><Body><Total>0</Total></Body></Response>' }), outcome: 'fatal', status: 'invalid_response' },
  { name: 'no Total', answer: (xml) => ({ body: okAnswer(xml, '<Records></Records>') }), outcome: 'fatal', status: 'invalid_response' },
  {
    name: 'a record without its certificate number',
    answer: (xml) => ({ body: okAnswer(xml, `<Total>1</Total><PageNo>1</PageNo><Records>${xmlPropertyRecord(1).replace(/<BDCQZH>.*<\/BDCQZH>/, '')}</Records>`) }),
    outcome: 'fatal', status: 'invalid_response',
  },
  {
    name: 'more records than Total',
    answer: (xml) => ({ body: okAnswer(xml, `<Total>1</Total><PageNo>1</PageNo><Records>${xmlPropertyRecord(1)}${xmlPropertyRecord(2)}</Records>`) }),
    outcome: 'fatal', status: 'invalid_response',
  },
  {
    name: 'an answer larger than 4 MiB',
    answer: (xml) => ({ body: okAnswer(xml, `<Total>0</Total><Note>${'x'.repeat(5 * 1024 * 1024)}</Note>`) }),
    outcome: 'fatal', status: 'invalid_response',
  },
  {
    name: 'an answer to another request',
    answer: (xml) => ({ body: okAnswer(xml, '<Total>0</Total>').replace(/<RequestId>[^<]*</, '<RequestId>someone-else<') }),
    outcome: 'fatal', status: 'invalid_response',
  },
];

t.test('every answer is classified by the table, with a message free of personal data', async (t) => {
  for (const c of cases) {
    const registry = await startFakeRegistry(t, c.answer);
    const { client } = clientFor(t, registry.url);
    const err = await upstreamError(() => client.query('QueryByOwner', { QLRZJH: PERSON.fiveProperties, PageNo: 1, PageSize: 10 }));
    t.same({ outcome: err.outcome, status: err.status }, { outcome: c.outcome, status: c.status }, c.name);
    t.notMatch(err.message, PERSON.fiveProperties, `${c.name}: no ID number in the message`);
    t.notMatch(err.message, /鲁|<[A-Za-z]/, `${c.name}: no certificate number or body in the message`);
  }
});

t.test('code 1 is not_found, and one record is still a list', async (t) => {
  const notFound = await startFakeRegistry(t, (xml) => ({ body: headerOnly(xml, '1', '无记录') }));
  t.same(await clientFor(t, notFound.url).client.query('QueryRestrictions', { BDCQZH: 'x' }), { outcome: 'not_found' });

  const one = await startFakeRegistry(t, (xml) => ({ body: okAnswer(xml, `<Total>1</Total><Records>${xmlPropertyRecord(7)}</Records>`) }));
  const answer = await clientFor(t, one.url).client.query('QueryByCertificate', { BDCQZH: 'x' });
  if (answer.outcome !== 'ok') return t.fail('expected ok');
  t.equal(answer.data.records.length, 1);
  t.equal(answer.data.records[0]?.BDCQZH, '鲁(2020)青岛市不动产权第0000007号', 'leading zeros stay: values are text');
});

t.test('a refused connection is a retryable upstream_error', async (t) => {
  const registry = await startFakeRegistry(t, () => ({ body: '' }));
  const url = registry.url;
  const { client } = clientFor(t, url.replace(/:\d+$/, ':1'));
  const err = await upstreamError(() => client.query('QueryByCertificate', { BDCQZH: 'x' }));
  t.equal(err.outcome, 'retryable');
  t.equal(err.status, 'upstream_error');
});
