import { BirthCertificate } from '../../../schemas/facts/nhc.js';
import { defineConnector } from '../../../src/connectors/types.js';
import type { NhcClient } from '../client.js';
import { toBirthCertificate } from '../to-birth-certificate.js';
import { NHC_TTL } from '../ttl.js';
import { NhcByIdNumberInput } from '../types.js';

/** NHC `birth` (出生医学证明): the certificate of a child, found by the child's ID number. */
export const birthCertificate = defineConnector({
  id: 'nhc.birth-certificate',
  agency: 'nhc',
  title: "child's birth medical certificate: certificate number, child, mother, father, birth date, hospital",
  dataItem: 'birth-certificate',
  input: NhcByIdNumberInput,
  schema: BirthCertificate,
  ttl: NHC_TTL.certificate,
  fetch: (client: NhcClient, input, signal) => client.query('birth', { childIdNumber: input.idNumber }, signal),
  map: (raw) => toBirthCertificate(raw),
});
