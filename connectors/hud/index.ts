/**
 * 青岛市住房和城乡建设局 (HUD): commodity-housing contract filings and lease registrations.
 * Protocol style C (DESIGN.md §2): REST `GET` with an OAuth2 client-credentials bearer
 * token, camelCase JSON, ISO dates, short addresses. The folder follows connectors/README.md.
 */
import { defineAgency } from '../../src/connectors/types.js';
import { createHudClient } from './client.js';
import { HudConfig } from './config.js';
import { HUD_FACTS } from './facts.js';
import { leaseRegistration } from './interfaces/lease-registration.js';
import { saleContract } from './interfaces/sale-contract.js';

export default defineAgency({
  id: 'hud',
  name: '青岛市住房和城乡建设局 (HUD)',
  configSchema: HudConfig,
  createClient: (ctx) => createHudClient(ctx),
  connectors: [saleContract, leaseRegistration],
  facts: HUD_FACTS,
});

export { saleContract, leaseRegistration };
export { saleContractsFact, leasesFact } from './facts.js';
export { createHudClient, type HudClient, type HudClientOptions } from './client.js';
export { HudConfig } from './config.js';
