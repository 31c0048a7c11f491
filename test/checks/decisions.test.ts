/**
 * Each check's decisions over hand-made normalized facts: the boundaries the scenario
 * families do not all reach (a gap that restarts the count, an expired seizure, a
 * neighbouring flat, one owner's registry silent while another's proves the claim).
 * Addresses are written as each agency writes them and read by the gateway's normalizer.
 */
import t from 'tap';
import { checkByType } from '../../src/checks/index.js';
import type { CheckContext, CheckOutcome, FactView } from '../../src/checks/types.js';
import { parseAddress } from '../../src/domain/address.js';
import { maskIdNumber } from '../../src/domain/id-number.js';

const CHILD = '370202201905150010';
const FATHER = '370202198803120031';
const MOTHER = '370203199001010026';

type Facts = Record<string, FactView<unknown>>;
const found = (value: unknown): FactView<unknown> => ({ status: 'found', value });
const NOT_FOUND: FactView<unknown> = { status: 'not_found' };
const SILENT = (source: string): FactView<unknown> => ({ status: 'unavailable', sources: [`${source}: timeout`] });

function run(type: string, params: Record<string, unknown>, facts: Facts, asOf = '2026-09-01'): CheckOutcome {
  const ids: Record<string, string> = { child: CHILD, father: FATHER, mother: MOTHER };
  const ctx: CheckContext = {
    fact: <T>(ref: string, fact: string) => (facts[`${ref}.${fact}`] ?? NOT_FOUND) as FactView<T>,
    person: (ref) => ({ kind: 'person', ref, idNumber: ids[ref]!, name: '某某' }),
    asOf,
  };
  return checkByType(type)!.evaluate(params as never, ctx);
}

const hukou = (address: string, registeredOn = '2020-03-01') => found({
  address, addressNormalized: parseAddress(address), districtCode: '370202', householdNumber: '370202001234', relationToHead: 'child', registeredOn, kind: 'family',
});
const home = (address: string, o: Partial<{ use: string; registeredOn: string; restrictions: unknown[] | null; certificateNumber: string }> = {}) => ({
  certificateNumber: o.certificateNumber ?? '鲁(2019)青岛市不动产权第0012345号', address, addressNormalized: parseAddress(address), areaM2: 89.5,
  use: o.use ?? 'residential', coOwnership: 'joint', ownerCount: 2, sharePercent: null, registeredOn: o.registeredOn ?? '2019-06-01',
  restrictions: o.restrictions === undefined ? [] : o.restrictions,
});
const PSB_FLAT = '山东省青岛市市南区福州南路88号3号楼2单元501户';
const NRP_FLAT = '青岛市市南区福州南路88号3栋2单元501室';
const HUD_FLAT = '市南区福州南路88号3-2-501';

