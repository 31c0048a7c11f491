import t from 'tap';
import { psbSigningHeaders } from '../../connectors/psb/signing.js';
import { CREDENTIALS, idOf, rawQuery, startMock } from './fixtures/helpers.js';

t.test('the mock refuses a request whose signature does not match with 2001', async (t) => {
  const mock = await startMock(t);
  const body = JSON.stringify({ sfzh: idOf('张建国') });

  const signedForAnotherBody = psbSigningHeaders(CREDENTIALS, { path: '/api/v2/query/czrk', body: JSON.stringify({ sfzh: idOf('李秀英') }) });
  const tampered = await rawQuery(mock.url, 'czrk', body, signedForAnotherBody);
  t.equal(tampered.statusCode, 200, 'still HTTP 200');
  t.same(tampered.json, { code: '2001', msg: '签名验证失败', data: null });

  const wrongSecret = psbSigningHeaders({ ...CREDENTIALS, appSecret: 'not-the-secret-0123456789' }, { path: '/api/v2/query/czrk', body });
  t.equal((await rawQuery(mock.url, 'czrk', body, wrongSecret)).json.code, '2001');

  const signedForAnotherPath = psbSigningHeaders(CREDENTIALS, { path: '/api/v2/query/sfhy', body });
  t.equal((await rawQuery(mock.url, 'czrk', body, signedForAnotherPath)).json.code, '2001');

  const { 'x-signature': _, ...unsigned } = psbSigningHeaders(CREDENTIALS, { path: '/api/v2/query/czrk', body });
  t.equal((await rawQuery(mock.url, 'czrk', body, unsigned)).json.code, '2001');

  t.equal((await rawQuery(mock.url, 'czrk', body)).json.code, '0000', 'the same request, correctly signed, is answered');
});
