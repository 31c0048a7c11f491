/**
 * HMAC (RFC 2104) with a key prepared once, computed with Node's one-shot `crypto.hash`:
 *
 *   HMAC(K, m) = H((K ⊕ opad) ‖ H((K ⊕ ipad) ‖ m))
 *
 * The hash functions themselves are OpenSSL's; only the two-pass construction is here.
 * Why not `createHmac`: every call of it makes a native Hmac object (an OpenSSL context
 * and a handle the garbage collector must finalize). In a loop that costs 2.8 µs for a
 * cache key's input, this 1.4 µs; in a process under load, where every verification derives
 * its cache keys this way, `createHmac` cost 5–14 µs more per key (bench/LOG.md). The answer
 * is byte for byte the same: test/framework/hmac.test.ts checks RFC 4231's vectors, and
 * createHmac's own answers on random keys and messages.
 */
import { hash } from 'node:crypto';

/** Both hashes used here (SHA-256, SM3) work on 64-byte blocks. */
const BLOCK = 64;

export type HmacAlgorithm = 'sha256' | 'sm3';

/** The HMAC of a message (UTF-8) under the prepared key, in the given text encoding. */
export type KeyedHmac = (message: string, encoding: 'hex' | 'base64url' | 'base64') => string;

export function keyedHmac(algorithm: HmacAlgorithm, secret: string | Buffer): KeyedHmac {
  let key: Buffer = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret;
  // A key longer than a block is hashed first (RFC 2104 §2); a shorter one is padded with zeros.
  if (key.length > BLOCK) key = hash(algorithm, key, 'buffer');
  const digestLength = hash(algorithm, '', 'buffer').length;
  const outer = Buffer.alloc(BLOCK + digestLength);
  for (let i = 0; i < BLOCK; i++) outer[i] = (key[i] ?? 0) ^ 0x5c;
  // The inner pass: the padded key, then the message written after it (grown when a message
  // needs more room). Calls are synchronous, so one buffer serves them all.
  let inner = Buffer.alloc(BLOCK + 256);
  for (let i = 0; i < BLOCK; i++) inner[i] = (key[i] ?? 0) ^ 0x36;

  return (message, encoding) => {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit: room checked before writing, since
    // Buffer#write truncates silently.
    if (BLOCK + message.length * 3 > inner.length) {
      const grown = Buffer.alloc(BLOCK + message.length * 3);
      inner.copy(grown, 0, 0, BLOCK);
      inner = grown;
    }
    const length = inner.write(message, BLOCK, 'utf8');
    // The inner digest as a 'binary' (latin1) string, one character a byte, written into the outer
    // block: a Buffer out of crypto.hash cost 1.1 µs, a string 0.4 µs (Node 20).
    const innerDigest = hash(algorithm, inner.subarray(0, BLOCK + length), 'binary');
    // The message (an ID number, often) does not stay in the buffer after the call.
    inner.fill(0, BLOCK, BLOCK + length);
    outer.write(innerDigest, BLOCK, 'binary');
    return hash(algorithm, outer, encoding);
  };
}
