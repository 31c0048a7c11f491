/**
 * Bad credentials, the way the platform refuses them (HTTP 200, 20001 / 20002), and what
 * the client makes of it: fatal, upstream_error, nothing personal in the message.
 */
import t from 'tap';
import { birthCertificate } from '../../connectors/nhc/index.js';
import { NHC_HEADERS, nhcSigningHeaders } from '../../connectors/nhc/signing.js';
import { UpstreamError } from '../../src/connectors/types.js';
import { BIRTH_PATH, CREDENTIALS, WITH_FATHER, birthBody, callThrough, clientFor, rawQuery, startMock } from './fixtures/helpers.js';

const body = birthBody(WITH_FATHER.childIdNumber);

t.test('an unknown app id is refused with 20001, even when signed with it', async (t) => {
  const mock = await startMock(t);
  const headers = nhcSigningHeaders({ ...CREDENTIALS, appId: 'someone-else' }, { path: BIRTH_PATH, body });
  const { statusCode, json } = await rawQuery(mock.url, BIRTH_PATH, body, headers);
  t.equal(statusCode, 200);
  t.same(json, { code: 20001, msg: '应用标识无效', data: null });
});

t.test('a signature that does not match is refused with 20002', async (t) => {
  const mock = await startMock(t);
  const cases: [string, Record<string, string>][] = [
    ['another secret', nhcSigningHeaders({ ...CREDENTIALS, appSecret: 'not-the-secret-0123456789' }, { path: BIRTH_PATH, body })],
    ['signed for another body', nhcSigningHeaders(CREDENTIALS, { path: BIRTH_PATH, body: birthBody(WITH_FATHER.motherIdNumber) })],
    ['signed for another path', nhcSigningHeaders(CREDENTIALS, { path: '/api/v1/death/query', body })],
    ['signed for GET', nhcSigningHeaders(CREDENTIALS, { path: BIRTH_PATH, body, method: 'GET' })],
  ];
  for (const [why, headers] of cases) {
    const { statusCode, json } = await rawQuery(mock.url, BIRTH_PATH, body, headers);
    t.equal(statusCode, 200, `${why}: still HTTP 200`);
    t.same(json, { code: 20002, msg: '签名校验失败', data: null }, why);
  }
  const { [NHC_HEADERS.signature]: _, ...unsigned } = nhcSigningHeaders(CREDENTIALS, { path: BIRTH_PATH, body });
  t.equal((await rawQuery(mock.url, BIRTH_PATH, body, unsigned)).json.code, 20002, 'no signature at all');
  t.equal((await rawQuery(mock.url, BIRTH_PATH, body)).json.code, 0, 'the same request, correctly signed, is answered');
});

t.test('the client with bad credentials: fatal upstream_error naming the code, nothing personal', async (t) => {
  const mock = await startMock(t);
  for (const [why, credentials, code] of [
    ['wrong app id', { ...CREDENTIALS, appId: 'someone-else' }, '20001'],
    ['wrong secret', { ...CREDENTIALS, appSecret: 'not-the-secret-0123456789' }, '20002'],
  ] as const) {
    const client = clientFor(t, mock.url, credentials);
    const err = await callThrough(client, birthCertificate, { idNumber: WITH_FATHER.childIdNumber }).then(() => undefined, (e: unknown) => e);
    if (!(err instanceof UpstreamError)) throw new Error(`${why}: expected an UpstreamError`);
    t.same([err.outcome, err.status], ['fatal', 'upstream_error'], why);
    t.match(err.message, new RegExp(`^NHC birth: code ${code} `), `${why}: ${err.message}`);
    t.notOk(err.message.includes(WITH_FATHER.childIdNumber), `${why}: no ID number in the message`);
  }
});
