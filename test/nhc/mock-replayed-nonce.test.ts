import t from 'tap';
import { nhcSigningHeaders } from '../../connectors/nhc/signing.js';
import { BIRTH_PATH, CREDENTIALS, WITHOUT_FATHER, WITH_FATHER, birthBody, rawQuery, startMock } from './fixtures/helpers.js';

t.test('the mock refuses a nonce it has seen within the window with 20004', async (t) => {
  const mock = await startMock(t);
  const body = birthBody(WITH_FATHER.childIdNumber);
  const headers = nhcSigningHeaders(CREDENTIALS, { path: BIRTH_PATH, body });

  t.equal((await rawQuery(mock.url, BIRTH_PATH, body, headers)).json.code, 0, 'first use');
  const replay = await rawQuery(mock.url, BIRTH_PATH, body, headers);
  t.equal(replay.statusCode, 200);
  t.same(replay.json, { code: 20004, msg: '随机数重复，请勿重放请求', data: null }, 'the identical request replayed');

  const otherBody = birthBody(WITHOUT_FATHER.childIdNumber);
  const sameNonceNewRequest = nhcSigningHeaders(CREDENTIALS, { path: BIRTH_PATH, body: otherBody }, Date.now(), headers['x-nhc-nonce']);
  t.equal((await rawQuery(mock.url, BIRTH_PATH, otherBody, sameNonceNewRequest)).json.code, 20004, 'the nonce on another, validly signed request');
});

t.test('a nonce the platform does not accept is a bad parameter (10001)', async (t) => {
  const mock = await startMock(t);
  const body = birthBody(WITH_FATHER.childIdNumber);
  for (const [why, nonce] of [['under 16 characters', 'short-nonce'], ['a UUID with dashes', '0f8fad5b-d9cb-469f-a165-70867728950e'], ['over 64 characters', 'a'.repeat(65)]] as const) {
    const { json } = await rawQuery(mock.url, BIRTH_PATH, body, nhcSigningHeaders(CREDENTIALS, { path: BIRTH_PATH, body }, Date.now(), nonce));
    t.equal(json.code, 10001, why);
    t.match(json.msg, /^请求参数错误/, why);
  }
});
