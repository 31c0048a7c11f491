/**
 * The bureau's zoning service over the population's school zones, indexed once: a door is
 * in a zone when its road is one of the zone's and its number falls in that road's range
 * (schemas/population.ts SchoolZone). Zones answer in the population's order.
 */
import type { SchoolZone } from '../../schemas/population.js';

export type Zoning = (door: { district: string; street: string; number: number }) => SchoolZone[];

export function createZoning(zones: readonly SchoolZone[]): Zoning {
  /** `district|street` → the zones with a range on that road, and the range. */
  const byRoad = new Map<string, { zone: SchoolZone; from: number; to: number }[]>();
  for (const zone of zones) {
    for (const s of zone.streets) {
      const key = `${zone.district}|${s.street}`;
      const list = byRoad.get(key) ?? [];
      list.push({ zone, from: s.fromNumber, to: s.toNumber });
      byRoad.set(key, list);
    }
  }
  return (door) => {
    const covering = new Set<SchoolZone>();
    for (const r of byRoad.get(`${door.district}|${door.street}`) ?? []) {
      if (r.from <= door.number && door.number <= r.to) covering.add(r.zone);
    }
    return zones.filter((z) => covering.has(z));
  };
}
