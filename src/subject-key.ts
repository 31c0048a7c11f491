/**
 * Keyed hashes of personal identifiers. ID numbers have a small search space, so a plain
 * hash is reversible in seconds (REFERENCE.md, PIPL): every key, log field or audit field
 * that stands for a person is an HMAC with the deployment's secret.
 */
import { createHmac, createSecretKey } from 'node:crypto';

export type SubjectKeyer = (...parts: string[]) => string;

export function createSubjectKeyer(secret: string): SubjectKeyer {
  // A KeyObject is imported once: createHmac with it is a fifth cheaper than with a string.
  const key = createSecretKey(Buffer.from(secret, 'utf8'));
  return (...parts) =>
    createHmac('sha256', key).update(parts.length === 1 ? parts[0]! : parts.join('\u0000')).digest('base64url').slice(0, 32);
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
