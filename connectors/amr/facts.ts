/** The `enterprises` fact, for a person (the entities they lead) and for an enterprise (by credit code). */
import { Enterprises } from '../../schemas/facts/amr.js';
import { defineFact } from '../../src/connectors/types.js';
import { enterpriseByCode } from './interfaces/enterprise-by-code.js';
import { enterpriseByPerson } from './interfaces/enterprise-by-person.js';

/** Entities the person is legal representative or operator of, each with the role. */
export const personEnterprises = defineFact({
  name: 'enterprises',
  subject: 'person',
  schema: Enterprises,
  connectors: [enterpriseByPerson],
  resolve: (subject, call) => call(enterpriseByPerson, { idNumber: subject.idNumber }),
});

/**
 * The one entity of a credit code, as a one-element list (the same fact shape as a
 * person's). A code whose check character fails is still asked about: early pilot codes
 * do and are real; the answer's checkCharacterValid says so.
 */
export const creditCodeEnterprises = defineFact({
  name: 'enterprises',
  subject: 'enterprise',
  schema: Enterprises,
  connectors: [enterpriseByCode],
  async resolve(subject, call) {
    const entity = await call(enterpriseByCode, { creditCode: subject.creditCode });
    if (entity.status !== 'found') return entity;
    return { status: 'found', value: [entity.value] };
  },
});

export const AMR_FACTS = [personEnterprises, creditCodeEnterprises];
