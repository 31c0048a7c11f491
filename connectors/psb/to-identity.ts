import type { Identity } from '../../schemas/facts/psb.js';
import { gender, isoDate } from './fields.js';
import type { PsbSfhy } from './types.js';

/** sfhy → `identity`. No fallback here on purpose: the raw schema admits only the two values of each flag. */
export function toIdentity(raw: PsbSfhy): Identity {
  return {
    nameMatches: raw.ppjg === '一致',
    gender: gender(raw.xb),
    birthDate: isoDate(raw.csrq),
    alive: raw.swbz === '0',
  };
}
