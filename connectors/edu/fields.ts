/** Field-level mappers shared by the to-<fact> mappers. Pure; closed enums with a stated fallback. */
import type { SchoolLevel, StudentStatus } from '../../schemas/facts/edu.js';

/** 学籍状态 → status. A state the bureau adds later (e.g. 死亡注销) becomes 'other' rather than a failed answer. */
const STATUS: Readonly<Record<string, Exclude<StudentStatus['status'], 'other'>>> = {
  在读: 'enrolled',
  转出: 'transferred_out',
  毕业: 'graduated',
  休学: 'suspended',
};

export function studentStatus(value: string): StudentStatus['status'] {
  return Object.hasOwn(STATUS, value) ? STATUS[value]! : 'other';
}

const LEVELS: ReadonlySet<string> = new Set(['kindergarten', 'primary', 'junior']);

/** School level as the bureau writes it (already our words); another level (高中 …) becomes 'other'. */
export function schoolLevel(value: string): SchoolLevel {
  return LEVELS.has(value) ? (value as SchoolLevel) : 'other';
}

/** A name the bureau left out, null or blank is unknown: null. */
export function optionalName(value: string | null | undefined): string | null {
  const v = value?.trim();
  return v ? v : null;
}
