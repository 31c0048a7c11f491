/** NRP restriction records (QueryRestrictions) → PropertyRestrictions. Pure. */
import type { PropertyRestrictions } from '../../schemas/facts/nrp.js';
import type { NrpRestrictionRecord } from './types.js';
import { lookup, nrpDate, nrpOptionalDate } from './fields.js';

type Kind = PropertyRestrictions[number]['kind'];

/** 限制类型 (XZLX). Pre-seizure and waiting-list seizure are seizures for admission rules. */
const KINDS: Readonly<Record<string, Exclude<Kind, 'other'>>> = {
  抵押: 'mortgage',
  查封: 'seizure',
  预查封: 'seizure',
  轮候查封: 'seizure',
  限制转让: 'sale_restriction',
  异议: 'objection',
};

export function toPropertyRestriction(raw: NrpRestrictionRecord): PropertyRestrictions[number] {
  return {
    kind: lookup(KINDS, raw.XZLX),
    registeredOn: nrpDate(raw.DJSJ),
    until: nrpOptionalDate(raw.JSSJ),
    authority: raw.JGMC.trim(),
  };
}

export function toPropertyRestrictions(records: NrpRestrictionRecord[]): PropertyRestrictions {
  return records.map(toPropertyRestriction);
}
