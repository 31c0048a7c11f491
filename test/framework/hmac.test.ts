import t from 'tap';
import { createHmac, randomBytes } from 'node:crypto';
import { keyedHmac, type HmacAlgorithm } from '../../src/hmac.js';
import { createSubjectKeyer } from '../../src/subject-key.js';

t.test('RFC 4231 test vectors (HMAC-SHA-256, the cases whose data is text)', async (t) => {
  const cases: Array<[string, Buffer, string, string]> = [
    ['case 1: a 20-byte key', Buffer.alloc(20, 0x0b), 'Hi There', 'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7'],
    ['case 2: a key shorter than the digest', Buffer.from('Jefe'), 'what do ya want for nothing?', '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843'],
    ['case 6: a key longer than a block is hashed first', Buffer.alloc(131, 0xaa), 'Test Using Larger Than Block-Size Key - Hash Key First', '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54'],
    ['case 7: key and data longer than a block', Buffer.alloc(131, 0xaa), 'This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.', '9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2'],
  ];
  for (const [name, key, data, expected] of cases) t.equal(keyedHmac('sha256', key)(data, 'hex'), expected, name);
});

t.test('the same bytes as createHmac, for SHA-256 and SM3, whatever the key and message', async (t) => {
  const text = (n: number) => Array.from({ length: n }, (_, i) => (i % 7 === 3 ? '青' : i % 11 === 5 ? '😀' : String.fromCharCode(32 + ((i * 31) % 95)))).join('');
  let compared = 0;
  for (const algorithm of ['sha256', 'sm3'] as HmacAlgorithm[]) {
    for (const keyLength of [0, 1, 32, 63, 64, 65, 200]) {
      const keyBytes = randomBytes(keyLength);
      const asString = keyBytes.toString('base64').slice(0, keyLength);
      for (const key of [keyBytes, asString]) {
        const hmac = keyedHmac(algorithm, key);
        // Long then short and back: the buffer kept between calls never leaks into the next one.
        for (const length of [0, 18, 300, 1, 2000, 27, 64, 0]) {
          const message = text(length);
          for (const encoding of ['hex', 'base64url', 'base64'] as const) {
            const expected = createHmac(algorithm, typeof key === 'string' ? Buffer.from(key, 'utf8') : key).update(message, 'utf8').digest(encoding);
            if (hmac(message, encoding) !== expected) t.fail(`${algorithm}, key ${keyLength} bytes (${typeof key}), message ${length} characters, ${encoding}`);
            compared++;
          }
        }
      }
    }
  }
  t.equal(compared, 2 * 7 * 2 * 8 * 3, 'every combination compared');
});

t.test('subject keys: HMAC-SHA-256 in base64url, 32 characters, parts joined by NUL', async (t) => {
  const secret = 'a-deployment-secret-of-some-length-0123456789';
  const keyer = createSubjectKeyer(secret);
  const expected = (m: string) => createHmac('sha256', secret).update(m).digest('base64url').slice(0, 32);
  t.equal(keyer('idNumber=370202201905150011'), expected('idNumber=370202201905150011'));
  t.equal(keyer('a', 'b'), expected('a\u0000b'));
  t.not(keyer('idNumber=370202201905150011'), createSubjectKeyer('another-secret-0123456789')('idNumber=370202201905150011'), 'another secret, another key');
});
