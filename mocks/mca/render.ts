/**
 * How the MCA exchange writes the population's records: camelCase JSON, ISO dates, Chinese
 * terms for statuses and kinds, the latest record first. MCA records carry no address.
 */
import type { McaAssistanceRecord, McaMarriageRecord } from '../../connectors/mca/types.js';
import type { Assistance, Marriage } from '../../schemas/population.js';

const MARRIAGE_STATUS: Record<Marriage['status'], string> = { married: '结婚', divorced: '离婚' };
const ASSISTANCE_KIND: Record<Assistance['kind'], string> = { minimum_living: '最低生活保障', extreme_poverty: '特困人员救助供养' };

/** The person's registrations, as seen from `idNumber`: the other spouse named, the latest first. */
export function marriageRecords(idNumber: string, marriages: readonly Marriage[]): McaMarriageRecord[] {
  return [...marriages]
    .sort((a, b) => b.registeredOn.localeCompare(a.registeredOn))
    .map((m) => ({
      spouseIdNumber: m.spouses[0] === idNumber ? m.spouses[1] : m.spouses[0],
      registeredOn: m.registeredOn,
      status: MARRIAGE_STATUS[m.status],
      divorcedOn: m.divorcedOn,
      authority: m.authority,
    }));
}

/** The person's entitlements, expired ones included, the latest first. */
export function assistanceRecords(records: readonly Assistance[]): McaAssistanceRecord[] {
  return [...records]
    .sort((a, b) => b.since.localeCompare(a.since))
    .map((a) => ({ kind: ASSISTANCE_KIND[a.kind], since: a.since, validUntil: a.validUntil }));
}
