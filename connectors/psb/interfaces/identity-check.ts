import { Identity } from '../../../schemas/facts/psb.js';
import { defineConnector } from '../../../src/connectors/types.js';
import type { PsbClient } from '../client.js';
import { toIdentity } from '../to-identity.js';
import { PSB_TTL } from '../ttl.js';
import { PsbByIdNumberAndNameInput } from '../types.js';

/** PSB `sfhy` (身份核验): does the name match the ID number; gender, birth date, alive. */
export const identityCheck = defineConnector({
  id: 'psb.identity-check',
  agency: 'psb',
  title: 'does the name match the ID number; gender, birth date, alive',
  dataItem: 'identity',
  input: PsbByIdNumberAndNameInput,
  schema: Identity,
  ttl: PSB_TTL.identity,
  fetch: (client: PsbClient, input, signal) =>
    client.query('sfhy', { sfzh: input.idNumber, xm: input.name }, signal),
  map: (raw) => toIdentity(raw),
});
