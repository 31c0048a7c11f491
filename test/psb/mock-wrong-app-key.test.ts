import t from 'tap';
import { psbSigningHeaders } from '../../connectors/psb/signing.js';
import { CREDENTIALS, idOf, rawQuery, startMock } from './fixtures/helpers.js';

t.test('the mock refuses an unknown app key with 2001, even when signed with it', async (t) => {
  const mock = await startMock(t);
  const body = JSON.stringify({ sfzh: idOf('张建国') });
  const headers = psbSigningHeaders({ ...CREDENTIALS, appKey: 'someone-else' }, { path: '/api/v2/query/czrk', body });
  const { statusCode, json } = await rawQuery(mock.url, 'czrk', body, headers);
  t.equal(statusCode, 200);
  t.equal(json.code, '2001');
  t.equal(json.data, null);
});
