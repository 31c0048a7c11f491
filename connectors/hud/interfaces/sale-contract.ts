import { SaleContracts } from '../../../schemas/facts/hud.js';
import { defineConnector } from '../../../src/connectors/types.js';
import type { HudClient } from '../client.js';
import { toSaleContracts } from '../to-sale-contracts.js';
import { HUD_TTL } from '../ttl.js';
import { HudByIdNumberInput } from '../types.js';

/**
 * HUD 商品房网签备案查询 · `GET /api/v1/sale-contracts?buyerIdNumber=…`: the purchase
 * contracts filed for a buyer (a new flat before its certificate). No items is not_found.
 */
export const saleContract = defineConnector({
  id: 'hud.sale-contract',
  agency: 'hud',
  title: 'filed purchase contracts of a buyer (商品房网签备案)',
  dataItem: 'sale-contract-filing',
  input: HudByIdNumberInput,
  schema: SaleContracts,
  ttl: HUD_TTL.filing,
  fetch: (client: HudClient, input, signal) => client.list('sale-contracts', input.idNumber, signal),
  map: (items) => toSaleContracts(items),
});
