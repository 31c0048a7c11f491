import { Type } from '@sinclair/typebox';
import { defineConnector } from '../../../src/connectors/types.js';
import { PropertyRestrictions } from '../../../schemas/facts/nrp.js';
import type { NrpClient } from '../client.js';
import { NRP_TTL } from '../ttl.js';
import { NrpCertificateNumber } from '../types.js';
import { toPropertyRestrictions } from '../to-property-restrictions.js';

/**
 * NRP 不动产登记信息查询 · `QueryRestrictions` (查询限制状态): current mortgages, seizures,
 * sale restrictions and objections on a certificate. A certificate without any answers
 * code 0 with Total 0 (found, empty); code 1 (无记录) means no such certificate.
 */
export const propertyRestrictions = defineConnector({
  id: 'nrp.property-restrictions',
  agency: 'nrp',
  title: 'Current restrictions on a certificate (抵押 / 查封 / 限制转让 / 异议)',
  dataItem: 'real-estate-registration',
  input: Type.Object({ certificateNumber: NrpCertificateNumber }, { additionalProperties: false }),
  schema: PropertyRestrictions,
  ttl: NRP_TTL.restrictions,
  fetch: async (client: NrpClient, input, signal) => {
    const answer = await client.query('QueryRestrictions', { BDCQZH: input.certificateNumber }, signal);
    return answer.outcome === 'ok' ? { outcome: 'ok' as const, data: answer.data.records } : answer;
  },
  map: (records) => toPropertyRestrictions(records),
});
