/** The API facts PSB answers, all about a person. Platforms code against these names. */
import { HukouMoves, Hukou, Household, Identity, ResidencePermit } from '../../schemas/facts/psb.js';
import { defineFact } from '../../src/connectors/types.js';
import { hukouHousehold } from './interfaces/hukou-household.js';
import { hukouMigration } from './interfaces/hukou-migration.js';
import { hukouPerson } from './interfaces/hukou-person.js';
import { identityCheck } from './interfaces/identity-check.js';
import { residencePermit } from './interfaces/residence-permit.js';

export const hukouFact = defineFact({
  name: 'hukou',
  subject: 'person',
  schema: Hukou,
  connectors: [hukouPerson],
  resolve: (subject, call) => call(hukouPerson, { idNumber: subject.idNumber }),
});

/** PSB finds households by number only: the person's hukou gives it, then the household is asked. */
export const householdFact = defineFact({
  name: 'household',
  subject: 'person',
  schema: Household,
  connectors: [hukouPerson, hukouHousehold],
  async resolve(subject, call) {
    const hukou = await call(hukouPerson, { idNumber: subject.idNumber });
    if (hukou.status !== 'found') return hukou;
    return call(hukouHousehold, { householdNumber: hukou.value.householdNumber });
  },
});

export const hukouMovesFact = defineFact({
  name: 'hukouMoves',
  subject: 'person',
  schema: HukouMoves,
  connectors: [hukouMigration],
  resolve: (subject, call) => call(hukouMigration, { idNumber: subject.idNumber }),
});

export const residencePermitFact = defineFact({
  name: 'residencePermit',
  subject: 'person',
  schema: ResidencePermit,
  connectors: [residencePermit],
  resolve: (subject, call) => call(residencePermit, { idNumber: subject.idNumber }),
});

/** The name the platform sent is checked against the registry's; the registry's name never comes back. */
export const identityFact = defineFact({
  name: 'identity',
  subject: 'person',
  schema: Identity,
  connectors: [identityCheck],
  resolve: (subject, call) => call(identityCheck, { idNumber: subject.idNumber, name: subject.name }),
});

export const PSB_FACTS = [hukouFact, householdFact, hukouMovesFact, residencePermitFact, identityFact];
