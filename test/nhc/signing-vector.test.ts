/**
 * Pins SM3 and the NHC signature with fixed vectors. The SM3 values are the examples of
 * GB/T 32905-2016 (appendix A); the body hash and the signature were computed outside this
 * code base (printf … | openssl dgst -sm3, and openssl dgst -sm3 -hmac …, cross-checked
 * with Python's hmac over hashlib 'sm3'), so a change to the canonical string, the hash or
 * the HMAC is caught, not just echoed.
 */
import { getHashes } from 'node:crypto';
import t from 'tap';
import { canonicalString, nhcSignatureMatches, nhcSigningHeaders, NHC_NONCE_PATTERN, signNhcRequest, sm3Hex } from '../../connectors/nhc/signing.js';

t.test('SM3 is available and matches the published vectors of GB/T 32905-2016', async (t) => {
  t.ok(getHashes().includes('sm3'), "Node's crypto offers sm3");
  t.equal(sm3Hex('abc'), '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0', 'example 1: "abc"');
  t.equal(sm3Hex('abcd'.repeat(16)), 'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732', 'example 2: "abcd" × 16 (64 bytes)');
});

const input = {
  method: 'POST',
  path: '/api/v1/birth/query',
  appId: 'tongban-test',
  timestamp: '1767225600',
  nonce: '0123456789abcdef0123456789abcdef',
  body: '{"childIdNumber":"370202201905150010"}',
};
const secret = 'test-secret-0123456789abcdef';
const BODY_SM3 = 'ff1133ba29c61e9534d19250b6cfb9c3da87caf90f3cf8c68a2a8e39cb7ea603';
const SIGNATURE = '988E745CC7399E4C8097DF632DD3CF2204075E7D22A196BB88FBF94C6D7D4AE9';

t.test('body hash: SM3 of the raw bytes', async (t) => {
  t.equal(sm3Hex(input.body), BODY_SM3);
  t.equal(sm3Hex(Buffer.from(input.body, 'utf8')), BODY_SM3, 'a Buffer hashes the same');
});

t.test('canonical string: six lines, in order', async (t) => {
  t.equal(canonicalString(input), ['POST', '/api/v1/birth/query', 'tongban-test', '1767225600', '0123456789abcdef0123456789abcdef', BODY_SM3].join('\n'));
  t.equal(canonicalString({ ...input, method: 'post' }), canonicalString(input), 'the method is upper-cased');
});

t.test('signature: upper-case hex HMAC-SM3, compared case-insensitively', async (t) => {
  t.equal(signNhcRequest(secret, input), SIGNATURE);
  t.ok(nhcSignatureMatches(secret, input, SIGNATURE));
  t.ok(nhcSignatureMatches(secret, input, SIGNATURE.toLowerCase()), 'lower case is accepted');
  t.notOk(nhcSignatureMatches(secret, { ...input, body: '{"childIdNumber":"370202201905150011"}' }, SIGNATURE), 'another body does not match');
  t.notOk(nhcSignatureMatches(secret, { ...input, path: '/api/v1/other/query' }, SIGNATURE), 'another path does not match');
  t.notOk(nhcSignatureMatches('another-secret-0123456789', input, SIGNATURE), 'another secret does not match');
  t.notOk(nhcSignatureMatches(secret, input, SIGNATURE.slice(1)), 'a truncated signature does not match');
});

t.test('the headers a request carries: the timestamp in seconds', async (t) => {
  const headers = nhcSigningHeaders({ appId: input.appId, appSecret: secret }, { path: input.path, body: input.body }, 1767225600999, input.nonce);
  t.same(headers, {
    'x-nhc-appid': 'tongban-test',
    'x-nhc-timestamp': '1767225600',
    'x-nhc-nonce': input.nonce,
    'x-nhc-signature': SIGNATURE,
  });
  const fresh = nhcSigningHeaders({ appId: input.appId, appSecret: secret }, { path: input.path, body: input.body });
  t.match(fresh['x-nhc-nonce'], NHC_NONCE_PATTERN, 'a generated nonce is what the platform accepts');
  t.not(fresh['x-nhc-nonce'], nhcSigningHeaders({ appId: input.appId, appSecret: secret }, { path: input.path, body: input.body })['x-nhc-nonce'], 'and new every time');
});
