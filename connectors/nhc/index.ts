/**
 * 青岛市卫生健康委员会 (NHC): birth medical certificates (出生医学证明).
 * Protocol style G (DESIGN.md §2): JSON POSTs signed with HMAC-SM3 (国密), answers in a
 * `{code, msg, data}` envelope with numeric codes. The folder follows connectors/README.md.
 */
import { defineAgency } from '../../src/connectors/types.js';
import { createNhcClient } from './client.js';
import { NhcConfig } from './config.js';
import { NHC_FACTS } from './facts.js';
import { birthCertificate } from './interfaces/birth-certificate.js';

export default defineAgency({
  id: 'nhc',
  name: '青岛市卫生健康委员会 (NHC)',
  configSchema: NhcConfig,
  createClient: createNhcClient,
  connectors: [birthCertificate],
  facts: NHC_FACTS,
});

export { birthCertificate };
export { birthCertificateFact } from './facts.js';
export { createNhcClient, type NhcClient } from './client.js';
export { NhcConfig } from './config.js';
