/**
 * How the real-estate registry writes the population's records: registry abbreviations,
 * 坐落 in the NRP way (青岛市市南区福州南路88号3栋2单元501室), times to the second.
 */
import type { Address, Property, Restriction } from '../../schemas/population.js';
import { districtName } from '../../src/domain/districts.js';

const USE: Record<Property['use'], string> = { residential: '住宅', commercial: '商业', office: '办公', parking: '车位' };
const CO_OWNERSHIP: Record<Property['coOwnership'], string> = { sole: '单独所有', joint: '共同共有', shares: '按份共有' };
const RESTRICTION: Record<Restriction['kind'], string> = { mortgage: '抵押', seizure: '查封', sale_restriction: '限制转让', objection: '异议' };

/** 坐落: city, district, road, door number, then building / unit / room where there are. */
export function location(a: Address): string {
  return `青岛市${districtName(a.district)}${a.street}${a.number}号`
    + (a.building !== undefined ? `${a.building}栋` : '')
    + (a.unit !== undefined ? `${a.unit}单元` : '')
    + (a.room !== undefined ? `${a.room}室` : '');
}

/** FNV-1a: a stable small hash, so that the same record always gets the same time of day. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The population has dates; the registry records seconds. Office hours 08:30–17:30, derived from `key`. */
export function registrationTime(date: string, key: string): string {
  const seconds = 8 * 3600 + 30 * 60 + (hash(key) % (9 * 3600));
  const hh = String(Math.floor(seconds / 3600)).padStart(2, '0');
  const mm = String(Math.floor((seconds % 3600) / 60)).padStart(2, '0');
  const ss = String(seconds % 60).padStart(2, '0');
  return `${date} ${hh}:${mm}:${ss}`;
}

/** '89.50' */
export function area(m2: number): string {
  return m2.toFixed(2);
}

/** '50%', '33.33%' */
export function share(percent: number): string {
  return `${Math.round(percent * 100) / 100}%`;
}

export type XmlRecord = Record<string, string>;

export function propertyRecord(p: Property, registeredAt: string): XmlRecord {
  return {
    BDCQZH: p.certificateNumber,
    ZL: location(p.address),
    MJ: area(p.areaM2),
    YT: USE[p.use],
    GYFS: CO_OWNERSHIP[p.coOwnership],
    QLRSL: String(p.owners.length),
    DJSJ: registeredAt,
  };
}

/** QueryByOwner adds FE, the queried owner's share: only 按份共有 has one. */
export function ownedPropertyRecord(p: Property, registeredAt: string, ownerId: string): XmlRecord {
  const owner = p.owners.find((o) => o.idNumber === ownerId);
  const fe = p.coOwnership === 'shares' && owner?.sharePercent !== undefined ? share(owner.sharePercent) : '';
  return { ...propertyRecord(p, registeredAt), FE: fe };
}

export function restrictionRecord(r: Restriction): XmlRecord {
  return {
    XZLX: RESTRICTION[r.kind],
    DJSJ: registrationTime(r.registeredOn, r.reference),
    JSSJ: r.until ?? '',
    JGMC: r.authority,
  };
}
