/** The API facts NHC answers, about a person (the child). Platforms code against these names. */
import { BirthCertificate } from '../../schemas/facts/nhc.js';
import { defineFact } from '../../src/connectors/types.js';
import { birthCertificate } from './interfaces/birth-certificate.js';

/** The subject is the child: NHC finds certificates by the child's ID number only. */
export const birthCertificateFact = defineFact({
  name: 'birthCertificate',
  subject: 'person',
  schema: BirthCertificate,
  connectors: [birthCertificate],
  resolve: (subject, call) => call(birthCertificate, { idNumber: subject.idNumber }),
});

export const NHC_FACTS = [birthCertificateFact];
