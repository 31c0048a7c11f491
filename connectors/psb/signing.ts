/**
 * PSB request signing (style A, DESIGN.md §2).
 * One definition of the protocol: the client signs with it and the mock verifies with it.
 *
 * Canonical string, lines joined by '\n':
 *   appKey, timestamp (ms since epoch, as sent), nonce, method, path, sha256hex(raw body)
 * Signature: lowercase hex HMAC-SHA256(appSecret, canonical string).
 */
import { hash, randomUUID, timingSafeEqual } from 'node:crypto';
import { keyedHmac, type KeyedHmac } from '../../src/hmac.js';

/** Requests whose timestamp is further than this from the server's clock are refused (2002). */
export const PSB_TIMESTAMP_WINDOW_MS = 300_000;
/** Shortest nonce the agency accepts. */
export const PSB_MIN_NONCE_LENGTH = 16;

export const PSB_HEADERS = {
  appKey: 'x-app-key',
  timestamp: 'x-timestamp',
  nonce: 'x-nonce',
  signature: 'x-signature',
} as const;

export interface PsbSigningInput {
  appKey: string;
  /** Milliseconds since the epoch, exactly as sent in `X-Timestamp`. */
  timestamp: string;
  nonce: string;
  method: string;
  /** Request path as the server sees it, e.g. `/api/v2/query/czrk`. */
  path: string;
  /** The raw request body, byte for byte. */
  body: string | Buffer;
}

export function sha256Hex(body: string | Buffer): string {
  return hash('sha256', body, 'hex');
}

export function canonicalString(input: PsbSigningInput): string {
  return [input.appKey, input.timestamp, input.nonce, input.method.toUpperCase(), input.path, sha256Hex(input.body)].join('\n');
}

/** The app secret prepared once for HMAC-SHA256 (src/hmac.ts): cheaper per request than the secret itself. */
export function psbSigningKey(appSecret: string): KeyedHmac {
  return keyedHmac('sha256', appSecret);
}

export function signPsbRequest(appSecret: string | KeyedHmac, input: PsbSigningInput): string {
  return (typeof appSecret === 'string' ? psbSigningKey(appSecret) : appSecret)(canonicalString(input), 'hex');
}

/** Constant-time comparison of a received signature with the expected one. */
export function psbSignatureMatches(appSecret: string | KeyedHmac, input: PsbSigningInput, signature: string): boolean {
  const expected = Buffer.from(signPsbRequest(appSecret, input), 'utf8');
  const received = Buffer.from(signature.toLowerCase(), 'utf8');
  return expected.length === received.length && timingSafeEqual(expected, received);
}

/**
 * A random UUID (122 random bits, 36 characters): well above the agency's minimum, unique
 * per request. randomUUID draws from a buffered pool: a fraction of randomBytes' cost.
 */
export function newNonce(): string {
  return randomUUID();
}

/** The four signing headers for one request. */
export function psbSigningHeaders(
  credentials: { appKey: string; appSecret: string | KeyedHmac },
  request: { path: string; body: string; method?: string },
  now: number = Date.now(),
  nonce: string = newNonce(),
): Record<string, string> {
  const timestamp = String(now);
  const signature = signPsbRequest(credentials.appSecret, {
    appKey: credentials.appKey, timestamp, nonce, method: request.method ?? 'POST', path: request.path, body: request.body,
  });
  return {
    [PSB_HEADERS.appKey]: credentials.appKey,
    [PSB_HEADERS.timestamp]: timestamp,
    [PSB_HEADERS.nonce]: nonce,
    [PSB_HEADERS.signature]: signature,
  };
}
