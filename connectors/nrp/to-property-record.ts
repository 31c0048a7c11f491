/** NRP property records (QueryByCertificate, QueryByOwner) → PropertyRecord. Pure. */
import { parseAddress } from '../../src/domain/address.js';
import { normalizeCertificateNumber } from '../../src/domain/certificate-number.js';
import type { PropertyRecord } from '../../schemas/facts/nrp.js';
import type { NrpOwnedPropertyRecord, NrpPropertyRecord } from './types.js';
import { lookup, nrpCount, nrpDate, nrpDecimal, nrpPercent } from './fields.js';

/** 用途 (YT). */
const USES: Readonly<Record<string, Exclude<PropertyRecord['use'], 'other'>>> = {
  住宅: 'residential',
  商业: 'commercial',
  办公: 'office',
  车位: 'parking',
};

/** 共有方式 (GYFS). */
const CO_OWNERSHIP: Readonly<Record<string, Exclude<PropertyRecord['coOwnership'], 'other'>>> = {
  单独所有: 'sole',
  共同共有: 'joint',
  按份共有: 'shares',
};

/** A certificate on its own: whose share is meant is unknown, so `sharePercent` is null. */
export function toPropertyRecord(raw: NrpPropertyRecord): PropertyRecord {
  return {
    // Normalised, so that the gateway compares it with a subject's number as is.
    certificateNumber: normalizeCertificateNumber(raw.BDCQZH),
    address: raw.ZL.trim(),
    addressNormalized: parseAddress(raw.ZL),
    areaM2: nrpDecimal(raw.MJ),
    use: lookup(USES, raw.YT),
    coOwnership: lookup(CO_OWNERSHIP, raw.GYFS),
    ownerCount: nrpCount(raw.QLRSL),
    sharePercent: null,
    registeredOn: nrpDate(raw.DJSJ),
  };
}

/** A right listed for the queried owner: FE is that owner's share, meaningful for 按份共有 only. */
export function toOwnedPropertyRecord(raw: NrpOwnedPropertyRecord): PropertyRecord {
  const record = toPropertyRecord(raw);
  return { ...record, sharePercent: record.coOwnership === 'shares' ? nrpPercent(raw.FE) : null };
}
