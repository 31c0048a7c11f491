/** Field-level mappers shared by the to-<fact> mappers. Pure; closed enums with a stated fallback. */

/** Looks an exchange term up in a closed table, falling back to `other`. */
export function lookup<V extends string>(table: Readonly<Record<string, V>>, text: string): V | 'other' {
  const key = text.trim();
  return Object.hasOwn(table, key) ? table[key]! : 'other';
}

/**
 * Oldest first by `key` (ISO dates compare as text), keeping the exchange's order for ties:
 * the exchange gives no order guarantee (today it lists the latest first).
 */
export function oldestFirst<T>(items: readonly T[], key: (item: T) => string): T[] {
  return items.map((item, i) => ({ item, i }))
    .sort((a, b) => (key(a.item) < key(b.item) ? -1 : key(a.item) > key(b.item) ? 1 : a.i - b.i))
    .map(({ item }) => item);
}
