/**
 * The expected admission outcome of every scenario family: one table that the scenario
 * tests assert (test/checks/scenario-outcomes.test.ts) and the README shows (rendered by
 * `outcomeTable()`, kept in step by test/checks/readme-outcomes.test.ts).
 *
 * `checks` lists, by check id without the guardian (`work/enterprise.active` stands for
 * `…@father` and `…@mother`), the results each of those checks may have, as `result` or
 * `result:code`. A check not listed must pass. `unmet` is exactly the requirements not met.
 */
import type { ScenarioFamily } from '../../schemas/population.js';

export interface ScenarioOutcome {
  family: ScenarioFamily;
  /** null: not an applicant family (no child), nothing to decide. */
  profile: string | null;
  /** The member sent with role child (default `child`); the others but grandparents are guardians. */
  child?: string;
  outcome?: 'verified' | 'review';
  unmet?: string[];
  /** Requirement → the alternative that met it, where that is the point of the family. */
  metBy?: Record<string, string>;
  /** Check ids (without the guardian) that must pass for at least one guardian. */
  somePass?: string[];
  checks?: Record<string, string[]>;
  /** What the README says about the row. */
  note: string;
}

const LOCAL = 'qingdao.primary.local';
const MIGRANT = 'qingdao.primary.migrant';
const NO_CONTRACT = { 'residence/saleContract.filedBefore': ['fail:no_contract'] };
const MIGRANT_NO_HOME_OR_BUSINESS = { 'home/property.registeredBefore': ['fail:no_property'], 'work/enterprise.active': ['fail:no_enterprise'] };
const BY_HOUSEHOLD = { 'relationship/relationship.parentChild': ['pass:same_household'] };
const NO_PROPERTY = {
  'residence/residence.hukouMatchesProperty': ['fail:no_property'],
  'residence/property.registeredBefore': ['fail:no_property'],
  'residence/property.unrestricted': ['fail:no_property'],
};

