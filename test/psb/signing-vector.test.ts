/**
 * Pins the signature with a fixed vector. The expected values were computed outside this
 * code base (printf … | sha256sum, printf … | openssl dgst -sha256 -hmac …), so a change
 * to the canonical string or the HMAC is caught, not just echoed.
 */
import t from 'tap';
import { canonicalString, psbSignatureMatches, psbSigningHeaders, sha256Hex, signPsbRequest } from '../../connectors/psb/signing.js';

const input = {
  appKey: 'tongban-test',
  timestamp: '1767225600000',
  nonce: '0123456789abcdef0123456789abcdef',
  method: 'POST',
  path: '/api/v2/query/czrk',
  body: '{"sfzh":"370202201905150010"}',
};
const secret = 'test-secret-0123456789abcdef';
const BODY_SHA256 = '19668b9cd7574137d337a4cab2ce16ce59478be42619715681de2dfb5d374e18';
const SIGNATURE = '84699b8315c70cedcdedec8d7b269a97f443bd87c3f5a67c30f76112478cf774';

t.test('body hash', async (t) => {
  t.equal(sha256Hex(input.body), BODY_SHA256);
});

t.test('canonical string: six lines, in order', async (t) => {
  t.equal(canonicalString(input), ['tongban-test', '1767225600000', '0123456789abcdef0123456789abcdef', 'POST', '/api/v2/query/czrk', BODY_SHA256].join('\n'));
});

t.test('signature: lowercase hex HMAC-SHA256', async (t) => {
  t.equal(signPsbRequest(secret, input), SIGNATURE);
  t.ok(psbSignatureMatches(secret, input, SIGNATURE));
  t.notOk(psbSignatureMatches(secret, { ...input, body: '{"sfzh":"370202201905150011"}' }, SIGNATURE), 'another body does not match');
  t.notOk(psbSignatureMatches('another-secret-0123456789', input, SIGNATURE), 'another secret does not match');
});

t.test('the headers a request carries', async (t) => {
  const headers = psbSigningHeaders({ appKey: input.appKey, appSecret: secret }, { path: input.path, body: input.body }, 1767225600000, input.nonce);
  t.same(headers, {
    'x-app-key': 'tongban-test',
    'x-timestamp': '1767225600000',
    'x-nonce': input.nonce,
    'x-signature': SIGNATURE,
  });
  const fresh = psbSigningHeaders({ appKey: input.appKey, appSecret: secret }, { path: input.path, body: input.body });
  t.ok(fresh['x-nonce']!.length >= 16, 'a generated nonce has at least 16 characters');
});
