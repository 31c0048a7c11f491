/** Pure mapper: the exchange's assistance records → the `assistance` fact (schemas/facts/mca.ts). */
import type { Assistance, AssistanceRecord } from '../../schemas/facts/mca.js';
import { lookup, oldestFirst } from './fields.js';
import type { McaAssistanceResult } from './types.js';

/** 救助类别. */
const KIND: Readonly<Record<string, Exclude<AssistanceRecord['kind'], 'other'>>> = {
  最低生活保障: 'minimum_living',
  特困人员救助供养: 'extreme_poverty',
};

/** assistance job result → `assistance`, sorted by `since`; expired entitlements stay (validity is the checks' question). */
export function toAssistance(raw: McaAssistanceResult): Assistance {
  return oldestFirst(raw.records, (r) => r.since).map((r) => ({ kind: lookup(KIND, r.kind), since: r.since, validUntil: r.validUntil }));
}
