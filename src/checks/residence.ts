/** Where the child's hukou is: at the family's own home (房户一致), at its registered lease, in the school's zone, since when. */
import { Type } from '@sinclair/typebox';
import type { ZonedSchool, SchoolDistrict } from '../../schemas/facts/edu.js';
import type { SaleContracts, Leases } from '../../schemas/facts/hud.js';
import type { Properties } from '../../schemas/facts/nrp.js';
import type { Hukou } from '../../schemas/facts/psb.js';
import { SchoolCode } from '../../schemas/facts/edu.js';
import { defineCheck, type CheckEvidence, type FactView } from './types.js';
import { CutOff, activeOn, addressUnreadable, fail, factOf, pass, recordsOf, sourceUnavailable, SubjectRef, SubjectRefs } from './outcome.js';
import { atAddress, hukouOf, noHukou } from './hukou.js';

/**
 * 房户一致: the child's hukou address is a residential property held (alone or jointly) by
 * one of the owners. With `acceptContract`, a filed purchase contract of an owner at that
 * address stands in for the certificate.
 */
export const hukouMatchesProperty = defineCheck({
  type: 'residence.hukouMatchesProperty',
  title: { zh: '房户一致', en: 'hukou at the guardians’ own home' },
  params: Type.Object({
    child: SubjectRef,
    owners: SubjectRefs,
    acceptContract: Type.Optional(Type.Boolean({ description: 'a filed purchase contract at the hukou address stands in for a certificate (default false)' })),
  }, { additionalProperties: false }),
  subjects: { child: 'one', owners: 'many' },
  usesAsOf: false,
  paperProof: { zh: '户口簿及监护人名下的不动产权证书', en: 'the household register booklet and the guardian’s property certificate' },
  needs: (p) => [[p.child, 'hukou'], ...p.owners.map((o): [string, string] => [o, 'properties']),
    ...(p.acceptContract ? p.owners.map((o): [string, string] => [o, 'saleContracts']) : [])],
  evaluate(p, ctx) {
    const props = factOf<Properties>(ctx, p.owners, 'properties');
    const contracts = p.acceptContract ? factOf<SaleContracts>(ctx, p.owners, 'saleContracts') : [];
    const h = hukouOf(ctx, p.child, [...props, ...contracts].map((x) => x.view));
    if (!h.ok) return h.outcome;
    const homes = recordsOf(props).filter(({ record }) => record.use === 'residential');
    const match = atAddress(h.address, homes);
    if (match.same.length) {
      const { ref, record } = match.same[0]!;
      return pass('hukou_at_property', '户籍地址与监护人名下住宅地址一致', 'the hukou address is a residential property of the guardian',
        [h.evidence, { subject: ref, fact: 'properties', record: record.certificateNumber, values: { addressNormalized: record.addressNormalized, coOwnership: record.coOwnership } }]);
    }
    const filed = recordsOf(contracts).filter(({ record }) => record.status === 'filed');
    const byContract = atAddress(h.address, filed);
    if (byContract.same.length) {
      const { ref, record } = byContract.same[0]!;
      return pass('contract_stands_in', '户籍地址与监护人已备案的商品房买卖合同地址一致（尚未办理不动产权证书）', 'the hukou address is the flat of the guardian’s filed purchase contract (no certificate yet)',
        [h.evidence, { subject: ref, fact: 'saleContracts', record: record.contractNumber, values: { addressNormalized: record.addressNormalized, filedOn: record.filedOn } }]);
    }
    const views: FactView<unknown>[] = [...props, ...contracts].map((x) => x.view);
    if (views.some((v) => v.status === 'unavailable')) return sourceUnavailable(views, [h.evidence]);
    if (match.unreadable + byContract.unreadable > 0) return addressUnreadable({ zh: '监护人名下房产地址', en: 'the address of a guardian’s property' }, [h.evidence]);
    const compared: CheckEvidence[] = [h.evidence,
      ...homes.map(({ ref, record }) => ({ subject: ref, fact: 'properties', record: record.certificateNumber, values: { addressNormalized: record.addressNormalized } })),
      ...filed.map(({ ref, record }) => ({ subject: ref, fact: 'saleContracts', record: record.contractNumber, values: { addressNormalized: record.addressNormalized } }))];
    if (homes.length + filed.length === 0) {
      return p.acceptContract
        ? fail('no_property', '监护人名下无住宅房产，亦无已备案的购房合同', 'the guardians hold no residential property and no filed purchase contract', compared)
        : fail('no_property', '监护人名下无住宅房产', 'the guardians hold no residential property', compared);
    }
    const part = match.nearest ?? byContract.nearest!;
    return fail('hukou_elsewhere', `户籍地址不在监护人名下任何住宅（${part.zh}不同）`, `the hukou address is none of the guardians’ residential properties (the ${part.en} differs)`, compared);
  },
});