t.test('房户一致 compares the flat however each agency writes it', async (t) => {
  let out = run('residence.hukouMatchesProperty', { child: 'child', owners: ['father', 'mother'] }, {
    'child.hukou': hukou(PSB_FLAT), 'father.properties': found([]), 'mother.properties': found([home(NRP_FLAT)]),
  });
  t.equal(out.result, 'pass');
  t.equal(out.reason.code, 'hukou_at_property');
  t.same(out.evidence.map((e) => [e.subject, e.fact, e.record]), [['child', 'hukou', '370202001234'], ['mother', 'properties', '鲁(2019)青岛市不动产权第0012345号']]);

  out = run('residence.hukouMatchesProperty', { child: 'child', owners: ['father'] }, {
    'child.hukou': hukou(PSB_FLAT), 'father.properties': found([home('青岛市市南区福州南路88号3栋2单元502室')]),
  });
  t.equal(out.result, 'fail', 'the neighbouring flat is another dwelling');
  t.equal(out.reason.code, 'hukou_elsewhere');
  t.match(out.reason.en, /room differs/);

  out = run('residence.hukouMatchesProperty', { child: 'child', owners: ['father'] }, {
    'child.hukou': hukou(PSB_FLAT), 'father.properties': found([home(NRP_FLAT, { use: 'commercial' })]),
  });
  t.equal(out.reason.code, 'no_property', 'a shop at the address is not a home');

  out = run('residence.hukouMatchesProperty', { child: 'child', owners: ['father'], acceptContract: true }, {
    'child.hukou': hukou(PSB_FLAT), 'father.properties': NOT_FOUND,
    'father.saleContracts': found([{ contractNumber: 'YS2024-0001', address: HUD_FLAT, addressNormalized: parseAddress(HUD_FLAT), filedOn: '2024-05-01', status: 'filed', areaM2: 90, priceFen: 1, developerCreditCode: 'x', developerName: 'x', buyerCount: 1 }]),
  });
  t.equal(out.result, 'pass');
  t.equal(out.reason.code, 'contract_stands_in', 'a filed contract at the hukou address stands in where allowed');

  out = run('residence.hukouMatchesProperty', { child: 'child', owners: ['father', 'mother'] }, {
    'child.hukou': hukou(PSB_FLAT), 'father.properties': SILENT('nrp.property-by-owner'), 'mother.properties': found([home(NRP_FLAT)]),
  });
  t.equal(out.result, 'pass', 'one owner’s registry silent, the other owner’s home proves it');

  out = run('residence.hukouMatchesProperty', { child: 'child', owners: ['father', 'mother'] }, {
    'child.hukou': hukou(PSB_FLAT), 'father.properties': SILENT('nrp.property-by-owner'), 'mother.properties': found([]),
  });
  t.equal(out.result, 'undetermined', 'the silent owner might hold it: never fail for data not received');
  t.same(out.unavailable, ['nrp.property-by-owner: timeout']);

  out = run('residence.hukouMatchesProperty', { child: 'child', owners: ['father'] }, {
    'child.hukou': hukou('河南省周口市项城市光明路12号'), 'father.properties': found([home(NRP_FLAT)]),
  });
  t.equal(out.result, 'undetermined');
  t.equal(out.reason.code, 'address_unreadable');
});

t.test('a mortgage does not block, a seizure does until it is lifted, an unknown restriction list decides nothing', async (t) => {
  const mortgage = { kind: 'mortgage', registeredOn: '2019-06-02', until: '2049-06-01', authority: '中国建设银行青岛分行' };
  const seizure = (until: string | null) => ({ kind: 'seizure', registeredOn: '2025-01-10', until, authority: '青岛市市南区人民法院' });
  const params = { owners: ['father'], child: 'child' };
  const facts = (restrictions: unknown[] | null): Facts => ({ 'child.hukou': hukou(PSB_FLAT), 'father.properties': found([home(NRP_FLAT, { restrictions })]) });
  t.equal(run('property.unrestricted', params, facts([mortgage])).reason.code, 'unrestricted');
  t.equal(run('property.unrestricted', params, facts([mortgage, seizure(null)])).reason.code, 'seized');
  t.equal(run('property.unrestricted', params, facts([seizure('2026-03-01')])).result, 'pass', 'a seizure lifted before the reference date');
  t.equal(run('property.unrestricted', params, facts([seizure('2026-03-01')]), '2026-02-01').result, 'fail', 'judged on the reference date, not the clock');
  t.equal(run('property.unrestricted', params, facts(null)).result, 'undetermined', 'the restriction query failed');
  t.equal(run('property.unrestricted', { ...params, blocking: ['seizure', 'mortgage'] }, facts([mortgage])).reason.code, 'restricted');
});

