/**
 * The child's hukou as checks about addresses start from, and the comparison of one
 * address with a guardian's records (properties, contracts, leases) by their normalized
 * forms: agencies write the same flat differently (PSB 3号楼2单元501户, NRP 3栋2单元501室,
 * HUD 3-2-501), so the strings are never compared.
 */
import type { Hukou } from '../../schemas/facts/psb.js';
import type { StructuredAddress } from '../domain/address.js';
import type { CheckContext, CheckEvidence, CheckOutcome, FactView } from './types.js';
import { addressUnreadable, fail, sameDwelling, sourceUnavailable } from './outcome.js';

export type HukouAt = { ok: true; hukou: Hukou; address: StructuredAddress; evidence: CheckEvidence } | { ok: false; outcome: CheckOutcome };

/**
 * The subject's hukou with a readable address, or the outcome that says why there is none.
 * `also`: the check's other facts, so that a silent registry among them is named too.
 */
export function hukouOf(ctx: CheckContext, ref: string, also: FactView<unknown>[] = []): HukouAt {
  const view = ctx.fact<Hukou>(ref, 'hukou');
  if (view.status === 'unavailable') return { ok: false, outcome: sourceUnavailable([view, ...also]) };
  if (view.status === 'not_found') return { ok: false, outcome: noHukou() };
  const hukou = view.value;
  const evidence: CheckEvidence = { subject: ref, fact: 'hukou', record: hukou.householdNumber, values: { addressNormalized: hukou.addressNormalized, registeredOn: hukou.registeredOn } };
  if (hukou.addressNormalized === null) return { ok: false, outcome: addressUnreadable({ zh: '户籍地址', en: 'the hukou address' }, [evidence]) };
  return { ok: true, hukou, address: hukou.addressNormalized, evidence };
}

export function noHukou(): CheckOutcome {
  return fail('no_hukou', '户籍系统中无其户籍登记', 'the household registry holds no hukou for them', []);
}

export interface Located { addressNormalized: StructuredAddress | null }

/**
 * Which records are at the address. `unreadable` counts records whose address could not be
 * read (they might be the same flat); `nearest` is the part that differs for the first
 * record on the same road, to tell the family what does not match.
 */
export function atAddress<R extends Located>(address: StructuredAddress, records: { ref: string; record: R }[]) {
  const same: { ref: string; record: R }[] = [];
  let unreadable = 0;
  let nearest: { zh: string; en: string } | null = null;
  for (const r of records) {
    if (r.record.addressNormalized === null) {
      unreadable++;
      continue;
    }
    const c = sameDwelling(address, r.record.addressNormalized);
    if (c.same) same.push(r);
    else if (nearest === null || (r.record.addressNormalized.street === address.street)) nearest = { zh: c.zh, en: c.en };
  }
  return { same, unreadable, nearest };
}
