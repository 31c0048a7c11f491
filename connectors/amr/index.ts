/**
 * 青岛市市场监督管理局 (AMR): the market-entity register (企业登记), by credit code and by person.
 * Protocol style E (DESIGN.md §2): GETs with the access key in the query string, JSON with
 * Chinese keys in a `{状态码, 信息, 数据}` envelope, encoded in GB18030.
 * The folder follows connectors/README.md.
 */
import { defineAgency } from '../../src/connectors/types.js';
import { createAmrClient } from './client.js';
import { AmrConfig } from './config.js';
import { AMR_FACTS } from './facts.js';
import { enterpriseByCode } from './interfaces/enterprise-by-code.js';
import { enterpriseByPerson } from './interfaces/enterprise-by-person.js';

export default defineAgency({
  id: 'amr',
  name: '青岛市市场监督管理局 (AMR)',
  configSchema: AmrConfig,
  createClient: createAmrClient,
  connectors: [enterpriseByCode, enterpriseByPerson],
  facts: AMR_FACTS,
});

export { enterpriseByCode, enterpriseByPerson };
export { personEnterprises, creditCodeEnterprises } from './facts.js';
export { createAmrClient, sameEntity, type AmrClient } from './client.js';
export { AmrConfig } from './config.js';
