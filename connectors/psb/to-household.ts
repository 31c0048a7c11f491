import { parseAddress } from '../../src/domain/address.js';
import type { Household } from '../../schemas/facts/psb.js';
import { maskIdNumber } from '../../src/domain/id-number.js';
import { gender, isoDate, relation } from './fields.js';
import type { PsbHjcy } from './types.js';

/** hjcy → `household`. Members are other people: their ID numbers leave here masked. */
export function toHousehold(raw: PsbHjcy): Household {
  return {
    householdNumber: raw.hh,
    address: raw.hjdz,
    addressNormalized: parseAddress(raw.hjdz),
    members: raw.cy.map((m) => ({
      name: m.xm,
      idNumberMasked: maskIdNumber(m.sfzh),
      relationToHead: relation(m.yhzgx),
      gender: gender(m.xb),
      birthDate: isoDate(m.csrq),
      registeredOn: isoDate(m.qrrq),
    })),
  };
}