t.test('cut-off dates are inclusive and compared as dates', async (t) => {
  const p = (registeredOn: string) => run('property.registeredBefore', { owners: ['father'], child: 'child', onOrBefore: '2025-08-31' },
    { 'child.hukou': hukou(PSB_FLAT), 'father.properties': found([home(NRP_FLAT, { registeredOn })]) });
  t.equal(p('2025-08-31').result, 'pass');
  t.equal(p('2025-09-01').reason.code, 'registered_after_cutoff');
  const h = (registeredOn: string) => run('hukou.registeredBefore', { subject: 'child', onOrBefore: '2025-08-31' }, { 'child.hukou': hukou(PSB_FLAT, registeredOn) });
  t.equal(h('2025-08-31').result, 'pass');
  t.equal(h('2025-09-01').result, 'fail');
  t.match(h('2025-09-01').reason.zh, /2025-09-01.*晚于截止日期2025-08-31/);
  t.equal(run('hukou.registeredBefore', { subject: 'child', onOrBefore: '2025-08-31' }, {}).reason.code, 'no_hukou');
});

t.test('social insurance: consecutive paid months up to the reference month; a gap restarts the count', async (t) => {
  const months = (from: string, to: string, skip: string[] = []) => {
    const out: { month: string; employerCreditCode: string; baseFen: number }[] = [];
    let y = Number(from.slice(0, 4));
    let m = Number(from.slice(4));
    for (;;) {
      const ym = `${y}${String(m).padStart(2, '0')}`;
      if (!skip.includes(ym)) out.push({ month: ym, employerCreditCode: '91370200MA3C5LXX1Y', baseFen: 500000 });
      if (ym === to) return out;
      m === 12 ? (y++, (m = 1)) : m++;
    }
  };
  const si = (list: unknown[]) => ({ 'father.socialInsurance': found({ insured: true, employerCreditCode: null, employerName: null, city: '青岛市', months: list, latestMonth: null, continuousMonthsToLatest: 0 }) });
  const check = (list: unknown[], asOf = '2026-09-01') => run('socialInsurance.continuousMonths', { subject: 'father', atLeast: 12 }, si(list), asOf);
  let out = check(months('202509', '202609'));
  t.equal(out.result, 'pass');
  t.same(out.evidence[0]!.values, { from: '202509', to: '202609', consecutiveMonths: 13, atLeast: 12 });
  out = check(months('202509', '202608'));
  t.equal(out.result, 'pass', 'the reference month not booked yet: the count ends at the month before');
  out = check(months('202401', '202609', ['202603']));
  t.equal(out.reason.code, 'too_few_months', '30 paid months, but only 6 since the gap');
  t.equal(out.evidence[0]!.values!.consecutiveMonths, 6);
  t.match(out.reason.en, /202603 is unpaid/);
  t.equal(check(months('202301', '202605')).reason.code, 'lapsed', 'stopped paying months ago');
  t.equal(check(months('202509', '202609'), '2026-05-15').result, 'fail', 'months after the reference date do not count');
  t.equal(check([]).reason.code, 'no_insurance');
});

