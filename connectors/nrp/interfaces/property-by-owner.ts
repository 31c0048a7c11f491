import { Type } from '@sinclair/typebox';
import { defineConnector } from '../../../src/connectors/types.js';
import { PropertyList } from '../../../schemas/facts/nrp.js';
import type { NrpClient } from '../client.js';
import { NRP_TTL } from '../ttl.js';
import { NrpOwnerIdNumber } from '../types.js';
import { toOwnedPropertyRecord } from '../to-property-record.js';

/**
 * NRP 不动产登记信息查询 · `QueryByOwner` (按权利人证件号查询, paged by PageNo/PageSize):
 * every property right a person holds, all pages. Code 1 (无记录) is not_found.
 */
export const propertyByOwner = defineConnector({
  id: 'nrp.property-by-owner',
  agency: 'nrp',
  title: 'Property rights held by a person (不动产登记, by owner ID number)',
  dataItem: 'real-estate-registration',
  input: Type.Object({ idNumber: NrpOwnerIdNumber }, { additionalProperties: false }),
  schema: PropertyList,
  ttl: NRP_TTL.property,
  fetch: (client: NrpClient, input, signal) =>
    client.queryAllPages('QueryByOwner', { QLRZJH: input.idNumber }, signal),
  map: (records) => records.map(toOwnedPropertyRecord),
});
