import t from 'tap';
import { NHC_HEADERS, NHC_TIMESTAMP_WINDOW_S, nhcSigningHeaders } from '../../connectors/nhc/signing.js';
import { BIRTH_PATH, CREDENTIALS, WITH_FATHER, birthBody, rawQuery, startMock } from './fixtures/helpers.js';

t.test('the mock refuses timestamps more than 300 s away from its clock with 20003', async (t) => {
  const now = 1_767_225_600_000;
  const mock = await startMock(t, { now: () => now });
  const body = birthBody(WITH_FATHER.childIdNumber);
  const at = (ms: number) => rawQuery(mock.url, BIRTH_PATH, body, nhcSigningHeaders(CREDENTIALS, { path: BIRTH_PATH, body }, ms));
  const window = NHC_TIMESTAMP_WINDOW_S * 1000;

  const stale = await at(now - window - 1000);
  t.equal(stale.statusCode, 200);
  t.same(stale.json, { code: 20003, msg: '时间戳无效或已过期', data: null }, 'too old');
  t.equal((await at(now + window + 1000)).json.code, 20003, 'from the future');
  t.equal((await at(now - window)).json.code, 0, 'at the edge of the window: accepted');
  t.equal((await at(now + 2000)).json.code, 0, 'a little clock skew: accepted');

  // The timestamp is signed as sent, so these are validly signed requests with a bad timestamp.
  const signedWith = (timestamp: string) => {
    const headers = nhcSigningHeaders(CREDENTIALS, { path: BIRTH_PATH, body }, now);
    return { ...headers, [NHC_HEADERS.timestamp]: timestamp };
  };
  t.equal((await rawQuery(mock.url, BIRTH_PATH, body, signedWith(String(now)))).json.code, 20003, 'milliseconds instead of seconds');
  t.equal((await rawQuery(mock.url, BIRTH_PATH, body, signedWith('yesterday'))).json.code, 20003, 'not a number');
});
