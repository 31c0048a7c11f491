import { Leases } from '../../../schemas/facts/hud.js';
import { defineConnector } from '../../../src/connectors/types.js';
import type { HudClient } from '../client.js';
import { toLeases } from '../to-leases.js';
import { HUD_TTL } from '../ttl.js';
import { HudByIdNumberInput } from '../types.js';

/**
 * HUD 房屋租赁登记备案查询 · `GET /api/v1/leases?tenantIdNumber=…`: the leases registered
 * with the person as a tenant (address, start, end). No items is not_found.
 */
export const leaseRegistration = defineConnector({
  id: 'hud.lease-registration',
  agency: 'hud',
  title: 'registered leases of a tenant: address, start, end (房屋租赁登记备案)',
  dataItem: 'lease-registration',
  input: HudByIdNumberInput,
  schema: Leases,
  ttl: HUD_TTL.filing,
  fetch: (client: HudClient, input, signal) => client.list('leases', input.idNumber, signal),
  map: (items) => toLeases(items),
});
