/**
 * PSB request signing (style A, DESIGN.md §2).
 * One definition of the protocol: the client signs with it and the mock verifies with it.
 *
 * Canonical string, lines joined by '\n':
 *   appKey, timestamp (ms since epoch, as sent), nonce, method, path, sha256hex(raw body)
 * Signature: lowercase hex HMAC-SHA256(appSecret, canonical string).
 */
import { createHash, createHmac, createSecretKey, randomUUID, timingSafeEqual, type KeyObject } from 'node:crypto';

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
  return createHash('sha256').update(body).digest('hex');
}

export function canonicalString(input: PsbSigningInput): string {
  return [input.appKey, input.timestamp, input.nonce, input.method.toUpperCase(), input.path, sha256Hex(input.body)].join('\n');
}

/** The app secret as a KeyObject: imported once, HMACs with it are cheaper than with a string. */
export function psbSigningKey(appSecret: string): KeyObject {
  return createSecretKey(Buffer.from(appSecret, 'utf8'));
}

export function signPsbRequest(appSecret: string | KeyObject, input: PsbSigningInput): string {
  return createHmac('sha256', appSecret).update(canonicalString(input)).digest('hex');
}

/** Constant-time comparison of a received signature with the expected one. */
export function psbSignatureMatches(appSecret: string | KeyObject, input: PsbSigningInput, signature: string): boolean {
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
  credentials: { appKey: string; appSecret: string | KeyObject },
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
