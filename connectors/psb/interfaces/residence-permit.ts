import { ResidencePermit } from '../../../schemas/facts/psb.js';
import { defineConnector } from '../../../src/connectors/types.js';
import type { PsbClient } from '../client.js';
import { toResidencePermit } from '../to-residence-permit.js';
import { PSB_TTL } from '../ttl.js';
import { PsbByIdNumberInput } from '../types.js';

/** PSB `jzz` (居住证): the most recent residence permit. */
export const residencePermit = defineConnector({
  id: 'psb.residence-permit',
  agency: 'psb',
  title: 'residence permit: number, address, issued, valid until',
  dataItem: 'residence-permit',
  input: PsbByIdNumberInput,
  schema: ResidencePermit,
  ttl: PSB_TTL.registry,
  fetch: (client: PsbClient, input, signal) => client.query('jzz', { sfzh: input.idNumber }, signal),
  map: (raw) => toResidencePermit(raw),
});