t.test('permits, leases, employment, businesses, assistance and grades against the reference date', async (t) => {
  const permit = (validUntil: string, address = '市南区福州南路88号') => ({
    'father.residencePermit': found({ permitNumber: '370202-2025-000123', address, addressNormalized: parseAddress(address), issuedOn: '2025-03-01', validUntil, authority: '青岛市公安局市南分局' }),
  });
  t.equal(run('residencePermit.validOn', { subject: 'father' }, permit('2027-03-01')).result, 'pass');
  t.equal(run('residencePermit.validOn', { subject: 'father' }, permit('2026-08-31')).reason.code, 'permit_expired');
  t.equal(run('residencePermit.validOn', { subject: 'father', inDistrict: '370203' }, permit('2027-03-01')).reason.code, 'permit_other_district');
  t.equal(run('residencePermit.validOn', { subject: 'father' }, {}).reason.code, 'no_permit');

  const lease = (startOn: string, endOn: string) => ({ registrationNumber: 'ZL-1', address: HUD_FLAT, addressNormalized: parseAddress(HUD_FLAT), startOn, endOn, monthlyRentFen: 1, tenantCount: 1, landlordIdNumberMasked: maskIdNumber(MOTHER) });
  t.equal(run('lease.activeOn', { tenants: ['father', 'mother'] }, { 'mother.leases': found([lease('2025-01-01', '2026-12-31')]) }).result, 'pass');
  t.equal(run('lease.activeOn', { tenants: ['father'] }, { 'father.leases': found([lease('2024-01-01', '2026-06-30')]) }).reason.code, 'lease_expired');
  t.equal(run('lease.activeOn', { tenants: ['father'] }, { 'father.leases': found([lease('2026-10-01', '2027-09-30')]) }).reason.code, 'lease_not_started');
  t.equal(run('lease.activeOn', { tenants: ['father'] }, {}).reason.code, 'no_lease');

  const biz = (status: string, establishedOn: string) => ({ 'father.enterprises': found([{ creditCode: '92370202MA3C5LXX1Y', name: '某某便利店', kind: 'sole_trader', status, establishedOn, address: '', addressNormalized: null, registeredCapitalFen: null, role: 'operator', checkCharacterValid: true }]) });
  t.equal(run('enterprise.active', { subject: 'father', heldMonths: 12 }, biz('active', '2025-09-01')).result, 'pass', 'exactly 12 months');
  t.equal(run('enterprise.active', { subject: 'father', heldMonths: 12 }, biz('active', '2025-09-02')).reason.code, 'held_too_briefly');
  t.equal(run('enterprise.active', { subject: 'father', heldMonths: 12 }, biz('cancelled', '2019-09-01')).reason.code, 'enterprise_not_active');
  t.equal(run('enterprise.active', { subject: 'father' }, {}).reason.code, 'no_enterprise');

  const job = (since: string, until: string | null) => ({ 'father.employment': found({ current: null, history: [{ employerCreditCode: '91370200MA3C5LXX1Y', employerName: null, since, until }] }) });
  t.equal(run('employment.registered', { subject: 'father', forMonths: 6 }, job('2025-01-01', null)).result, 'pass');
  t.equal(run('employment.registered', { subject: 'father', forMonths: 6 }, job('2026-07-01', null)).reason.code, 'employed_too_briefly');
  t.equal(run('employment.registered', { subject: 'father' }, job('2020-01-01', '2026-05-31')).reason.code, 'not_employed');

  const aid = (validUntil: string) => ({ 'child.assistance': found([{ kind: 'minimum_living', since: '2024-01-01', validUntil }]) });
  t.equal(run('assistance.active', { subject: 'child' }, aid('2026-12-31')).result, 'pass');
  t.equal(run('assistance.active', { subject: 'child' }, aid('2026-06-30')).reason.code, 'assistance_expired');
  t.equal(run('assistance.active', { subject: 'child', kinds: ['extreme_poverty'] }, aid('2026-12-31')).reason.code, 'no_assistance');

  const pupil = (grade: number, status = 'enrolled') => ({ 'child.studentStatus': found({ studentNumber: `G${CHILD}`, schoolCode: '1370202101', schoolName: null, grade, status }) });
  t.equal(run('student.enrolledIn', { subject: 'child', grade: 6 }, pupil(6)).result, 'pass');
  t.equal(run('student.enrolledIn', { subject: 'child', grade: 6 }, pupil(5)).reason.code, 'other_grade');
  t.equal(run('student.enrolledIn', { subject: 'child', grade: 6 }, pupil(6, 'suspended')).reason.code, 'not_enrolled');
});

