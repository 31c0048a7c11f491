/**
 * NHC request signing (style G, DESIGN.md §2): HMAC-SM3 (GB/T 32905-2016, 国密), the
 * hash the health commission's data-sharing platform requires instead of SHA-256.
 * One definition of the protocol: the client signs with it and the mock verifies with it.
 *
 * Canonical string, lines joined by '\n':
 *   method (upper case), path, appId, timestamp (seconds since epoch, as sent), nonce,
 *   sm3hex(raw body)
 * Signature: UPPER-case hex HMAC-SM3(appSecret, canonical string). The platform compares
 * case-insensitively.
 *
 * SM3 comes from Node's crypto (OpenSSL 3); it is never written by hand here (the HMAC
 * construction over it is src/hmac.ts, checked against createHmac).
 * test/nhc/signing-vector.test.ts pins both the hash (the standard's vectors) and the HMAC.
 */
import { hash, randomUUID, timingSafeEqual } from 'node:crypto';
import { keyedHmac, type KeyedHmac } from '../../src/hmac.js';

/** Requests whose timestamp is further than this from the platform's clock are refused (20003), in seconds. */
export const NHC_TIMESTAMP_WINDOW_S = 300;
/** The platform's nonce: 16-64 letters and digits (a UUID's dashes are not accepted). */
export const NHC_NONCE_PATTERN = /^[0-9A-Za-z]{16,64}$/;

export const NHC_HEADERS = {
  appId: 'x-nhc-appid',
  timestamp: 'x-nhc-timestamp',
  nonce: 'x-nhc-nonce',
  signature: 'x-nhc-signature',
} as const;

export interface NhcSigningInput {
  method: string;
  /** Request path as the platform sees it, e.g. `/api/v1/birth/query`. */
  path: string;
  appId: string;
  /** Whole seconds since the epoch, exactly as sent in `X-NHC-Timestamp`. */
  timestamp: string;
  nonce: string;
  /** The raw request body, byte for byte. */
  body: string | Buffer;
}

/** Lowercase hex SM3 digest. */
export function sm3Hex(data: string | Buffer): string {
  return hash('sm3', data, 'hex');
}

export function canonicalString(input: NhcSigningInput): string {
  return [input.method.toUpperCase(), input.path, input.appId, input.timestamp, input.nonce, sm3Hex(input.body)].join('\n');
}

/** The app secret prepared once for HMAC-SM3 (src/hmac.ts): cheaper per request than the secret itself. */
export function nhcSigningKey(appSecret: string): KeyedHmac {
  return keyedHmac('sm3', appSecret);
}

export function signNhcRequest(appSecret: string | KeyedHmac, input: NhcSigningInput): string {
  return (typeof appSecret === 'string' ? nhcSigningKey(appSecret) : appSecret)(canonicalString(input), 'hex').toUpperCase();
}

/** Constant-time, case-insensitive comparison of a received signature with the expected one. */
export function nhcSignatureMatches(appSecret: string | KeyedHmac, input: NhcSigningInput, signature: string): boolean {
  const expected = Buffer.from(signNhcRequest(appSecret, input), 'utf8');
  const received = Buffer.from(signature.toUpperCase(), 'utf8');
  return expected.length === received.length && timingSafeEqual(expected, received);
}

/** 32 hex characters (a UUID without its dashes: 122 random bits), unique per request. */
export function newNonce(): string {
  return randomUUID().replace(/-/g, '');
}

/** The four signing headers for one request; `now` in ms (the header carries seconds). */
export function nhcSigningHeaders(
  credentials: { appId: string; appSecret: string | KeyedHmac },
  request: { path: string; body: string; method?: string },
  now: number = Date.now(),
  nonce: string = newNonce(),
): Record<string, string> {
  const timestamp = String(Math.floor(now / 1000));
  const signature = signNhcRequest(credentials.appSecret, {
    method: request.method ?? 'POST', path: request.path, appId: credentials.appId, timestamp, nonce, body: request.body,
  });
  return {
    [NHC_HEADERS.appId]: credentials.appId,
    [NHC_HEADERS.timestamp]: timestamp,
    [NHC_HEADERS.nonce]: nonce,
    [NHC_HEADERS.signature]: signature,
  };
}
