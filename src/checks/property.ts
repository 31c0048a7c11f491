/**
 * The family's home as a right: registered before the cut-off, not blocked by a seizure
 * (a mortgage does not block), or a filed purchase contract standing in for it. With
 * `child`, only the home at the child's hukou address counts (the one 房户一致 found).
 */
import { Type } from '@sinclair/typebox';
import type { SaleContractRecord, SaleContracts } from '../../schemas/facts/hud.js';
import type { Properties } from '../../schemas/facts/nrp.js';
import { StringEnum } from '../../schemas/common.js';
import { RESTRICTION_KINDS, type PropertyRestriction } from '../../schemas/facts/nrp.js';
import type { CheckContext, CheckEvidence, CheckOutcome, FactView } from './types.js';
import { defineCheck } from './types.js';
import { CutOff, activeOn, addressUnreadable, fail, factOf, pass, recordsOf, sourceUnavailable, SubjectRef, SubjectRefs } from './outcome.js';
import { atAddress, hukouOf, type Located } from './hukou.js';

type Home = Properties[number];

/**
 * The records a check judges: the owners' records that `keep` accepts, and with `child`
 * only those at the child's hukou address. An outcome instead when a source did not answer
 * or an address could not be read and no record is left to judge.
 */
function candidates<R extends Located>(ctx: CheckContext, views: { ref: string; view: FactView<R[]> }[], child: string | undefined, keep: (r: R) => boolean):
  { ok: true; records: { ref: string; record: R }[]; evidence: CheckEvidence[]; incomplete: CheckOutcome | null } | { ok: false; outcome: CheckOutcome } {
  let records = recordsOf(views).filter(({ record }) => keep(record));
  const evidence: CheckEvidence[] = [];
  let incomplete: CheckOutcome | null = views.some((v) => v.view.status === 'unavailable') ? sourceUnavailable(views.map((v) => v.view)) : null;
  if (child !== undefined) {
    const h = hukouOf(ctx, child, views.map((v) => v.view));
    if (!h.ok) return { ok: false, outcome: h.outcome };
    evidence.push(h.evidence);
    const match = atAddress(h.address, records);
    if (match.unreadable && !incomplete) incomplete = addressUnreadable({ zh: '房产或合同地址', en: 'the address of a property or contract' }, evidence);
    records = match.same;
  }
  return { ok: true, records, evidence, incomplete };
}

const Owners = { owners: SubjectRefs, child: Type.Optional(SubjectRef) };
const needsHomes = (p: { owners: string[]; child?: string | undefined }, fact: string): [string, string][] =>
  [...p.owners.map((o): [string, string] => [o, fact]), ...(p.child !== undefined ? [[p.child, 'hukou'] as [string, string]] : [])];

const where = (child: string | undefined) => (child === undefined ? { zh: '', en: '' } : { zh: '户籍地址处的', en: ' at the hukou address' });

export const propertyRegisteredBefore = defineCheck({
  type: 'property.registeredBefore',
  title: { zh: '房产登记时间', en: 'property registered by the cut-off' },
  params: Type.Object({ ...Owners, onOrBefore: CutOff }, { additionalProperties: false }),
  subjects: { owners: 'many', child: 'one' },
  usesAsOf: false,
  paperProof: { zh: '载明登记日期的不动产权证书', en: 'the property certificate showing its registration date' },
  needs: (p) => needsHomes(p, 'properties'),
  evaluate(p, ctx) {
    const c = candidates(ctx, factOf<Properties>(ctx, p.owners, 'properties'), p.child, (r) => r.use === 'residential');
    if (!c.ok) return c.outcome;
    const w = where(p.child);
    const inTime = c.records.find(({ record }) => record.registeredOn <= p.onOrBefore);
    const cite = ({ ref, record }: { ref: string; record: Home }): CheckEvidence => ({ subject: ref, fact: 'properties', record: record.certificateNumber, values: { registeredOn: record.registeredOn, onOrBefore: p.onOrBefore } });
    if (inTime) {
      return pass('registered_in_time', `${w.zh}住宅于${inTime.record.registeredOn}登记，不晚于${p.onOrBefore}`, `the residential property${w.en} was registered on ${inTime.record.registeredOn}, by the cut-off ${p.onOrBefore}`, [...c.evidence, cite(inTime)]);
    }
    if (c.incomplete) return c.incomplete;
    if (!c.records.length) return fail('no_property', `监护人名下无${w.zh}住宅房产`, `the guardians hold no residential property${w.en}`, c.evidence);
    const first = c.records[0]!;
    return fail('registered_after_cutoff', `${w.zh}住宅于${first.record.registeredOn}登记，晚于截止日期${p.onOrBefore}`, `the residential property${w.en} was registered on ${first.record.registeredOn}, after the cut-off ${p.onOrBefore}`, [...c.evidence, ...c.records.map(cite)]);
  },
});

type RestrictionKind = PropertyRestriction['kind'];
const KIND_ZH: Record<RestrictionKind, string> = { mortgage: '抵押', seizure: '查封', sale_restriction: '限制转让', objection: '异议登记', other: '其他限制' };

