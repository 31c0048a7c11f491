/**
 * Keyed hashes of personal identifiers. ID numbers have a small search space, so a plain
 * hash is reversible in seconds (REFERENCE.md, PIPL): every key, log field or audit field
 * that stands for a person is an HMAC with the deployment's secret.
 */
import { createHmac } from 'node:crypto';

export type SubjectKeyer = (...parts: string[]) => string;

export function createSubjectKeyer(secret: string): SubjectKeyer {
  return (...parts) =>
    createHmac('sha256', secret).update(parts.join('\u0000')).digest('base64url').slice(0, 32);
}

/** Canonical form of a flat input record: keys sorted, so {a,b} and {b,a} key alike. */
export function canonicalInput(input: Record<string, string>): string {
  return Object.keys(input).sort().map((k) => `${k}=${input[k]}`).join('\u0000');
}
