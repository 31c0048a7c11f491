/** The five PSB interfaces, one declaration each. Transport, cache and breaker are src/'s. */
import { Type } from '@sinclair/typebox';
import { HukouMoves, Hukou, Household, Identity, ResidencePermit } from '../../schemas/facts/psb.js';
import { defineConnector } from '../../src/connectors/types.js';
import type { PsbClient } from './client.js';
import { toHousehold } from './to-household.js';
import { toHukouMoves } from './to-hukou-moves.js';
import { toHukou } from './to-hukou.js';
import { toIdentity } from './to-identity.js';
import { toResidencePermit } from './to-residence-permit.js';
import { PsbHouseholdNumber, PsbIdNumber, PsbName } from './types.js';

const MINUTE = 60_000;
/** Registry data changes rarely; a not-found may be a registration in progress. */
const TTL = { foundMs: 10 * MINUTE, notFoundMs: 1 * MINUTE };

/** Inputs, in the gateway's names, with the forms PSB accepts (types.ts): a person, a household, a person and a name. */
const ByIdNumber = Type.Object({ idNumber: PsbIdNumber }, { additionalProperties: false });
const ByHouseholdNumber = Type.Object({ householdNumber: PsbHouseholdNumber }, { additionalProperties: false });
const ByIdNumberAndName = Type.Object({ idNumber: PsbIdNumber, name: PsbName }, { additionalProperties: false });

/** PSB `czrk` (常住人口): one person's hukou. */
export const hukouPerson = defineConnector({
  id: 'psb.hukou-person',
  agency: 'psb',
  title: "person's hukou: address, household number, relation to head, registered on",
  input: ByIdNumber,
  schema: Hukou,
  ttl: TTL,
  fetch: (client: PsbClient, input, signal) => client.query('czrk', { sfzh: input.idNumber }, signal),
  map: (raw) => toHukou(raw),
});

/** PSB `hjcy` (户籍成员): the members of a household. */
export const hukouHousehold = defineConnector({
  id: 'psb.hukou-household',
  agency: 'psb',
  title: 'members of a household and their relation to the head',
  input: ByHouseholdNumber,
  schema: Household,
  ttl: TTL,
  fetch: (client: PsbClient, input, signal) => client.query('hjcy', { hh: input.householdNumber }, signal),
  map: (raw) => toHousehold(raw),
});

/** PSB `qyjl` (迁移记录): hukou moves. */
export const hukouMigration = defineConnector({
  id: 'psb.hukou-migration',
  agency: 'psb',
  title: 'history of hukou moves (date, from, to)',
  input: ByIdNumber,
  schema: HukouMoves,
  ttl: TTL,
  fetch: (client: PsbClient, input, signal) => client.query('qyjl', { sfzh: input.idNumber }, signal),
  map: (raw) => toHukouMoves(raw),
});

/** PSB `jzz` (居住证): the most recent residence permit. */
export const residencePermit = defineConnector({
  id: 'psb.residence-permit',
  agency: 'psb',
  title: 'residence permit: number, address, issued, valid until',
  input: ByIdNumber,
  schema: ResidencePermit,
  ttl: TTL,
  fetch: (client: PsbClient, input, signal) => client.query('jzz', { sfzh: input.idNumber }, signal),
  map: (raw) => toResidencePermit(raw),
});

/** PSB `sfhy` (身份核验): does the name match the ID number; gender, birth date, alive. */
export const identityCheck = defineConnector({
  id: 'psb.identity-check',
  agency: 'psb',
  title: 'does the name match the ID number; gender, birth date, alive',
  input: ByIdNumberAndName,
  schema: Identity,
  // Asked for every subject of every verification, and it hardly ever changes.
  ttl: { foundMs: 60 * MINUTE, notFoundMs: 1 * MINUTE },
  fetch: (client: PsbClient, input, signal) =>
    client.query('sfhy', { sfzh: input.idNumber, xm: input.name }, signal),
  map: (raw) => toIdentity(raw),
});

export const PSB_CONNECTORS = [hukouPerson, hukouHousehold, hukouMigration, residencePermit, identityCheck];
