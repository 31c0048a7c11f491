/** Field-level mappers shared by the to-<fact> mappers. Pure; closed enums with a stated fallback. */
import type { Relation } from '../../schemas/population.js';

/** `20190515` → `2019-05-15` (the raw schema already checked the eight digits). */
export function isoDate(yyyymmdd: string): string {
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

/** GB/T 2261.1 性别代码 (the raw schema admits only 1 and 2). */
export function gender(xb: '1' | '2'): 'male' | 'female' {
  return xb === '1' ? 'male' : 'female';
}

/**
 * GB/T 4761 家庭关系代码 → relation to the head. Only blood, marriage and adoption
 * relations are mapped; in-laws (28 女婿, 38 儿媳, 53-56 公婆/岳父母, 72 嫂 …) and every
 * code not listed fall back to 'other', because admission checks read 'child' and
 * 'parent' as the legal parent-child relation.
 */
const RELATION_BY_CODE: Record<string, Relation> = {
  '02': 'head',
  '10': 'spouse', '11': 'spouse', '12': 'spouse',
  '20': 'child', '21': 'child', '22': 'child', '23': 'child', '24': 'child', '25': 'child', '26': 'child', '27': 'child', '29': 'child',
  '30': 'child', '31': 'child', '32': 'child', '33': 'child', '34': 'child', '35': 'child', '36': 'child', '37': 'child', '39': 'child',
  '40': 'grandchild', '41': 'grandchild', '42': 'grandchild', '43': 'grandchild', '44': 'grandchild',
  '50': 'parent', '51': 'parent', '52': 'parent', '57': 'parent', '58': 'parent',
  '60': 'grandparent', '61': 'grandparent', '62': 'grandparent', '63': 'grandparent', '64': 'grandparent',
  '70': 'sibling', '71': 'sibling', '73': 'sibling', '75': 'sibling', '77': 'sibling',
};

export function relation(yhzgx: string): Relation {
  return RELATION_BY_CODE[yhzgx] ?? 'other';
}
