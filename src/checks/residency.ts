/** Living in the city without its hukou: a residence permit and a registered lease in force on the reference date. */
import { Type } from '@sinclair/typebox';
import type { Leases } from '../../schemas/facts/hud.js';
import type { ResidencePermit } from '../../schemas/facts/psb.js';
import { districtName } from '../domain/districts.js';
import { defineCheck, type CheckEvidence } from './types.js';
import { activeOn, addressUnreadable, fail, factOf, pass, recordsOf, sourceUnavailable, SubjectRef, SubjectRefs } from './outcome.js';

const InDistrict = Type.Optional(Type.String({ pattern: '^\\d{6}$', description: 'the address must lie in this district (GB/T 2260 code), e.g. 370202' }));

export const residencePermitValidOn = defineCheck({
  type: 'residencePermit.validOn',
  title: { zh: '居住证有效', en: 'residence permit valid' },
  params: Type.Object({ subject: SubjectRef, inDistrict: InDistrict }, { additionalProperties: false }),
  subjects: { subject: 'one' },
  usesAsOf: true,
  paperProof: { zh: '在有效期内的青岛市居住证', en: 'a Qingdao residence permit in force' },
  needs: (p) => [[p.subject, 'residencePermit']],
  evaluate(p, ctx) {
    const view = ctx.fact<ResidencePermit>(p.subject, 'residencePermit');
    if (view.status === 'unavailable') return sourceUnavailable([view]);
    if (view.status === 'not_found') return fail('no_permit', '无居住证登记', 'no residence permit is on record', []);
    const permit = view.value;
    const evidence: CheckEvidence[] = [{ subject: p.subject, fact: 'residencePermit', record: permit.permitNumber, values: { issuedOn: permit.issuedOn, validUntil: permit.validUntil, addressNormalized: permit.addressNormalized } }];
    if (permit.validUntil < ctx.asOf) return fail('permit_expired', `居住证已于${permit.validUntil}到期`, `the residence permit expired on ${permit.validUntil}`, evidence);
    if (permit.issuedOn > ctx.asOf) return fail('permit_not_yet_valid', `居住证自${permit.issuedOn}起有效，晚于${ctx.asOf}`, `the residence permit is valid only from ${permit.issuedOn}, after ${ctx.asOf}`, evidence);
    if (p.inDistrict !== undefined) {
      const d = permit.addressNormalized?.district ?? null;
      if (d === null) return addressUnreadable({ zh: '居住证地址', en: 'the residence permit address' }, evidence);
      if (d !== p.inDistrict) return fail('permit_other_district', `居住证登记地址不在${districtName(p.inDistrict)}`, `the residence permit's address is not in ${p.inDistrict}`, evidence);
    }
    return pass('permit_valid', `居住证有效期至${permit.validUntil}`, `the residence permit is valid until ${permit.validUntil}`, evidence);
  },
});

export const leaseActiveOn = defineCheck({
  type: 'lease.activeOn',
  title: { zh: '租赁登记备案有效', en: 'registered lease in force' },
  params: Type.Object({ tenants: SubjectRefs, inDistrict: InDistrict }, { additionalProperties: false }),
  subjects: { tenants: 'many' },
  usesAsOf: true,
  paperProof: { zh: '在租期内的房屋租赁登记备案证明', en: 'a registered lease in force' },
  needs: (p) => p.tenants.map((t): [string, string] => [t, 'leases']),
  evaluate(p, ctx) {
    const views = factOf<Leases>(ctx, p.tenants, 'leases');
    const all = recordsOf(views);
    const inDistrict = (d: string | null | undefined) => p.inDistrict === undefined || d === p.inDistrict;
    const cite = ({ ref, record }: (typeof all)[number]): CheckEvidence => ({ subject: ref, fact: 'leases', record: record.registrationNumber, values: { startOn: record.startOn, endOn: record.endOn, addressNormalized: record.addressNormalized } });
    const inForce = all.filter(({ record }) => activeOn(ctx.asOf, record.startOn, record.endOn));
    const good = inForce.find(({ record }) => inDistrict(record.addressNormalized?.district));
    if (good) return pass('lease_active', `登记租赁在租期内（${good.record.startOn}至${good.record.endOn}）`, `a registered lease is in force (${good.record.startOn} to ${good.record.endOn})`, [cite(good)]);
    if (views.some((v) => v.view.status === 'unavailable')) return sourceUnavailable(views.map((v) => v.view));
    if (inForce.some(({ record }) => !record.addressNormalized?.district)) return addressUnreadable({ zh: '租赁房屋地址', en: 'the address of a lease' }, inForce.map(cite));
    if (inForce.length) return fail('lease_other_district', `在租的登记租赁不在${districtName(p.inDistrict!)}`, `the lease in force is not in ${p.inDistrict}`, inForce.map(cite));
    if (!all.length) return fail('no_lease', '无房屋租赁登记备案', 'no registered lease is on record', []);
    const latest = all.reduce((a, b) => (b.record.endOn > a.record.endOn ? b : a));
    if (latest.record.endOn < ctx.asOf) return fail('lease_expired', `登记租赁已于${latest.record.endOn}到期`, `the registered lease ended on ${latest.record.endOn}`, all.map(cite));
    return fail('lease_not_started', `登记租赁自${latest.record.startOn}起租，晚于${ctx.asOf}`, `the registered lease starts only on ${latest.record.startOn}, after ${ctx.asOf}`, all.map(cite));
  },
});
