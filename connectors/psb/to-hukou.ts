import { parseAddress } from '../../src/domain/address.js';
import type { Hukou } from '../../schemas/facts/psb.js';
import { isoDate, relation } from './fields.js';
import type { PsbCzrk } from './types.js';

const KIND: Record<PsbCzrk['hklx'], Hukou['kind']> = { 家庭户: 'family', 集体户: 'collective' };

/** czrk → `hukou`. The address stays as PSB writes it; an empty ssxq means outside the city. */
export function toHukou(raw: PsbCzrk): Hukou {
  return {
    address: raw.hjdz,
    addressNormalized: parseAddress(raw.hjdz),
    districtCode: raw.ssxq === '' ? null : raw.ssxq,
    householdNumber: raw.hh,
    relationToHead: relation(raw.yhzgx),
    registeredOn: isoDate(raw.qrrq),
    kind: KIND[raw.hklx],
  };
}
