import { parseAddress } from '../../src/domain/address.js';
import type { ResidencePermit } from '../../schemas/facts/psb.js';
import { isoDate } from './fields.js';
import type { PsbJzz } from './types.js';

/** jzz → `residencePermit`. Whether it is still valid is the checks' question, not the mapper's. */
export function toResidencePermit(raw: PsbJzz): ResidencePermit {
  return {
    permitNumber: raw.jzzh,
    address: raw.jzdz,
    addressNormalized: parseAddress(raw.jzdz),
    issuedOn: isoDate(raw.qfrq),
    validUntil: isoDate(raw.yxqz),
    authority: raw.fzjg,
  };
}
