import type { HukouMoves } from '../../schemas/facts/psb.js';
import { isoDate } from './fields.js';
import type { PsbQyjl } from './types.js';

type MoveKind = HukouMoves[number]['kind'];

/** 迁移类型 → kind; a type PSB adds later becomes 'other' rather than a failed answer. */
const KIND_BY_QYLX: Record<string, MoveKind> = { 出生登记: 'birth', 迁入: 'move_in', 市内迁移: 'move_within_city' };

/** qyjl → `hukouMoves`, oldest first (PSB gives no order guarantee). */
export function toHukouMoves(raw: PsbQyjl): HukouMoves {
  return [...raw.jl]
    .sort((a, b) => a.qyrq.localeCompare(b.qyrq))
    .map((r) => ({
      date: isoDate(r.qyrq),
      kind: KIND_BY_QYLX[r.qylx] ?? 'other',
      from: r.qcdz === '' ? null : r.qcdz,
      to: r.qrdz,
    }));
}
