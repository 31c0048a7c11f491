import { HukouMoves } from '../../../schemas/facts/psb.js';
import { defineConnector } from '../../../src/connectors/types.js';
import type { PsbClient } from '../client.js';
import { toHukouMoves } from '../to-hukou-moves.js';
import { PSB_TTL } from '../ttl.js';
import { PsbByIdNumberInput } from '../types.js';

/** PSB `qyjl` (迁移记录): hukou moves. */
export const hukouMigration = defineConnector({
  id: 'psb.hukou-migration',
  agency: 'psb',
  title: 'history of hukou moves (date, from, to)',
  dataItem: 'household-registration',
  input: PsbByIdNumberInput,
  schema: HukouMoves,
  ttl: PSB_TTL.registry,
  fetch: (client: PsbClient, input, signal) => client.query('qyjl', { sfzh: input.idNumber }, signal),
  map: (raw) => toHukouMoves(raw),
});
