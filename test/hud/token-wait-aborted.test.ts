/**
 * A caller that gives up while a shared token request hangs leaves at once, and its giving
 * up does not fail the other callers waiting for the same token.
 */
import t from 'tap';
import { saleContract } from '../../connectors/hud/index.js';
import { HUD_TOKEN_PATH } from '../../connectors/hud/types.js';
import { TOKEN_OK, clientFor, startFakeHud, type FakeReply } from './fixtures/harness.js';

t.test('waiting for a token ends with the caller’s own signal', async (t) => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => { release = resolve; });
  let tokenRequests = 0;
  const { url } = await startFakeHud(t, async (req): Promise<FakeReply> => {
    if (req.path !== HUD_TOKEN_PATH) return { body: JSON.stringify({ items: [], total: 0 }) };
    tokenRequests++;
    await held;
    return TOKEN_OK;
  });
  const { client } = clientFor(t, url);
  const idNumber = '370202198503120017';

  const impatient = new AbortController();
  const first = saleContract.fetch(client, { idNumber }, impatient.signal);
  const patient = saleContract.fetch(client, { idNumber }, new AbortController().signal);
  impatient.abort();
  await t.rejects(first, /aborted while waiting for a token/, 'the impatient caller leaves');

  release();
  t.same(await patient, { outcome: 'not_found' }, 'the other caller gets the shared token and its answer');
  t.equal(tokenRequests, 1, 'one token request for both');
});

t.test('an already aborted signal does not start a token request', async (t) => {
  let tokenRequests = 0;
  const { url } = await startFakeHud(t, (req) => {
    if (req.path === HUD_TOKEN_PATH) tokenRequests++;
    return TOKEN_OK;
  });
  const { client } = clientFor(t, url);
  const signal = AbortSignal.abort();
  await t.rejects(saleContract.fetch(client, { idNumber: '370202198503120017' }, signal));
  t.equal(tokenRequests, 0);
});
