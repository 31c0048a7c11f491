import t from 'tap';
import { psbSigningHeaders } from '../../connectors/psb/signing.js';
import { CREDENTIALS, idOf, rawQuery, startMock } from './fixtures/helpers.js';

t.test('the mock refuses a nonce it has seen within the window with 2003', async (t) => {
  const mock = await startMock(t);
  const body = JSON.stringify({ sfzh: idOf('张建国') });
  const headers = psbSigningHeaders(CREDENTIALS, { path: '/api/v2/query/czrk', body });

  t.equal((await rawQuery(mock.url, 'czrk', body, headers)).json.code, '0000', 'first use');
  const replay = await rawQuery(mock.url, 'czrk', body, headers);
  t.equal(replay.statusCode, 200);
  t.equal(replay.json.code, '2003', 'the identical request replayed');

  const sameNonceNewRequest = psbSigningHeaders(CREDENTIALS, { path: '/api/v2/query/jzz', body }, Date.now(), headers['x-nonce']);
  t.equal((await rawQuery(mock.url, 'jzz', body, sameNonceNewRequest)).json.code, '2003', 'the nonce on another, validly signed request');

  const shortNonce = psbSigningHeaders(CREDENTIALS, { path: '/api/v2/query/czrk', body }, Date.now(), 'short-nonce');
  t.equal((await rawQuery(mock.url, 'czrk', body, shortNonce)).json.code, '1002', 'a nonce under 16 characters is a bad parameter');
});