t.test('parent and child: the birth certificate, else the household; masked numbers compared', async (t) => {
  const cert = (father: string | null) => found({
    certificateNumber: 'Q370123456', birthDate: '2019-05-15', hospital: '青岛市妇女儿童医院', childName: '某某',
    mother: { name: '某某', idNumberMasked: maskIdNumber(MOTHER) }, father: father ? { name: '某某', idNumberMasked: maskIdNumber(father) } : null,
  });
  const household = (parentRelation: string, childRelation: string) => found({
    householdNumber: '370202001234', address: PSB_FLAT, addressNormalized: parseAddress(PSB_FLAT),
    members: [
      { name: '某某', idNumberMasked: maskIdNumber(FATHER), relationToHead: parentRelation, gender: 'male', birthDate: '1988-03-12', registeredOn: '2019-06-10' },
      { name: '某某', idNumberMasked: maskIdNumber(CHILD), relationToHead: childRelation, gender: 'male', birthDate: '2019-05-15', registeredOn: '2019-06-10' },
    ],
  });
  let out = run('relationship.parentChild', { parent: 'father', child: 'child' }, { 'child.birthCertificate': cert(FATHER) });
  t.equal(out.reason.code, 'birth_certificate');
  t.same(out.evidence[0]!.values, { parent: 'father' });
  out = run('relationship.parentChild', { parent: 'father', child: 'child' }, { 'child.household': household('head', 'child') });
  t.equal(out.reason.code, 'same_household', 'no certificate: the household shows head and child');
  out = run('relationship.parentChild', { parent: 'father', child: 'child' }, { 'child.birthCertificate': cert(null), 'child.household': household('child', 'grandchild') });
  t.equal(out.reason.code, 'same_household', 'in the grandparents’ household: the head’s child and grandchild');
  out = run('relationship.parentChild', { parent: 'father', child: 'child' }, { 'child.birthCertificate': cert(null), 'child.household': household('head', 'sibling') });
  t.equal(out.reason.code, 'not_on_birth_certificate');
  out = run('relationship.parentChild', { parent: 'father', child: 'child' }, { 'child.birthCertificate': SILENT('nhc.birth-certificate'), 'child.household': household('head', 'sibling') });
  t.equal(out.result, 'undetermined');
  t.equal(run('relationship.parentChild', { parent: 'father', child: 'child' }, {}).reason.code, 'no_proof_of_parenthood');

  // A parent whose masked number is the child's (same region, same last four): two members are still needed.
  const twin = maskIdNumber(CHILD);
  const members = (relations: string[]) => found({
    householdNumber: '370202001234', address: PSB_FLAT, addressNormalized: parseAddress(PSB_FLAT),
    members: relations.map((relationToHead) => ({ name: '某某', idNumberMasked: twin, relationToHead, gender: 'male', birthDate: '2019-05-15', registeredOn: '2019-06-10' })),
  });
  const ids: Record<string, string> = { child: CHILD, father: '370202198803120010' };
  const ctx = (household: FactView<unknown>): CheckContext => ({
    fact: <T>(ref: string, fact: string) => (ref === 'child' && fact === 'household' ? household : NOT_FOUND) as FactView<T>,
    person: (ref) => ({ kind: 'person', ref, idNumber: ids[ref]!, name: '某某' }),
    asOf: '2026-09-01',
  });
  const check = checkByType('relationship.parentChild')!;
  t.equal(check.evaluate({ parent: 'father', child: 'child' } as never, ctx(members(['head', 'child']))).reason.code, 'same_household', 'head and child, two members');
  t.equal(check.evaluate({ parent: 'father', child: 'child' } as never, ctx(members(['child']))).result, 'fail', 'one member cannot be both');
});

t.test('the school zone of the hukou address', async (t) => {
  const zone = (schools: string[], address = PSB_FLAT) => ({ 'child.schoolDistrict': found({ address, addressNormalized: parseAddress(address), schools: schools.map((c) => ({ schoolCode: c, schoolName: `学校${c.slice(-2)}`, level: 'primary' })) }) });
  t.equal(run('residence.inSchoolZone', { subject: 'child', schoolCode: '1370202101' }, zone(['1370202101', '1370202201'])).reason.code, 'in_zone');
  const out = run('residence.inSchoolZone', { subject: 'child', schoolCode: '1370202102' }, zone(['1370202101']));
  t.equal(out.reason.code, 'outside_zone');
  t.match(out.reason.en, /zoned for 学校01/);
  t.equal(run('residence.inSchoolZone', { subject: 'child', schoolCode: '1370202101' }, zone([], '河南省周口市项城市光明路12号')).reason.code, 'address_unreadable');
});
