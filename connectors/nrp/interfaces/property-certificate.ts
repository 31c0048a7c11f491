import { Type } from '@sinclair/typebox';
import { defineConnector } from '../../../src/connectors/types.js';
import { PropertyRecord } from '../../../schemas/facts/nrp.js';
import type { NrpClient } from '../client.js';
import { NRP_TTL } from '../ttl.js';
import { NrpCertificateNumber } from '../types.js';
import { toPropertyRecord } from '../to-property-record.js';
import { onlyRecord } from '../client.js';

/**
 * NRP 不动产登记信息查询 · `QueryByCertificate` (按不动产权证书号查询): one property right
 * by its certificate number. Code 1 (无记录) is not_found.
 */
export const propertyCertificate = defineConnector({
  id: 'nrp.property-certificate',
  agency: 'nrp',
  title: 'One property right by certificate number (不动产权证书号)',
  dataItem: 'real-estate-registration',
  input: Type.Object({ certificateNumber: NrpCertificateNumber }, { additionalProperties: false }),
  schema: PropertyRecord,
  ttl: NRP_TTL.property,
  fetch: async (client: NrpClient, input, signal) =>
    onlyRecord('QueryByCertificate', await client.query('QueryByCertificate', { BDCQZH: input.certificateNumber }, signal)),
  map: (record) => toPropertyRecord(record),
});
