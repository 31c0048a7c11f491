/**
 * What the gateway may repeat of what a client chose. Keys, URL segments and field names
 * come from the client and can be anything, an ID number or a name included, so:
 *  - an error response echoes a client-chosen key only when it is an identifier
 *    (`isEchoable`): a letter, then letters, digits, `_` or `-`, at most 32 characters and
 *    no run of four digits; anything else is described by its position instead;
 *  - a log line echoes none of them: pointers and URLs keep only the API's own field names
 *    and array indexes, every other segment becomes `*`, and query strings are dropped.
 */
import type { TSchema } from '@sinclair/typebox';

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_-]{0,31}$/;
const DIGIT_RUN = /\d{4}/;

/** True when a client-chosen key may be repeated in an error response. */
export function isEchoable(key: string): boolean {
  return IDENTIFIER.test(key) && !DIGIT_RUN.test(key);
}

/** Escapes a key for a JSON pointer segment (RFC 6901). */
export function pointerSegment(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * A JSON pointer for a log line: array indexes and the names in `known` (the schema's own
 * field names) stay, every other segment becomes `*`: a subject ref under /facts, an
 * unknown field's name.
 */
export function logSafePointer(pointer: string, known: ReadonlySet<string>): string {
  if (pointer === '' || pointer === '/') return pointer || '/';
  return pointer.split('/').map((seg, i) => (i === 0 || /^\d{1,4}$/.test(seg) || known.has(seg) ? seg : '*')).join('/');
}

/** Route paths of the gateway have fixed lower-case segments: anything else in a logged URL is `*`. */
const ROUTE_SEGMENT = /^[a-z][a-z0-9._-]{0,31}$/;

/** A URL for a log line: the path only (a query string becomes `?…`), segments that are not route-like words become `*`. */
export function logSafeUrl(url: string): string {
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  const safe = path.split('/').map((seg) => (seg === '' || (ROUTE_SEGMENT.test(seg) && !DIGIT_RUN.test(seg)) ? seg : '*')).join('/');
  return q < 0 ? safe : `${safe}?…`;
}

const fieldNameCache = new WeakMap<object, ReadonlySet<string>>();

/** Every property name and string enum value of a JSON Schema: the words a pointer into its data may safely keep. */
export function schemaWords(schema: TSchema | undefined): ReadonlySet<string> {
  if (!schema) return new Set();
  let words = fieldNameCache.get(schema);
  if (!words) {
    const found = new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (typeof node !== 'object' || node === null) return;
      const s = node as Record<string, unknown>;
      if (s.properties && typeof s.properties === 'object') for (const k of Object.keys(s.properties)) found.add(k);
      if (Array.isArray(s.enum)) for (const v of s.enum) if (typeof v === 'string') found.add(v);
      for (const v of Object.values(s)) walk(v);
    };
    walk(schema);
    words = found;
    fieldNameCache.set(schema, words);
  }
  return words;
}
