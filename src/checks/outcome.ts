/**
 * What every check builds its answer from: the three results with a reason in both
 * languages, the "a source did not answer" rule, and the parameter shapes checks share.
 */
import { Type } from '@sinclair/typebox';
import type { CheckEvidence, CheckOutcome, CheckContext, FactView } from './types.js';
import type { StructuredAddress } from '../domain/address.js';
import { ADDRESS_PART_NAMES, compareAddresses } from '../domain/address.js';
import { IsoDate, Ref } from '../../schemas/common.js';

/** A subject ref in a check's parameters (the request's refs; `$child`… in profiles). */
export const SubjectRef = Ref;
export const SubjectRefs = Type.Array(SubjectRef, { minItems: 1, maxItems: 8, uniqueItems: true });
export const CutOff = IsoDate;

export function pass(code: string, zh: string, en: string, evidence: CheckEvidence[]): CheckOutcome {
  return { result: 'pass', reason: { code, zh, en }, evidence };
}

export function fail(code: string, zh: string, en: string, evidence: CheckEvidence[]): CheckOutcome {
  return { result: 'fail', reason: { code, zh, en }, evidence };
}

export function undetermined(code: string, zh: string, en: string, evidence: CheckEvidence[], unavailable?: string[]): CheckOutcome {
  return { result: 'undetermined', reason: { code, zh, en }, evidence, ...(unavailable?.length ? { unavailable } : {}) };
}

/** The sources that did not answer, over the views that are unavailable. */
export function sourcesOf(views: FactView<unknown>[]): string[] {
  const out = new Set<string>();
  for (const v of views) if (v.status === 'unavailable') for (const s of v.sources) out.add(s);
  return [...out];
}

/** `undetermined` because a needed source did not answer; names the sources. */
export function sourceUnavailable(views: FactView<unknown>[], evidence: CheckEvidence[] = []): CheckOutcome {
  const sources = sourcesOf(views);
  const list = sources.length ? sources.join(', ') : 'a registry';
  return undetermined('source_unavailable', `所需数据源未能应答（${list}），无法判断`, `a needed source did not answer (${list}); nothing was decided`, evidence, sources);
}

/** `undetermined` because an address could not be read, so it could not be compared. */
export function addressUnreadable(what: { zh: string; en: string }, evidence: CheckEvidence[]): CheckOutcome {
  return undetermined('address_unreadable', `${what.zh}无法识别为青岛市门牌地址，无法比对`, `${what.en} could not be read as a Qingdao door address, so it was not compared`, evidence);
}

/** The views of one fact for several subjects. */
export function factOf<T>(ctx: CheckContext, refs: readonly string[], fact: string): { ref: string; view: FactView<T> }[] {
  return refs.map((ref) => ({ ref, view: ctx.fact<T>(ref, fact) }));
}

/** Records of every subject whose fact was found (not_found counts as none). */
export function recordsOf<R>(views: { ref: string; view: FactView<R[]> }[]): { ref: string; record: R }[] {
  const out: { ref: string; record: R }[] = [];
  for (const { ref, view } of views) if (view.status === 'found') for (const record of view.value) out.push({ ref, record });
  return out;
}

/** Whether two read addresses are the same dwelling; if not, the part that differs, in both languages. */
export function sameDwelling(a: StructuredAddress, b: StructuredAddress): { same: true } | { same: false; zh: string; en: string } {
  const c = compareAddresses(a, b);
  return c.same ? c : { same: false, ...ADDRESS_PART_NAMES[c.differs] };
}

/** YYYY-MM-DD minus whole months (the day clamped to the month's end). */
export function monthsBefore(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** YYYYMM of a date; the month before and after a YYYYMM. */
export const monthOf = (date: string) => date.slice(0, 4) + date.slice(5, 7);
export function previousMonth(yyyymm: string): string {
  const y = Number(yyyymm.slice(0, 4));
  const m = Number(yyyymm.slice(4));
  return m === 1 ? `${y - 1}12` : `${y}${String(m - 1).padStart(2, '0')}`;
}
export function nextMonth(yyyymm: string): string {
  const y = Number(yyyymm.slice(0, 4));
  const m = Number(yyyymm.slice(4));
  return m === 12 ? `${y + 1}01` : `${y}${String(m + 1).padStart(2, '0')}`;
}

/** Whether a record's period [from, until] contains the date (until null: open). */
export function activeOn(date: string, from: string, until: string | null): boolean {
  return from <= date && (until === null || date <= until);
}