export const propertyUnrestricted = defineCheck({
  type: 'property.unrestricted',
  title: { zh: '房产无查封', en: 'property not seized' },
  params: Type.Object({
    ...Owners,
    blocking: Type.Optional(Type.Array(StringEnum(RESTRICTION_KINDS), { minItems: 1, uniqueItems: true, description: 'restrictions that block (default: seizure; a mortgage never blocks by default)' })),
  }, { additionalProperties: false }),
  subjects: { owners: 'many', child: 'one' },
  usesAsOf: true,
  paperProof: { zh: '法院或登记机构出具的解除查封证明', en: 'a release of the seizure from the court or the registry' },
  needs: (p) => needsHomes(p, 'properties'),
  evaluate(p, ctx) {
    const blocking = new Set<string>(p.blocking ?? ['seizure']);
    const c = candidates(ctx, factOf<Properties>(ctx, p.owners, 'properties'), p.child, (r) => r.use === 'residential');
    if (!c.ok) return c.outcome;
    const w = where(p.child);
    const active = (record: Home) => (record.restrictions ?? []).filter((r) => activeOn(ctx.asOf, r.registeredOn, r.until));
    const cite = ({ ref, record }: { ref: string; record: Home }): CheckEvidence => ({
      subject: ref, fact: 'properties', record: record.certificateNumber, values: { restrictions: record.restrictions === null ? null : active(record).map((r) => r.kind) },
    });
    const free = c.records.find(({ record }) => record.restrictions !== null && !active(record).some((r) => blocking.has(r.kind)));
    if (free) {
      const kinds = active(free.record).map((r) => KIND_ZH[r.kind]);
      return pass('unrestricted', `${w.zh}住宅无查封${kinds.length ? `（仅有${kinds.join('、')}，不影响）` : ''}`, `the residential property${w.en} carries no seizure${kinds.length ? ` (only ${active(free.record).map((r) => r.kind).join(', ')}, which does not block)` : ''}`, [...c.evidence, cite(free)]);
    }
    if (c.incomplete) return c.incomplete;
    const unknown = c.records.filter(({ record }) => record.restrictions === null);
    if (unknown.length) {
      return sourceUnavailable([{ status: 'unavailable', sources: ['nrp.property-restrictions'] }], [...c.evidence, ...unknown.map(cite)]);
    }
    if (!c.records.length) return fail('no_property', `监护人名下无${w.zh}住宅房产`, `the guardians hold no residential property${w.en}`, c.evidence);
    const kinds = [...new Set(c.records.flatMap(({ record }) => active(record).filter((r) => blocking.has(r.kind)).map((r) => r.kind)))];
    const code = kinds.length === 1 && kinds[0] === 'seizure' ? 'seized' : 'restricted';
    return fail(code, `${w.zh}住宅存在${kinds.map((k) => KIND_ZH[k]).join('、')}登记`, `the residential property${w.en} carries a ${kinds.join(', ')}`, [...c.evidence, ...c.records.map(cite)]);
  },
});

export const saleContractFiledBefore = defineCheck({
  type: 'saleContract.filedBefore',
  title: { zh: '购房合同备案', en: 'purchase contract filed by the cut-off' },
  params: Type.Object({ buyers: SubjectRefs, child: Type.Optional(SubjectRef), onOrBefore: CutOff }, { additionalProperties: false }),
  subjects: { buyers: 'many', child: 'one' },
  usesAsOf: false,
  paperProof: { zh: '商品房买卖合同及网签备案证明', en: 'the purchase contract and its filing certificate' },
  needs: (p) => needsHomes({ owners: p.buyers, child: p.child }, 'saleContracts'),
  evaluate(p, ctx) {
    const c = candidates(ctx, factOf<SaleContracts>(ctx, p.buyers, 'saleContracts'), p.child, (r: SaleContractRecord) => r.status === 'filed');
    if (!c.ok) return c.outcome;
    const w = where(p.child);
    const cite = ({ ref, record }: { ref: string; record: SaleContractRecord }): CheckEvidence => ({ subject: ref, fact: 'saleContracts', record: record.contractNumber, values: { filedOn: record.filedOn, addressNormalized: record.addressNormalized, onOrBefore: p.onOrBefore } });
    const inTime = c.records.find(({ record }) => record.filedOn <= p.onOrBefore);
    if (inTime) {
      return pass('filed_in_time', `${w.zh}商品房买卖合同于${inTime.record.filedOn}备案，不晚于${p.onOrBefore}`, `the purchase contract${w.en} was filed on ${inTime.record.filedOn}, by the cut-off ${p.onOrBefore}`, [...c.evidence, cite(inTime)]);
    }
    if (c.incomplete) return c.incomplete;
    if (!c.records.length) return fail('no_contract', `监护人无${w.zh}已备案的商品房买卖合同`, `the guardians have no filed purchase contract${w.en}`, c.evidence);
    const first = c.records[0]!;
    return fail('filed_after_cutoff', `${w.zh}商品房买卖合同于${first.record.filedOn}备案，晚于截止日期${p.onOrBefore}`, `the purchase contract${w.en} was filed on ${first.record.filedOn}, after the cut-off ${p.onOrBefore}`, [...c.evidence, ...c.records.map(cite)]);
  },
});
