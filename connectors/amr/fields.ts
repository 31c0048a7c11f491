/**
 * AMR's textual values → plain values, for the to-<fact> mappers. Pure. Registry terms map
 * onto closed enums with `other` as the fallback; a value that does not match the
 * register's format is passed on in a form the fact schema refuses (NaN, the raw text), so
 * a malformed answer fails validation at the border instead of becoming a plausible wrong fact.
 */
import type { EnterpriseRecord } from '../../schemas/facts/amr.js';
import { isRealDate } from '../../src/domain/id-number.js';

/** `2018年03月15日` (or `2018年3月5日`) → `2018-03-15`; anything else, or a day the calendar lacks, stays as written. */
export function amrDate(text: string): string {
  const m = /^\s*(\d{4})年(\d{1,2})月(\d{1,2})日\s*$/.exec(text);
  if (!m) return text;
  const compact = `${m[1]}${m[2]!.padStart(2, '0')}${m[3]!.padStart(2, '0')}`;
  return isRealDate(compact) ? `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}` : text;
}

const RMB_UNITS = new Set(['元', '人民币', '元人民币']);
/** Currencies the register writes for foreign-invested entities: the capital is real, but not in fen. */
const FOREIGN_UNITS = new Set(['美元', '港元', '港币', '欧元', '日元', '英镑']);

/**
 * 注册资本 → fen. `500万元人民币` → 50000000000, `12.5万元` → 1250000000, `30000元` → 3000000.
 * Absent or empty (sole traders register none) and capital in a foreign currency → null;
 * any other text → NaN. Exact to the fen: decimals are read as digits, never as floats.
 */
export function amrCapitalFen(text: string | undefined): number | null {
  if (text === undefined) return null;
  const value = text.replace(/[\s\u3000]+/g, '');
  if (value === '') return null;
  const m = /^(\d+)(?:\.(\d+))?(万)?(\D+)$/.exec(value);
  if (!m) return NaN;
  const unit = m[4]!;
  if (FOREIGN_UNITS.has(unit)) return null;
  if (!RMB_UNITS.has(unit)) return NaN;
  const digits = m[3] ? 6 : 2; // fen per 万元 is 10^6, per 元 10^2
  const fraction = (m[2] ?? '').replace(/0+$/, '');
  if (fraction.length > digits) return NaN; // finer than a fen
  const fen = Number(m[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0'));
  return Number.isSafeInteger(fen) ? fen : NaN;
}

/** 类型: every kind of 公司 (有限责任公司, 股份有限公司, their 分公司 …) is a company; 个体工商户 a sole trader. */
export function amrKind(text: string): EnterpriseRecord['kind'] {
  const value = text.trim();
  if (value === '个体工商户' || value === '个体') return 'sole_trader';
  return value.includes('公司') ? 'company' : 'other';
}

/** 登记状态 as the register writes it (comma and brackets folded to half-width, spaces dropped). */
const STATUS: Readonly<Record<string, Exclude<EnterpriseRecord['status'], 'other'>>> = {
  存续: 'active',
  '存续(在营、开业、在册)': 'active',
  在营: 'active',
  开业: 'active',
  在业: 'active',
  在册: 'active',
  吊销: 'revoked',
  '吊销,未注销': 'revoked',
  注销: 'cancelled',
  '吊销,已注销': 'cancelled',
};

/** 登记状态 → status; 迁出, 停业, 撤销 and whatever comes later are `other`. */
export function amrStatus(text: string): EnterpriseRecord['status'] {
  const key = text.replace(/[\s\u3000]+/g, '').replace(/，/g, ',').replace(/（/g, '(').replace(/）/g, ')');
  return Object.hasOwn(STATUS, key) ? STATUS[key]! : 'other';
}
