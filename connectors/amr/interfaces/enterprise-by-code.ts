import { EnterpriseRecord } from '../../../schemas/facts/amr.js';
import { defineConnector } from '../../../src/connectors/types.js';
import { sameEntity, type AmrClient } from '../client.js';
import { toEnterpriseByCode } from '../to-enterprises.js';
import { AMR_TTL } from '../ttl.js';
import { AmrByCreditCodeInput } from '../types.js';

/** AMR `entity` (按统一社会信用代码查询, GET /api/entity?key=…&code=…): one market entity. 状态码 404 is not_found. */
export const enterpriseByCode = defineConnector({
  id: 'amr.enterprise-by-code',
  agency: 'amr',
  title: 'one market entity by unified social credit code (企业登记)',
  dataItem: 'enterprise-registration',
  input: AmrByCreditCodeInput,
  schema: EnterpriseRecord,
  ttl: AMR_TTL.register,
  fetch: async (client: AmrClient, input, signal) => sameEntity(await client.query('entity', input.creditCode, signal), input.creditCode),
  map: (raw) => toEnterpriseByCode(raw),
});
