/** AMR market-entity records (entity, by-person) → `enterprises`. Pure. */
import type { EnterpriseRecord, Enterprises } from '../../schemas/facts/amr.js';
import { parseAddress } from '../../src/domain/address.js';
import { parseCreditCode } from '../../src/domain/credit-code.js';
import { amrCapitalFen, amrDate, amrKind, amrStatus } from './fields.js';
import type { AmrEntity, AmrPersonEntity } from './types.js';

/**
 * One record. The legal representative's or operator's name is another person's (or, by
 * person, the subject's own): it never enters the fact. A code outside GB 32100's symbols
 * breaks the fact's pattern; one whose check character fails is real and flagged.
 */
export function toEnterprise(raw: AmrEntity, role: EnterpriseRecord['role']): EnterpriseRecord {
  const code = parseCreditCode(raw.统一社会信用代码);
  const address = raw.住所.trim();
  return {
    creditCode: raw.统一社会信用代码,
    name: raw.企业名称.trim(),
    kind: amrKind(raw.类型),
    status: amrStatus(raw.登记状态),
    establishedOn: amrDate(raw.成立日期),
    address,
    addressNormalized: parseAddress(address),
    registeredCapitalFen: amrCapitalFen(raw.注册资本),
    role,
    checkCharacterValid: code.ok && code.checkValid,
  };
}

/** `entity`: asked by code, the subject is the entity itself: no role. */
export function toEnterpriseByCode(raw: AmrEntity): EnterpriseRecord {
  return toEnterprise(raw, null);
}

/**
 * `by-person`: the key the person is named under is their role (经营者 of a sole trader,
 * 法定代表人 otherwise). Oldest registration first, whatever order the register keeps.
 */
export function toPersonEnterprises(raw: AmrPersonEntity[]): Enterprises {
  return raw
    .map((r) => toEnterprise(r, r.经营者 !== undefined ? 'operator' : 'legal_representative'))
    .sort((a, b) => (a.establishedOn < b.establishedOn ? -1 : a.establishedOn > b.establishedOn ? 1 : a.creditCode < b.creditCode ? -1 : a.creditCode > b.creditCode ? 1 : 0));
}
