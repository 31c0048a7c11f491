/**
 * 青岛市民政局 (MCA): marriage registrations and social assistance (低保/特困).
 * Protocol style F (DESIGN.md §2): an asynchronous exchange, a job submitted and then polled
 * until done or failed, inside one connector call (client.ts). The folder follows
 * connectors/README.md.
 */
import { defineAgency } from '../../src/connectors/types.js';
import { createMcaClient } from './client.js';
import { McaConfig } from './config.js';
import { MCA_FACTS } from './facts.js';
import { assistance } from './interfaces/assistance.js';
import { marriage } from './interfaces/marriage.js';

export default defineAgency({
  id: 'mca',
  name: '青岛市民政局 (MCA)',
  configSchema: McaConfig,
  createClient: createMcaClient,
  connectors: [marriage, assistance],
  facts: MCA_FACTS,
});

export { marriage, assistance };
export { marriageFact, assistanceFact } from './facts.js';
export { createMcaClient, pause, pollDelays, McaCallAborted, type McaClient } from './client.js';
export { McaConfig } from './config.js';