export const SCENARIO_OUTCOMES: ScenarioOutcome[] = [
  { family: 'house-hukou-match', profile: LOCAL, outcome: 'verified', metBy: { residence: 'property' }, checks: { ...NO_CONTRACT }, note: 'hukou at the parents’ own flat since before the cut-off' },
  { family: 'joint-ownership', profile: LOCAL, outcome: 'verified', metBy: { residence: 'property' }, checks: { ...NO_CONTRACT }, note: 'the flat is held jointly: either owner counts' },
  { family: 'mortgaged-property', profile: LOCAL, outcome: 'verified', checks: { 'residence/property.unrestricted': ['pass:unrestricted'], ...NO_CONTRACT }, note: 'a mortgage does not block' },
  { family: 'divorced-parents', profile: LOCAL, outcome: 'verified', checks: { ...NO_CONTRACT }, note: 'the hukou is at the home of the parent it is with' },
  { family: 'no-birth-certificate', profile: LOCAL, outcome: 'verified', checks: { ...NO_CONTRACT, ...BY_HOUSEHOLD }, note: 'no birth certificate: the household shows parent and child' },
  { family: 'twins', profile: LOCAL, outcome: 'verified', checks: { ...NO_CONTRACT }, note: 'the first twin' },
  { family: 'twins', profile: LOCAL, child: 'twin', outcome: 'verified', checks: { ...NO_CONTRACT }, note: 'the second twin, same parents and home' },
  { family: 'contract-no-certificate', profile: LOCAL, outcome: 'verified', metBy: { residence: 'contract' }, checks: { ...NO_PROPERTY }, note: 'a filed purchase contract stands in for the certificate' },
  { family: 'hukou-under-two-years', profile: LOCAL, outcome: 'verified', checks: { ...NO_CONTRACT }, note: 'hukou moved in 14–22 months ago: enough for the city' },
  {
    family: 'hukou-under-two-years', profile: 'shinan.primary.local', outcome: 'review', unmet: ['hukouSince'],
    checks: { 'hukouSince/hukou.registeredBefore': ['fail:registered_after_cutoff'], ...NO_CONTRACT }, note: 'not enough for 市南区, which asks two years',
  },
  {
    family: 'hukou-at-grandparents', profile: LOCAL, outcome: 'review', unmet: ['residence'],
    checks: { ...NO_PROPERTY, 'residence/residence.hukouMatchesProperty': ['fail:no_property', 'fail:hukou_elsewhere'], ...NO_CONTRACT },
    note: 'the hukou is at the grandparents’ home, not the parents’',
  },
  { family: 'low-income', profile: LOCAL, outcome: 'review', unmet: ['residence'], checks: { ...NO_PROPERTY, ...NO_CONTRACT }, note: 'public housing: no home of their own (assistance is a priority category on top)' },
  { family: 'seized-property', profile: LOCAL, outcome: 'review', unmet: ['residence'], checks: { 'residence/property.unrestricted': ['fail:seized'], ...NO_CONTRACT }, note: 'the home is seized by a court' },
  {
    family: 'late-property', profile: LOCAL, outcome: 'review', unmet: ['residence', 'hukouSince'],
    checks: { 'residence/property.registeredBefore': ['fail:registered_after_cutoff'], 'hukouSince/hukou.registeredBefore': ['fail:registered_after_cutoff'], ...NO_CONTRACT },
    note: 'home and hukou registered after the cut-off',
  },
  { family: 'late-hukou-move', profile: LOCAL, outcome: 'review', unmet: ['hukouSince'], checks: { 'hukouSince/hukou.registeredBefore': ['fail:registered_after_cutoff'], ...NO_CONTRACT }, note: 'the hukou moved in after the cut-off' },
  { family: 'outside-school-zone', profile: LOCAL, outcome: 'review', unmet: ['zone'], checks: { 'zone/residence.inSchoolZone': ['fail:outside_zone'], ...NO_CONTRACT }, note: 'the home lies in another school’s zone' },
  {
    family: 'name-mismatch', profile: LOCAL, outcome: 'review', unmet: ['identity'],
    checks: { 'identity/child': ['pass', 'fail:name_mismatch'], 'identity/guardian': ['pass', 'fail:name_mismatch'], ...NO_CONTRACT },
    note: 'one member’s name is sent with a homophone',
  },
  {
    family: 'unknown-person', profile: LOCAL, outcome: 'review', unmet: ['identity', 'relationship', 'residence', 'hukouSince', 'zone'],
    checks: {
      'identity/child': ['fail:unknown_person'], 'identity/guardian': ['fail:unknown_person'], 'relationship/relationship.parentChild': ['fail:no_proof_of_parenthood'],
      'residence/residence.hukouMatchesProperty': ['fail:no_hukou'], 'residence/property.registeredBefore': ['fail:no_hukou'], 'residence/property.unrestricted': ['fail:no_hukou'],
      'residence/saleContract.filedBefore': ['fail:no_hukou'], 'hukouSince/hukou.registeredBefore': ['fail:no_hukou'], 'zone/residence.inSchoolZone': ['fail:no_hukou'],
    },
    note: 'no registry knows them',
  },
  { family: 'grade-six-pupil', profile: 'qingdao.junior.local', outcome: 'verified', checks: { 'pupil/student.enrolledIn': ['pass:enrolled'], ...NO_CONTRACT }, note: 'in grade 6, hukou at the family’s home in the junior school’s zone' },
  { family: 'migrant-lease-permit', profile: MIGRANT, outcome: 'verified', metBy: { home: 'lease', work: 'insurance' }, checks: { ...MIGRANT_NO_HOME_OR_BUSINESS, ...BY_HOUSEHOLD }, note: 'permits, a lease in force, 12+ months of insurance' },
  {
    family: 'sole-trader', profile: MIGRANT, outcome: 'verified', somePass: ['work/enterprise.active'],
    checks: { 'home/property.registeredBefore': ['fail:no_property'], 'work/enterprise.active': ['pass:enterprise_active', 'fail:no_enterprise'], 'work/socialInsurance.continuousMonths': ['fail:no_insurance', 'fail:too_few_months', 'pass'], ...BY_HOUSEHOLD },
    note: 'a business held over 12 months instead of insurance',
  },
  {
    family: 'short-insurance', profile: MIGRANT, outcome: 'review', unmet: ['work'],
    checks: { 'work/socialInsurance.continuousMonths': ['fail:too_few_months', 'fail:no_insurance'], ...MIGRANT_NO_HOME_OR_BUSINESS, ...BY_HOUSEHOLD }, note: 'fewer than 12 months of insurance',
  },
  {
    family: 'insurance-gap', profile: MIGRANT, outcome: 'review', unmet: ['work'],
    checks: { 'work/socialInsurance.continuousMonths': ['fail:too_few_months', 'fail:no_insurance'], ...MIGRANT_NO_HOME_OR_BUSINESS, ...BY_HOUSEHOLD }, note: 'a gap in the last 12 months restarts the count',
  },
  {
    family: 'deregistered-enterprise', profile: MIGRANT, outcome: 'review', unmet: ['work'],
    checks: { 'home/property.registeredBefore': ['fail:no_property'], 'work/enterprise.active': ['fail:enterprise_not_active', 'fail:no_enterprise'], 'work/socialInsurance.continuousMonths': ['fail:no_insurance'], ...BY_HOUSEHOLD },
    note: 'the business is cancelled, and nobody is insured',
  },
  {
    family: 'expired-permit', profile: MIGRANT, outcome: 'review', unmet: ['permit'],
    checks: { 'permit/residencePermit.validOn': ['fail:permit_expired'], ...MIGRANT_NO_HOME_OR_BUSINESS, ...BY_HOUSEHOLD }, note: 'both residence permits expired',
  },
  {
    family: 'expired-lease', profile: MIGRANT, outcome: 'review', unmet: ['home'],
    checks: { 'home/lease.activeOn': ['fail:lease_expired'], ...MIGRANT_NO_HOME_OR_BUSINESS, ...BY_HOUSEHOLD }, note: 'the lease ended',
  },
  { family: 'many-properties', profile: null, note: 'one owner, no child: exercises paging' },
];

/** The requirement a check id belongs to, and the id without its guardian. */
export const baseId = (id: string) => id.replace(/@.*$/, '');

/** The README's table: family → profile → outcome → unmet requirements and their reasons. */
export function outcomeTable(): string {
  const lines = ['| Scenario family | Profile | Outcome | Unmet requirements: reasons | |', '|---|---|---|---|---|'];
  for (const r of SCENARIO_OUTCOMES) {
    const family = r.child ? `${r.family} (${r.child})` : r.family;
    if (r.profile === null) {
      lines.push(`| ${family} | — | — | — | ${r.note} |`);
      continue;
    }
    const reasons = (r.unmet ?? []).map((req) => {
      const codes = Object.entries(r.checks ?? {})
        .filter(([id]) => id.startsWith(`${req}/`))
        .flatMap(([, results]) => results.filter((x) => !x.startsWith('pass')).map((x) => x.replace(/^\w+:/, '')));
      return `${req}: ${[...new Set(codes)].map((c) => `\`${c}\``).join(', ')}`;
    });
    lines.push(`| ${family} | ${r.profile} | ${r.outcome} | ${reasons.join('; ') || '—'} | ${r.note} |`);
  }
  return lines.join('\n');
}
