/** Field-level mappers shared by the to-<fact> mappers. Pure; closed enums with a stated fallback. */
import type { AddressNormalized } from '../../schemas/common.js';
import type { SaleContractRecord } from '../../schemas/facts/hud.js';
import { parseAddress } from '../../src/domain/address.js';

/**
 * Yuan (a JSON number with up to two decimals) → fen. Rounded, because 1234.56 × 100 is
 * 123455.99999999999 in binary floating point.
 */
export function fen(yuan: number): number {
  return Math.round(yuan * 100);
}

/** 备案状态 → status; a state HUD adds later becomes 'other' rather than a failed answer. */
const STATUS: Record<string, SaleContractRecord['status']> = { 已备案: 'filed', 已撤销: 'cancelled' };

export function filingStatus(text: string): SaleContractRecord['status'] {
  return Object.hasOwn(STATUS, text) ? STATUS[text]! : 'other';
}

/** The address as HUD wrote it, structured (null when it cannot be read). */
export function addressNormalized(text: string): AddressNormalized {
  return parseAddress(text);
}
