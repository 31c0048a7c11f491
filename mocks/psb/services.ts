/**
 * The five PSB query services over one population, indexed once. Each handler gets a
 * validated request body and returns the envelope PSB would send.
 */
import type { Person, Population, ResidencePermit } from '../../schemas/population.js';
import { indexPopulation } from '../kit/population-index.js';
import { PSB_CODES, type PsbCode } from '../../connectors/psb/codes.js';
import type { PsbData, PsbParams, PsbService } from '../../connectors/psb/types.js';
import { psbAddress, psbDate, psbDistrict, psbGender, psbRelationCode } from './render.js';

export interface PsbReply { code: PsbCode; msg: string; data: unknown }

export type PsbServices = { [S in PsbService]: (params: PsbParams<S>) => PsbReply };

const MOVE_KIND = { birth: '出生登记', move_in: '迁入', move_within_city: '市内迁移' } as const;

function ok<S extends PsbService>(data: PsbData<S>): PsbReply {
  return { code: '0000', msg: PSB_CODES.entries['0000'].msg, data };
}

function notFound(msg: string): PsbReply {
  return { code: '1001', msg, data: null };
}

export function createPsbServices(population: Population): PsbServices {
  const { persons, households, householdOf, movesOf, permitsOf } = indexPopulation(population);

  return {
    czrk({ sfzh }) {
      const person = persons.get(sfzh);
      const household = householdOf.get(sfzh);
      const member = household?.members.find((m) => m.idNumber === sfzh);
      if (!person || !household || !member) return notFound(PSB_CODES.entries['1001'].msg);
      return ok<'czrk'>({
        sfzh,
        xm: person.name,
        xb: psbGender(person.gender),
        csrq: psbDate(person.birthDate),
        mz: person.ethnicity,
        hjdz: psbAddress(household.address),
        ssxq: psbDistrict(household.address),
        hh: household.number,
        yhzgx: psbRelationCode(member.relation, person.gender),
        qrrq: psbDate(member.since),
        hklx: household.kind === 'family' ? '家庭户' : '集体户',
      });
    },

    hjcy({ hh }) {
      const household = households.get(hh);
      if (!household) return notFound('未查询到该户信息');
      const cy = household.members.flatMap((m) => {
        const person = persons.get(m.idNumber);
        if (!person) return [];
        return [{
          sfzh: m.idNumber,
          xm: person.name,
          xb: psbGender(person.gender),
          csrq: psbDate(person.birthDate),
          yhzgx: psbRelationCode(m.relation, person.gender),
          qrrq: psbDate(m.since),
        }];
      });
      return ok<'hjcy'>({ hh, hjdz: psbAddress(household.address), cy });
    },

    qyjl({ sfzh }) {
      if (!persons.has(sfzh)) return notFound(PSB_CODES.entries['1001'].msg);
      // The registry lists the latest move first.
      const jl = (movesOf.get(sfzh) ?? [])
        .slice()
        .sort((a, b) => b.date.localeCompare(a.date))
        .map((m) => ({
          qyrq: psbDate(m.date),
          qylx: MOVE_KIND[m.kind],
          qcdz: m.from === null ? '' : psbAddress(m.from),
          qrdz: psbAddress(m.to),
        }));
      return ok<'qyjl'>({ sfzh, jl });
    },

    jzz({ sfzh }) {
      const latest = latestPermit(permitsOf.get(sfzh) ?? []);
      if (!latest) return notFound('未查询到居住证信息');
      return ok<'jzz'>({
        jzzh: latest.number,
        jzdz: psbAddress(latest.address),
        qfrq: psbDate(latest.issuedOn),
        yxqz: psbDate(latest.validUntil),
        fzjg: latest.authority,
      });
    },

    sfhy({ sfzh, xm }) {
      const person: Person | undefined = persons.get(sfzh);
      if (!person) return notFound('公民身份号码不存在');
      return ok<'sfhy'>({
        ppjg: person.name === xm.trim() ? '一致' : '不一致',
        xb: psbGender(person.gender),
        csrq: psbDate(person.birthDate),
        swbz: person.deceasedOn === undefined ? '0' : '1',
      });
    },
  };
}

function latestPermit(permits: ResidencePermit[]): ResidencePermit | undefined {
  return permits.reduce<ResidencePermit | undefined>((best, p) => (!best || p.issuedOn > best.issuedOn ? p : best), undefined);
}

