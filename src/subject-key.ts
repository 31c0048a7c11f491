/**
 * Keyed hashes of personal identifiers. ID numbers have a small search space, so a plain
 * hash is reversible in seconds (REFERENCE.md, PIPL): every key, log field or audit field
 * that stands for a person is an HMAC with the deployment's secret.
 */
import { keyedHmac } from './hmac.js';

export type SubjectKeyer = (...parts: string[]) => string;

export function createSubjectKeyer(secret: string): SubjectKeyer {
  // HMAC-SHA256 with the key prepared once (hmac.ts: no native object per key derived).
  const hmac = keyedHmac('sha256', secret);
  return (...parts) => hmac(parts.length === 1 ? parts[0]! : parts.join('\u0000'), 'base64url').slice(0, 32);
}

/** Canonical form of a flat input record: keys sorted, so {a,b} and {b,a} key alike. */
export function canonicalInput(input: Record<string, string>): string {
  const keys = Object.keys(input);
  if (keys.length === 1) return `${keys[0]}=${input[keys[0]!]}`;
  keys.sort();
  let out = '';
  for (let i = 0; i < keys.length; i++) out += `${i ? '\u0000' : ''}${keys[i]}=${input[keys[i]!]}`;
  return out;
}
