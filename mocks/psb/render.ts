/** How PSB writes the population's values: pinyin-coded fields, YYYYMMDD dates, long addresses. */
import type { Person, Place, Relation } from '../../schemas/population.js';
import { districtName } from '../../src/domain/districts.js';

/** `2019-05-15` → `20190515`. */
export function psbDate(iso: string): string {
  return iso.replace(/-/g, '');
}

/** GB/T 2261.1: 1 男, 2 女. */
export function psbGender(gender: Person['gender']): '1' | '2' {
  return gender === 'male' ? '1' : '2';
}

/** GB/T 4761 code PSB writes for a relation; a child's code depends on the child's gender (20 子, 30 女). */
export function psbRelationCode(relation: Relation, gender: Person['gender']): string {
  switch (relation) {
    case 'head': return '02';
    case 'spouse': return '10';
    case 'child': return gender === 'male' ? '20' : '30';
    case 'grandchild': return '40';
    case 'parent': return '50';
    case 'grandparent': return '60';
    case 'sibling': return '70';
    case 'other': return '99';
  }
}

/** `山东省青岛市市南区福州南路88号3号楼2单元501户`; parts a place lacks are left out; outside the city, its own text. */
export function psbAddress(place: Place): string {
  if ('outside' in place) return place.outside;
  return [
    '山东省青岛市',
    districtName(place.district),
    `${place.street}${place.number}号`,
    place.building === undefined ? '' : `${place.building}号楼`,
    place.unit === undefined ? '' : `${place.unit}单元`,
    place.room === undefined ? '' : `${place.room}户`,
  ].join('');
}

/** 所属县区: the district code for a place in the city, '' outside. */
export function psbDistrict(place: Place): string {
  return 'outside' in place ? '' : place.district;
}
