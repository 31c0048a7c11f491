/** Pure mapper: the exchange's marriage records → the `marriage` fact (schemas/facts/mca.ts). */
import type { Marriage, MarriageRegistration } from '../../schemas/facts/mca.js';
import { maskIdNumber } from '../../src/domain/id-number.js';
import { lookup, oldestFirst } from './fields.js';
import type { McaMarriageRecord, McaMarriageResult } from './types.js';

/** 婚姻状况 of a registration. */
const STATUS: Readonly<Record<string, Exclude<MarriageRegistration['status'], 'other'>>> = { 结婚: 'married', 离婚: 'divorced' };

function registration(r: McaMarriageRecord): MarriageRegistration {
  return {
    status: lookup(STATUS, r.status),
    registeredOn: r.registeredOn,
    divorcedOn: r.divorcedOn,
    // The spouse is another person: their number leaves here masked.
    spouseIdNumberMasked: maskIdNumber(r.spouseIdNumber),
    authority: r.authority,
  };
}

/**
 * marriage job result → `marriage`: the latest registration (by registration date) on top,
 * every registration in `history`, oldest first. The client passes on only non-empty lists.
 */
export function toMarriage(raw: McaMarriageResult): Marriage {
  const history = oldestFirst(raw.records, (r) => r.registeredOn).map(registration);
  const latest = history[history.length - 1]!;
  return { ...latest, history };
}
