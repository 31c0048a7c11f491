/** HRSS refuses a missing or wrong API key with HTTP 401 and its errcode; the client reports it as fatal. */
import t from 'tap';
import { employment, insuranceHistory, insuranceStatus } from '../../connectors/hrss/index.js';
import { API_KEY, callThrough, clientFor, population, rawGet, startMock, upstreamError } from './fixtures/helpers.js';

t.test('bad credentials', async (t) => {
  const mock = await startMock(t);
  const idNumber = population().insurance[0]!.idNumber;

  t.test('the mock: no key, an empty key, a wrong key: 401 with { errcode: 40100, errmsg }', async (t) => {
    for (const headers of [{}, { 'x-api-key': '' }, { 'x-api-key': `${API_KEY}x` }] as Record<string, string>[]) {
      const res = await rawGet(mock.url, `/api/v2/insurance/${idNumber}/status`, headers);
      t.equal(res.status, 401);
      t.equal(res.json.errcode, 40100);
      t.type(res.json.errmsg, 'string');
      t.notOk(res.text.includes(idNumber), 'nothing about the person');
    }
    t.equal((await rawGet(mock.url, `/api/v2/insurance/${idNumber}/status`)).status, 200, 'the right key is let in');
  });

  t.test('the client: every connector fails fatal upstream_error, naming the errcode', async (t) => {
    const { client } = clientFor(t, mock.url, { apiKey: 'not-the-key-0123456789' });
    const calls = {
      [insuranceStatus.id]: () => callThrough(client, insuranceStatus, { idNumber }),
      [insuranceHistory.id]: () => callThrough(client, insuranceHistory, { idNumber }),
      [employment.id]: () => callThrough(client, employment, { idNumber }),
    };
    for (const [id, call] of Object.entries(calls)) {
      const err = await upstreamError(call);
      t.same([err.outcome, err.status], ['fatal', 'upstream_error'], id);
      t.match(err.message, /HTTP 401 .*errcode 40100/);
      t.notOk(err.message.includes(idNumber));
    }
  });
});