/** The child's hukou address is the dwelling of a lease of a tenant that is in force on the reference date. */
export const hukouMatchesLease = defineCheck({
  type: 'residence.hukouMatchesLease',
  title: { zh: '户籍与租赁房屋一致', en: 'hukou at the registered lease' },
  params: Type.Object({ child: SubjectRef, tenants: SubjectRefs }, { additionalProperties: false }),
  subjects: { child: 'one', tenants: 'many' },
  usesAsOf: true,
  paperProof: { zh: '户口簿及房屋租赁登记备案证明', en: 'the household register booklet and the registered lease' },
  needs: (p) => [[p.child, 'hukou'], ...p.tenants.map((t): [string, string] => [t, 'leases'])],
  evaluate(p, ctx) {
    const leases = factOf<Leases>(ctx, p.tenants, 'leases');
    const h = hukouOf(ctx, p.child, leases.map((l) => l.view));
    if (!h.ok) return h.outcome;
    const inForce = recordsOf(leases).filter(({ record }) => activeOn(ctx.asOf, record.startOn, record.endOn));
    const match = atAddress(h.address, inForce);
    if (match.same.length) {
      const { ref, record } = match.same[0]!;
      return pass('hukou_at_lease', '户籍地址与监护人在租的登记租赁房屋一致', 'the hukou address is the dwelling of the guardian’s lease in force',
        [h.evidence, { subject: ref, fact: 'leases', record: record.registrationNumber, values: { addressNormalized: record.addressNormalized, startOn: record.startOn, endOn: record.endOn } }]);
    }
    if (leases.some((l) => l.view.status === 'unavailable')) return sourceUnavailable(leases.map((l) => l.view), [h.evidence]);
    if (match.unreadable) return addressUnreadable({ zh: '租赁房屋地址', en: 'the address of a lease' }, [h.evidence]);
    const compared: CheckEvidence[] = [h.evidence, ...inForce.map(({ ref, record }) => ({ subject: ref, fact: 'leases', record: record.registrationNumber, values: { addressNormalized: record.addressNormalized } }))];
    if (!inForce.length) return fail('no_active_lease', `监护人在${ctx.asOf}无有效的登记租赁`, `the guardians have no registered lease in force on ${ctx.asOf}`, compared);
    return fail('hukou_elsewhere', `户籍地址不是监护人在租的房屋（${match.nearest!.zh}不同）`, `the hukou address is not the leased dwelling (the ${match.nearest!.en} differs)`, compared);
  },
});

/** The subject's hukou address lies in the zone of the school applied to. */
export const inSchoolZone = defineCheck({
  type: 'residence.inSchoolZone',
  title: { zh: '学区划片', en: 'in the school’s zone' },
  params: Type.Object({ subject: SubjectRef, schoolCode: SchoolCode }, { additionalProperties: false }),
  subjects: { subject: 'one' },
  usesAsOf: false,
  paperProof: { zh: '由学校现场核实居住地址', en: 'an address check by the school' },
  needs: (p) => [[p.subject, 'schoolDistrict']],
  evaluate(p, ctx) {
    const view = ctx.fact<SchoolDistrict>(p.subject, 'schoolDistrict');
    if (view.status === 'unavailable') return sourceUnavailable([view]);
    if (view.status === 'not_found') return noHukou();
    const zone = view.value;
    const evidence: CheckEvidence[] = [{ subject: p.subject, fact: 'schoolDistrict', record: p.schoolCode, values: { addressNormalized: zone.addressNormalized, zonedFor: zone.schools.map((s: ZonedSchool) => s.schoolCode) } }];
    if (zone.addressNormalized === null || zone.addressNormalized.district === null) return addressUnreadable({ zh: '户籍地址', en: 'the hukou address' }, evidence);
    const school = zone.schools.find((s) => s.schoolCode === p.schoolCode);
    if (school) return pass('in_zone', `户籍地址在${school.schoolName}的划片范围内`, `the hukou address lies in the zone of ${school.schoolName}`, evidence);
    const names = zone.schools.map((s) => s.schoolName).join('、');
    return zone.schools.length
      ? fail('outside_zone', `户籍地址不在所报学校的划片范围内（对口学校：${names}）`, `the hukou address lies outside the zone of the school applied to (it is zoned for ${names})`, evidence)
      : fail('outside_zone', '户籍地址不在任何学校的划片范围内', 'the hukou address lies in no school zone', evidence);
  },
});

/** The subject's hukou was registered at its present address on or before the cut-off. */
export const hukouRegisteredBefore = defineCheck({
  type: 'hukou.registeredBefore',
  title: { zh: '户籍迁入时间', en: 'hukou registered by the cut-off' },
  params: Type.Object({ subject: SubjectRef, onOrBefore: CutOff }, { additionalProperties: false }),
  subjects: { subject: 'one' },
  usesAsOf: false,
  paperProof: { zh: '载明迁入日期的户口簿', en: 'the household register booklet showing the date moved in' },
  needs: (p) => [[p.subject, 'hukou']],
  evaluate(p, ctx) {
    // The date does not need a readable address: only a silent registry or no hukou stops it.
    const view = ctx.fact<Hukou>(p.subject, 'hukou');
    if (view.status === 'unavailable') return sourceUnavailable([view]);
    if (view.status === 'not_found') return noHukou();
    const value = view.value;
    const evidence: CheckEvidence[] = [{ subject: p.subject, fact: 'hukou', record: value.householdNumber, values: { registeredOn: value.registeredOn, onOrBefore: p.onOrBefore } }];
    if (value.registeredOn <= p.onOrBefore) {
      return pass('registered_in_time', `户籍于${value.registeredOn}迁入现址，不晚于${p.onOrBefore}`, `the hukou was registered at its address on ${value.registeredOn}, by the cut-off ${p.onOrBefore}`, evidence);
    }
    return fail('registered_after_cutoff', `户籍于${value.registeredOn}迁入现址，晚于截止日期${p.onOrBefore}`, `the hukou was registered at its address on ${value.registeredOn}, after the cut-off ${p.onOrBefore}`, evidence);
  },
});
