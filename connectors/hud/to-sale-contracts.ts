import type { SaleContracts } from '../../schemas/facts/hud.js';
import { addressNormalized, fen, filingStatus } from './fields.js';
import type { HudSaleContract } from './types.js';

/**
 * sale-contracts items → `saleContracts`, oldest filing first (HUD lists the latest first).
 * Buyers are people: only their count leaves here. The floor area is given only when the
 * filing records one; nothing is derived from the price.
 */
export function toSaleContracts(items: readonly HudSaleContract[]): SaleContracts {
  return [...items]
    .sort((a, b) => a.filingDate.localeCompare(b.filingDate) || a.contractNumber.localeCompare(b.contractNumber))
    .map((c) => ({
      contractNumber: c.contractNumber,
      address: c.houseAddress,
      addressNormalized: addressNormalized(c.houseAddress),
      filedOn: c.filingDate,
      status: filingStatus(c.filingStatus),
      areaM2: c.buildingArea ?? null,
      priceFen: fen(c.totalPrice),
      developerCreditCode: c.developer.creditCode,
      developerName: c.developer.name,
      buyerCount: c.buyers.length,
    }));
}
