/**
 * Normalized facts answered by the market-entity register (AMR). Field names are the
 * gateway's, never the agency's; an address stays as AMR wrote it, next to its reading by
 * the gateway's normalizer. Legal representatives and operators are people: their names
 * and ID numbers are not part of the fact.
 */
import { Type, type Static } from '@sinclair/typebox';
import { AddressNormalized, CreditCode, IsoDate, Nullable, StringEnum } from '../common.js';

/** One market entity (市场主体) as the register records it. */
export const EnterpriseRecord = Type.Object({
  creditCode: CreditCode,
  name: Type.String({ minLength: 1, description: '企业名称 / 个体工商户名称' }),
  kind: StringEnum(['company', 'sole_trader', 'other'] as const, { description: '类型: 公司 → company, 个体工商户 → sole_trader' }),
  status: StringEnum(['active', 'revoked', 'cancelled', 'other'] as const, { description: '登记状态: 存续 → active, 吊销 → revoked, 注销 → cancelled' }),
  establishedOn: IsoDate,
  address: Type.String({ description: '住所 as the register writes it' }),
  /** parseAddress(address): its structured form, null when it cannot be read. */
  addressNormalized: AddressNormalized,
  registeredCapitalFen: Nullable(Type.Integer({ minimum: 0, description: '注册资本 in fen; null when none is registered (sole traders) or it is not in RMB' })),
  role: Nullable(StringEnum(['legal_representative', 'operator'] as const, {
    description: "the subject's role: legal representative (法定代表人) or operator of a sole trader (经营者); null when asked by credit code",
  })),
  checkCharacterValid: Type.Boolean({ description: 'the GB 32100 check character matches (some early pilot codes fail it and are real)' }),
}, { additionalProperties: false });
export type EnterpriseRecord = Static<typeof EnterpriseRecord>;

/** `enterprises`: the entities a person leads, or the one entity asked for by credit code (a one-element list). */
export const Enterprises = Type.Array(EnterpriseRecord);
export type Enterprises = Static<typeof Enterprises>;
