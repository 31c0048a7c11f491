/**
 * 青岛市自然资源和规划局 · 不动产登记 (NRP): property rights and their restrictions.
 * Protocol style B: XML over POST with a header token, paged answers, HTML 500 pages
 * when the legacy stack falls over. See client.ts and codes.ts.
 */
import { defineAgency } from '../../src/connectors/types.js';
import { createNrpClient } from './client.js';
import { NrpConfigSchema } from './config.js';
import { certificateProperties, personProperties } from './facts.js';
import { propertyByOwner } from './interfaces/property-by-owner.js';
import { propertyCertificate } from './interfaces/property-certificate.js';
import { propertyRestrictions } from './interfaces/property-restrictions.js';

export { createNrpClient, type NrpClient } from './client.js';
export { NrpConfigSchema, type NrpConfig } from './config.js';
export { propertyByOwner, propertyCertificate, propertyRestrictions, personProperties, certificateProperties };

export default defineAgency({
  id: 'nrp',
  name: '青岛市自然资源和规划局 (NRP)',
  configSchema: NrpConfigSchema,
  createClient: createNrpClient,
  connectors: [propertyByOwner, propertyCertificate, propertyRestrictions],
  facts: [personProperties, certificateProperties],
});
