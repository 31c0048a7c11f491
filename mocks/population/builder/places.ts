/**
 * Places: districts weighted by population, migrants' places of origin, and addresses that
 * are never handed out twice (flats, houses, shops, offices, parking spaces in Qingdao; free
 * text outside the city). Also the small helpers every domain uses to compare and copy places.
 */
import type { Address, Place } from '../../../schemas/population.js';
import { DISTRICT_CODES, QINGDAO_DISTRICTS, districtName, type DistrictCode } from '../../../src/domain/districts.js';
import { ORIGINS, ROADS, type Origin } from '../names.js';
import type { Core } from './core.js';

export type AddressKind = 'flat' | 'house' | 'shop' | 'office' | 'parking';

/** Where a person was born: a Qingdao district, or a migrant's place of origin. */
export type Home = DistrictCode | Origin;

/** How populous the districts are, roughly (new town Huangdao and Chengyang are large). */
const DISTRICT_WEIGHTS: readonly (readonly [DistrictCode, number])[] = [
  ['370202', 1], ['370203', 1.5], ['370211', 1.8], ['370212', 0.9], ['370213', 1.1],
  ['370214', 1.3], ['370215', 1], ['370281', 0.8], ['370283', 0.7], ['370285', 0.5],
];

export function isQingdaoDistrict(code: string): code is DistrictCode {
  return Object.hasOwn(QINGDAO_DISTRICTS, code);
}

export function isAddress(place: Place | null | undefined): place is Address {
  return place != null && !('outside' in place);
}

/** A canonical string for a place (key order independent). */
export function placeKey(place: Place): string {
  if (!isAddress(place)) return `outside:${place.outside}`;
  return [place.district, place.street, place.number, place.building ?? '', place.unit ?? '', place.room ?? ''].join('|');
}

export function samePlace(a: Place, b: Place): boolean {
  return placeKey(a) === placeKey(b);
}

/** Copies a place so that records never share one object. */
export function copyPlace<P extends Place>(place: P): P {
  return { ...place };
}

/** '青岛市市南区' for districts, '胶州市' for county-level cities. */
export function localPrefix(d: DistrictCode): string {
  const name = districtName(d);
  return name.endsWith('市') ? name : `青岛市${name}`;
}

export function outsideText(origin: Origin, road: string, number: number): string {
  return `${origin.province}${origin.city}${origin.county}${road}${number}号`;
}

export class Places {
  constructor(private readonly core: Core) {}

  district(): DistrictCode {
    return this.core.rng.weighted(DISTRICT_WEIGHTS);
  }

  otherDistrict(not: DistrictCode): DistrictCode {
    return this.core.rng.pick(DISTRICT_CODES.filter((d) => d !== not));
  }

  origin(): Origin {
    return this.core.rng.pick(ORIGINS);
  }

  /** A new address in the district, never handed out before. */
  address(d: DistrictCode, kind: AddressKind = 'flat'): Address {
    const rng = this.core.rng;
    const roads = ROADS[d];
    let made: Address = { district: d, street: roads[0]!, number: 1 };
    this.core.unique('address', () => {
      const street = rng.pick(roads);
      // Flats share door numbers (a compound has many buildings); houses and shops need more.
      const number = rng.int(1, kind === 'house' || kind === 'shop' ? 600 : 300);
      switch (kind) {
        case 'flat':
          made = { district: d, street, number, building: rng.int(1, 28), unit: rng.int(1, 4), room: `${rng.int(1, 32)}0${rng.int(1, 4)}` };
          break;
        case 'office':
          made = { district: d, street, number, building: rng.int(1, 6), room: `${rng.int(5, 28)}${String(rng.int(1, 20)).padStart(2, '0')}` };
          break;
        case 'parking':
          made = { district: d, street, number, building: rng.int(1, 20), room: `${rng.int(1, 2)}${String(rng.int(1, 299)).padStart(3, '0')}` };
          break;
        default:
          made = { district: d, street, number };
      }
      return placeKey(made);
    });
    return made;
  }

  /** A new place of origin outside the city, as free text. */
  outside(origin: Origin): { outside: string } {
    const rng = this.core.rng;
    const text = this.core.unique('outside', () => {
      const door = outsideText(origin, rng.pick(origin.roads), rng.int(1, 260));
      return rng.chance(0.4) ? door : `${door}院${rng.int(1, 20)}号楼${rng.int(1, 4)}单元${rng.int(1, 18)}0${rng.int(1, 4)}室`;
    });
    return { outside: text };
  }
}
