import type { Leases } from '../../schemas/facts/hud.js';
import { maskIdNumber } from '../../src/domain/id-number.js';
import { addressNormalized, fen } from './fields.js';
import type { HudLease } from './types.js';

/**
 * leases items → `leases`, earliest start first (HUD lists the latest first). Co-tenants
 * and the landlord are other people: a count and a masked ID number leave here, no names.
 */
export function toLeases(items: readonly HudLease[]): Leases {
  return [...items]
    .sort((a, b) => a.leaseStartDate.localeCompare(b.leaseStartDate) || a.registrationNumber.localeCompare(b.registrationNumber))
    .map((l) => ({
      registrationNumber: l.registrationNumber,
      address: l.houseAddress,
      addressNormalized: addressNormalized(l.houseAddress),
      startOn: l.leaseStartDate,
      endOn: l.leaseEndDate,
      monthlyRentFen: fen(l.monthlyRent),
      tenantCount: l.tenants.length,
      landlordIdNumberMasked: maskIdNumber(l.landlord.idNumber),
    }));
}
