import t from 'tap';
import { PSB_TIMESTAMP_WINDOW_MS, psbSigningHeaders } from '../../connectors/psb/signing.js';
import { CREDENTIALS, idOf, rawQuery, startMock } from './fixtures/helpers.js';

t.test('the mock refuses timestamps more than 300 s away from its clock with 2002', async (t) => {
  const now = 1_767_225_600_000;
  const mock = await startMock(t, { now: () => now });
  const body = JSON.stringify({ sfzh: idOf('张建国') });
  const at = (ts: number) => rawQuery(mock.url, 'czrk', body, psbSigningHeaders(CREDENTIALS, { path: '/api/v2/query/czrk', body }, ts));

  t.equal((await at(now - PSB_TIMESTAMP_WINDOW_MS - 1)).json.code, '2002', 'too old');
  t.equal((await at(now + PSB_TIMESTAMP_WINDOW_MS + 1)).json.code, '2002', 'from the future');
  t.equal((await at(now - PSB_TIMESTAMP_WINDOW_MS)).json.code, '0000', 'at the edge of the window: accepted');
  t.equal((await at(now + 1000)).json.code, '0000', 'a little clock skew: accepted');

  const headers = { ...psbSigningHeaders(CREDENTIALS, { path: '/api/v2/query/czrk', body }, now), 'x-timestamp': 'yesterday' };
  t.equal((await rawQuery(mock.url, 'czrk', body, headers)).json.code, '2002', 'not a number');
});
