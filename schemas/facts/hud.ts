/**
 * Normalized facts answered by the housing bureau (HUD): filed purchase contracts and
 * registered leases. Field names are the gateway's, never the agency's; addresses stay as
 * the agency wrote them, next to their structured reading. Other people (co-buyers,
 * co-tenants, the landlord) appear as a count or a masked ID number only.
 */
import { Type, type Static } from '@sinclair/typebox';
import { AddressNormalized, IsoDate, Nullable, StringEnum } from '../common.js';

/** One filed commodity-housing purchase contract (商品房网签备案) of the person. */
export const SaleContractRecord = Type.Object({
  contractNumber: Type.String(),
  address: Type.String({ description: 'the flat as HUD writes it: 市南区福州南路88号3-2-501' }),
  addressNormalized: AddressNormalized,
  filedOn: IsoDate,
  status: StringEnum(['filed', 'cancelled', 'other'] as const),
  areaM2: Nullable(Type.Number({ exclusiveMinimum: 0, description: 'floor area when the filing records one' })),
  priceFen: Type.Integer({ minimum: 0 }),
  developerCreditCode: Type.String(),
  developerName: Type.String(),
  /** Co-buyers are other people: only their number (the subject included) is given. */
  buyerCount: Type.Integer({ minimum: 1 }),
}, { additionalProperties: false });
export type SaleContractRecord = Static<typeof SaleContractRecord>;

/** `saleContracts`: the person's filed purchase contracts, oldest filing first. */
export const SaleContracts = Type.Array(SaleContractRecord);
export type SaleContracts = Static<typeof SaleContracts>;

/** One registered lease (房屋租赁登记备案) where the person is a tenant. */
export const LeaseRecord = Type.Object({
  registrationNumber: Type.String(),
  address: Type.String({ description: 'the dwelling as HUD writes it' }),
  addressNormalized: AddressNormalized,
  startOn: IsoDate,
  endOn: IsoDate,
  monthlyRentFen: Type.Integer({ minimum: 0 }),
  /** Co-tenants are other people: only their number (the subject included) is given. */
  tenantCount: Type.Integer({ minimum: 1 }),
  landlordIdNumberMasked: Type.String({ description: 'first 6 and last 4 kept, 370202********0010' }),
}, { additionalProperties: false });
export type LeaseRecord = Static<typeof LeaseRecord>;

/** `leases`: the person's registered leases, earliest start first. Whether one is valid today is the checks' question. */
export const Leases = Type.Array(LeaseRecord);
export type Leases = Static<typeof Leases>;
