import { Enterprises } from '../../../schemas/facts/amr.js';
import { defineConnector } from '../../../src/connectors/types.js';
import type { AmrClient } from '../client.js';
import { toPersonEnterprises } from '../to-enterprises.js';
import { AMR_TTL } from '../ttl.js';
import { AmrByIdNumberInput } from '../types.js';

/**
 * AMR `by-person` (按身份证号码查询任职主体, GET /api/entity/by-person?key=…&idNumber=…): the
 * entities whose legal representative or operator (个体工商户) the person is. 状态码 404
 * (the person leads none) is not_found.
 */
export const enterpriseByPerson = defineConnector({
  id: 'amr.enterprise-by-person',
  agency: 'amr',
  title: 'market entities where the person is legal representative or operator (个体工商户)',
  dataItem: 'enterprise-registration',
  input: AmrByIdNumberInput,
  schema: Enterprises,
  ttl: AMR_TTL.register,
  fetch: (client: AmrClient, input, signal) => client.query('by-person', input.idNumber, signal),
  map: (raw) => toPersonEnterprises(raw),
});
