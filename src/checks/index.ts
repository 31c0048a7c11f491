/**
 * The check catalog. A request names checks by `type`; a profile lists them in its
 * requirements. Adding a check is one `defineCheck` in this folder and one line here.
 */
import type { CheckDefinition } from './types.js';
import { identityMatches, parentChild } from './identity.js';
import { hukouMatchesLease, hukouMatchesProperty, hukouRegisteredBefore, inSchoolZone } from './residence.js';
import { propertyRegisteredBefore, propertyUnrestricted, saleContractFiledBefore } from './property.js';
import { leaseActiveOn, residencePermitValidOn } from './residency.js';
import { employmentRegistered, enterpriseActive, insuranceContinuousMonths } from './work.js';
import { assistanceActive, studentEnrolledIn } from './standing.js';

export const CHECKS: readonly CheckDefinition[] = [
  identityMatches,
  parentChild,
  hukouMatchesProperty,
  hukouMatchesLease,
  inSchoolZone,
  hukouRegisteredBefore,
  propertyRegisteredBefore,
  propertyUnrestricted,
  saleContractFiledBefore,
  residencePermitValidOn,
  leaseActiveOn,
  insuranceContinuousMonths,
  employmentRegistered,
  enterpriseActive,
  assistanceActive,
  studentEnrolledIn,
] as unknown as CheckDefinition[];

const BY_TYPE = new Map(CHECKS.map((c) => [c.type, c]));

export function checkByType(type: string): CheckDefinition | undefined {
  return BY_TYPE.get(type);
}

export const CHECK_TYPES: readonly string[] = CHECKS.map((c) => c.type);
