/**
 * Addresses in Qingdao as the agencies write them, read into one structured form, and
 * compared. Each agency writes the same dwelling its own way:
 *
 *   PSB   山东省青岛市市南区福州南路88号3号楼2单元501户
 *   NRP   青岛市市南区福州南路88号3栋2单元501室
 *   HUD   市南区福州南路88号3-2-501
 *   other 福州南路88号3座2单元501室 · 胶州市福州南路88号 · ＳＰＡＣＥＳ and full-width ８８
 *
 * All of them read as { district: '370202', street: '福州南路', number: 88, building: 3,
 * unit: 2, room: '501' }. A missing province, city or district is allowed (the district is
 * then unknown, and compares with any); a missing building, unit or room is absent, and
 * compares unequal to a present one: a neighbouring flat is another dwelling.
 */
import type { StructuredAddress } from '../../schemas/common.js';
import { QINGDAO_DISTRICTS, type DistrictCode } from './districts.js';

export type { StructuredAddress };

export type AddressPart = 'district' | 'street' | 'number' | 'building' | 'unit' | 'room';

export type AddressComparison =
  | { same: true }
  | { same: false; differs: AddressPart; reason: string };

const DISTRICTS = Object.entries(QINGDAO_DISTRICTS) as [DistrictCode, string][];

/** Full-width digits, letters and hyphens folded; white space (ideographic too) removed. */
function fold(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u2010-\u2015\u2212\uFE63\uFF0D]/g, '-')
    .replace(/[\s\u3000]+/g, '');
}

const TAIL = [
  // 3号楼2单元501户 · 3栋2单元501室 · 3座2单元501 · 3幢501室 · 3号楼501 …
  /^(\d+)(?:号楼|栋|座|幢|号)(?:(\d+)单元)?(?:(\d{1,5})(?:室|户|号)?)?$/,
  // 3-2-501 · 3-501
  /^(\d+)-(\d+)(?:-(\d{1,5}))?$/,
];

/**
 * Reads an address; null when it is not one we can structure (no `<number>号` on a road, or
 * a part after it we do not recognise). Never throws.
 */
export function parseAddress(input: string): StructuredAddress | null {
  let text = fold(input);
  text = text.replace(/^山东省/, '').replace(/^青岛市/, '');
  let district: DistrictCode | null = null;
  for (const [code, name] of DISTRICTS) {
    if (text.startsWith(name)) {
      district = code;
      text = text.slice(name.length);
      break;
    }
  }
  const m = /^(.*?\D)(\d+)号(.*)$/.exec(text);
  if (!m) return null;
  const street = m[1]!;
  // What is left of a province, a city or a county before the road is another place than Qingdao.
  if (/[省市县区]/.test(street)) return null;
  const number = Number(m[2]);
  const rest = m[3]!;
  if (rest === '') return { district, street, number, building: null, unit: null, room: null };
  const parts = TAIL[0]!.exec(rest);
  if (parts) {
    return { district, street, number, building: Number(parts[1]), unit: parts[2] ? Number(parts[2]) : null, room: parts[3] ?? null };
  }
  const dashed = TAIL[1]!.exec(rest);
  if (dashed) {
    return dashed[3] !== undefined
      ? { district, street, number, building: Number(dashed[1]), unit: Number(dashed[2]), room: dashed[3] }
      : { district, street, number, building: Number(dashed[1]), unit: null, room: dashed[2]! };
  }
  const roomOnly = /^(\d{1,5})(?:室|户)$/.exec(rest);
  if (roomOnly) return { district, street, number, building: null, unit: null, room: roomOnly[1]! };
  return null;
}

/** Each part's name, for reasons that say which one differs. */
export const ADDRESS_PART_NAMES: Readonly<Record<AddressPart, { en: string; zh: string }>> = {
  district: { en: 'district', zh: '区（市）' },
  street: { en: 'road', zh: '道路' },
  number: { en: 'door number', zh: '门牌号' },
  building: { en: 'building', zh: '楼号' },
  unit: { en: 'unit', zh: '单元' },
  room: { en: 'room', zh: '户室号' },
};

/** Whether two addresses name the same dwelling, and if not, the first part that differs. */
export function compareAddresses(a: StructuredAddress, b: StructuredAddress): AddressComparison {
  const differs = (part: AddressPart): AddressComparison => ({ same: false, differs: part, reason: `the ${ADDRESS_PART_NAMES[part].en} differs` });
  if (a.district !== null && b.district !== null && a.district !== b.district) return differs('district');
  if (a.street !== b.street) return differs('street');
  if (a.number !== b.number) return differs('number');
  if (a.building !== b.building) return differs('building');
  if (a.unit !== b.unit) return differs('unit');
  if (normalRoom(a.room) !== normalRoom(b.room)) return differs('room');
  return { same: true };
}

function normalRoom(room: string | null): string | null {
  return room === null ? null : room.replace(/^0+(?=\d)/, '');
}
