/**
 * A token refused again right after it was fetched: the credentials no longer open the API
 * (the mock issues tokens that expire at once). One refresh, one retry, then a fatal
 * upstream_error that says the credentials were refused; never a loop.
 */
import t from 'tap';
import { leaseRegistration } from '../../connectors/hud/index.js';
import { callThrough, population, queries, startHud, tokenRequests, upstreamError } from './fixtures/harness.js';

t.test('a second 401 is fatal: the credentials are refused', async (t) => {
  const { client, sent } = await startHud(t, { tuning: { tokenLifetimeSeconds: 0 } });
  const idNumber = population().leases[0]!.tenants[0]!;
  const err = await upstreamError(() => callThrough(client, leaseRegistration, { idNumber }));
  t.same([err.outcome, err.status], ['fatal', 'upstream_error']);
  t.match(err.message, /^HUD leases: client credentials refused/);
  t.notOk(err.message.includes(idNumber), 'no ID number in the message');
  t.equal(tokenRequests(sent), 2, 'the first token and one refresh');
  t.equal(queries(sent).length, 2, 'the query and one retry');
});
