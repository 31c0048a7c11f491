/**
 * What the mock refuses before a job exists, as the exchange documents it: a body that is
 * not the submission (not JSON, an unknown type, an ID number in another form, extra
 * fields) is `400 BAD_REQUEST`; a path it does not serve is `404 NOT_FOUND`. A 404 that is
 * not JOB_NOT_FOUND is the kit's fatal upstream_error for the client (a wrong base URL).
 */
import t from 'tap';
import { marriage } from '../../connectors/mca/index.js';
import { UpstreamError } from '../../src/connectors/types.js';
import { callThrough, clientFor, people, startMock } from './fixtures/helpers.js';
import { rawSubmit } from './fixtures/raw.js';

t.test('malformed submissions: 400 BAD_REQUEST', async (t) => {
  const mock = await startMock(t);
  const idNumber = people().divorced;
  const cases: Array<[string, unknown, string?]> = [
    ['not JSON', '{"type":"marriage",'],
    ['not an object', '[1,2]'],
    ['an unknown job type', { type: 'divorce', idNumber }],
    ['no ID number', { type: 'marriage' }],
    ['a lower-case x', { type: 'marriage', idNumber: '11010519491231002x' }],
    ['a 15-digit number', { type: 'marriage', idNumber: '370202850312001' }],
    ['an extra field', { type: 'marriage', idNumber, name: '张三' }],
    ['another media type', `type=marriage&idNumber=${idNumber}`, 'application/x-www-form-urlencoded'],
  ];
  for (const [what, body, contentType] of cases) {
    const res = await rawSubmit(mock.url, body, undefined, contentType);
    t.equal(res.status, 400, what);
    t.same(res.body, { code: 'BAD_REQUEST', message: '请求参数错误' }, what);
  }
});

t.test('a path the exchange does not serve (here: a wrong basePath, which the client puts before every path): 404 NOT_FOUND, fatal upstream_error', async (t) => {
  const mock = await startMock(t);
  const client = clientFor(t, mock.url, {}, '/wrong-prefix');
  const err = await callThrough(client, marriage, { idNumber: people().divorced }).then(() => undefined, (e: unknown) => e);
  t.ok(err instanceof UpstreamError);
  if (err instanceof UpstreamError) {
    t.same([err.outcome, err.status], ['fatal', 'upstream_error']);
    t.equal(err.message, 'MCA marriage submit: HTTP 404');
  }
});
