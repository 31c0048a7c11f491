/**
 * The NHC query services over one population, indexed once (mocks/kit). Each handler gets
 * a validated request body and returns the envelope the platform would send.
 */
import { nhcCodeMessage, nhcCodeNumber, type NhcCode } from '../../connectors/nhc/codes.js';
import type { NhcData, NhcParams, NhcService } from '../../connectors/nhc/types.js';
import type { Population } from '../../schemas/population.js';
import { indexPopulation } from '../kit/population-index.js';
import { nhcBirthCertificate } from './render.js';

export interface NhcReply { code: number; msg: string; data: unknown }

export type NhcServices = { [S in NhcService]: (params: NhcParams<S>) => NhcReply };

/** The envelope for a code, with the platform's documented text unless told otherwise. */
export function nhcReply(code: NhcCode, data: unknown = null, msg: string = nhcCodeMessage(code)): NhcReply {
  return { code: nhcCodeNumber(code), msg, data };
}

function ok<S extends NhcService>(data: NhcData<S>): NhcReply {
  return nhcReply('0', data);
}

export function createNhcServices(population: Population): NhcServices {
  const { persons, birthOf } = indexPopulation(population);

  return {
    birth({ childIdNumber }) {
      const birth = birthOf.get(childIdNumber);
      if (!birth) return nhcReply('10404');
      return ok<'birth'>(nhcBirthCertificate(birth, persons));
    },
  };
}
