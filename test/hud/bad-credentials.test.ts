/**
 * Credentials the token endpoint refuses are a config error: fatal, upstream_error, a
 * message that says the credentials were refused and holds neither the secret nor the
 * person asked about. No query is sent without a token.
 */
import t from 'tap';
import { leaseRegistration, saleContract, type HudClient } from '../../connectors/hud/index.js';
import type { ConnectorDefinition } from '../../src/connectors/types.js';
import { CREDENTIALS, callThrough, clientFor, population, queries, startHud, tokenRequests, upstreamError } from './fixtures/harness.js';

t.test('refused credentials', async (t) => {
  const { mock } = await startHud(t);
  const idNumber = population().saleContracts[0]!.buyers[0]!;

  for (const [what, credentials] of [
    ['a wrong secret', { ...CREDENTIALS, clientSecret: 'not-the-secret-0123456789' }],
    ['an unknown client id', { ...CREDENTIALS, clientId: 'someone-else' }],
  ] as const) {
    t.test(what, async (t) => {
      const { client, sent } = clientFor(t, mock.url, { credentials });
      for (const connector of [saleContract, leaseRegistration] as Array<ConnectorDefinition<HudClient, { idNumber: string }>>) {
        const err = await upstreamError(() => callThrough(client, connector, { idNumber }));
        t.same([err.outcome, err.status], ['fatal', 'upstream_error'], connector.id);
        t.match(err.message, /credentials refused/);
        t.notOk(err.message.includes(credentials.clientSecret), 'no secret in the message');
        t.notOk(err.message.includes(idNumber), 'no ID number in the message');
      }
      t.equal(queries(sent).length, 0, 'no query without a token');
      t.equal(tokenRequests(sent), 2, 'a refusal is not cached: each call asks again (the breaker limits how often)');
    });
  }
});
