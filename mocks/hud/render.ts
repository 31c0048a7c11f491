/**
 * How the housing bureau writes the population's records: camelCase JSON, ISO dates,
 * amounts in yuan, and its short addresses: district, road, door number, then
 * building-unit-room with hyphens (`市南区福州南路88号3-2-501`), building-room for a flat
 * without units (`3-1205`), nothing for a house (`市南区福州南路88号`).
 */
import type { HudLease, HudParty, HudSaleContract } from '../../connectors/hud/types.js';
import type { Address, Lease, SaleContract } from '../../schemas/population.js';
import { districtName } from '../../src/domain/districts.js';
import type { PopulationIndex } from '../kit/population-index.js';

/**
 * The short address. Hyphens need a building and a room to be unambiguous (`3-2` would read
 * as building 3, room 2); the rare address without them is written with its words.
 */
export function hudAddress(a: Address): string {
  const head = `${districtName(a.district)}${a.street}${a.number}号`;
  const { building, unit, room } = a;
  if (building !== undefined && room !== undefined) return `${head}${building}-${unit !== undefined ? `${unit}-` : ''}${room}`;
  if (building !== undefined) return `${head}${building}栋${unit !== undefined ? `${unit}单元` : ''}`;
  if (room !== undefined) return `${head}${room}室`;
  return head;
}

/** Fen → yuan, as the JSON number HUD writes (123456 → 1234.56). */
export function yuan(fen: number): number {
  return fen / 100;
}

/** 备案状态 as HUD writes it. */
export const FILING_STATUS: Record<SaleContract['status'], string> = { filed: '已备案', cancelled: '已撤销' };

function party(index: PopulationIndex, idNumber: string): HudParty {
  return { name: index.persons.get(idNumber)?.name ?? '', idNumber };
}

/** A filing as HUD answers it. The population records no floor area, so none is written. */
export function saleContractItem(index: PopulationIndex, c: SaleContract): HudSaleContract {
  return {
    contractNumber: c.contractNumber,
    houseAddress: hudAddress(c.address),
    filingDate: c.filedOn,
    filingStatus: FILING_STATUS[c.status],
    totalPrice: yuan(c.priceFen),
    developer: { creditCode: c.developerCreditCode, name: index.enterpriseByCode.get(c.developerCreditCode)?.name ?? '' },
    buyers: c.buyers.map((id) => party(index, id)),
  };
}

export function leaseItem(index: PopulationIndex, l: Lease): HudLease {
  return {
    registrationNumber: l.registrationNumber,
    houseAddress: hudAddress(l.address),
    leaseStartDate: l.startOn,
    leaseEndDate: l.endOn,
    monthlyRent: yuan(l.monthlyRentFen),
    tenants: l.tenants.map((id) => party(index, id)),
    landlord: party(index, l.landlordIdNumber),
  };
}
