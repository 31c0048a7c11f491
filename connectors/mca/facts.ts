/** The API facts MCA answers, both about a person. Platforms code against these names. */
import { Assistance, Marriage } from '../../schemas/facts/mca.js';
import { defineFact } from '../../src/connectors/types.js';
import { assistance } from './interfaces/assistance.js';
import { marriage } from './interfaces/marriage.js';

export const marriageFact = defineFact({
  name: 'marriage',
  subject: 'person',
  schema: Marriage,
  connectors: [marriage],
  resolve: (subject, call) => call(marriage, { idNumber: subject.idNumber }),
});

export const assistanceFact = defineFact({
  name: 'assistance',
  subject: 'person',
  schema: Assistance,
  connectors: [assistance],
  resolve: (subject, call) => call(assistance, { idNumber: subject.idNumber }),
});

export const MCA_FACTS = [marriageFact, assistanceFact];
