/** Working in the city: social insurance paid without a gap, a registered employer, or a business of one's own. */
import { Type } from '@sinclair/typebox';
import type { Enterprises } from '../../schemas/facts/amr.js';
import type { Employment, SocialInsurance } from '../../schemas/facts/hrss.js';
import { defineCheck, type CheckEvidence } from './types.js';
import { activeOn, fail, monthOf, monthsBefore, nextMonth, pass, previousMonth, sourceUnavailable, SubjectRef } from './outcome.js';

const Months = (description: string) => Type.Integer({ minimum: 1, maximum: 240, description });

/**
 * N consecutive paid months up to the reference date. The count ends at the reference
 * month, or the month before it when that one is not yet paid (contributions are booked
 * after the month); a month without a contribution restarts it.
 */
export const insuranceContinuousMonths = defineCheck({
  type: 'socialInsurance.continuousMonths',
  title: { zh: '社保连续缴纳', en: 'social insurance paid continuously' },
  params: Type.Object({ subject: SubjectRef, atLeast: Months('consecutive paid months required') }, { additionalProperties: false }),
  subjects: { subject: 'one' },
  usesAsOf: true,
  paperProof: { zh: '社会保险经办机构盖章的缴费明细', en: 'a contribution record stamped by the social insurance agency' },
  needs: (p) => [[p.subject, 'socialInsurance']],
  evaluate(p, ctx) {
    const view = ctx.fact<SocialInsurance>(p.subject, 'socialInsurance');
    if (view.status === 'unavailable') return sourceUnavailable([view]);
    if (view.status === 'not_found' || view.value.months.length === 0) return fail('no_insurance', '无社会保险缴费记录', 'no social insurance contributions are on record', []);
    const reference = monthOf(ctx.asOf);
    const paid = new Set(view.value.months.map((m) => m.month));
    const end = paid.has(reference) ? reference : previousMonth(reference);
    let count = 0;
    let cursor = end; // ends on the first unpaid month before the run
    while (paid.has(cursor)) {
      count++;
      cursor = previousMonth(cursor);
    }
    const evidence: CheckEvidence[] = [{ subject: p.subject, fact: 'socialInsurance', values: { from: count ? nextMonth(cursor) : null, to: count ? end : null, consecutiveMonths: count, atLeast: p.atLeast } }];
    if (count >= p.atLeast) {
      return pass('continuous_months', `截至${end}已连续缴纳${count}个月社会保险（要求${p.atLeast}个月）`, `${count} consecutive months of contributions up to ${end} (${p.atLeast} required)`, evidence);
    }
    if (count === 0) return fail('lapsed', `${previousMonth(reference)}、${reference}均无缴费记录，连续缴费已中断`, `no contribution for ${previousMonth(reference)} or ${reference}: the contributions have stopped`, evidence);
    const gap = paid.size > count ? `，${cursor}未缴费，此前的月份不计入` : '';
    const gapEn = paid.size > count ? ` (${cursor} is unpaid, so earlier months do not count)` : '';
    return fail('too_few_months', `截至${end}仅连续缴纳${count}个月社会保险${gap}（要求${p.atLeast}个月）`, `only ${count} consecutive months of contributions up to ${end}${gapEn}; ${p.atLeast} required`, evidence);
  },
});

/** An employment registration in force on the reference date, held for at least `forMonths` when given. */
export const employmentRegistered = defineCheck({
  type: 'employment.registered',
  title: { zh: '就业登记', en: 'employment registered' },
  params: Type.Object({ subject: SubjectRef, forMonths: Type.Optional(Months('the registration began at least this many months before the reference date')) }, { additionalProperties: false }),
  subjects: { subject: 'one' },
  usesAsOf: true,
  paperProof: { zh: '劳动合同及就业登记证明', en: 'the labour contract and the employment registration' },
  needs: (p) => [[p.subject, 'employment']],
  evaluate(p, ctx) {
    const view = ctx.fact<Employment>(p.subject, 'employment');
    if (view.status === 'unavailable') return sourceUnavailable([view]);
    const history = view.status === 'found' ? view.value.history : [];
    const inForce = history.filter((r) => activeOn(ctx.asOf, r.since, r.until));
    const cite = (r: Employment['history'][number]): CheckEvidence => ({ subject: p.subject, fact: 'employment', record: r.employerCreditCode, values: { since: r.since, until: r.until } });
    if (!inForce.length) return fail('not_employed', `${ctx.asOf}无有效的就业登记`, `no employment registration is in force on ${ctx.asOf}`, history.map(cite));
    const since = p.forMonths === undefined ? null : monthsBefore(ctx.asOf, p.forMonths);
    const held = since === null ? inForce[0]! : inForce.find((r) => r.since <= since);
    if (held) return pass('employed', `自${held.since}起有就业登记`, `registered as employed since ${held.since}`, [cite(held)]);
    const latest = inForce[inForce.length - 1]!;
    return fail('employed_too_briefly', `就业登记始于${latest.since}，不足${p.forMonths}个月`, `the employment registration began on ${latest.since}, less than ${p.forMonths} months before ${ctx.asOf}`, inForce.map(cite));
  },
});

/**
 * A market entity the subject leads (legal representative, or operator of a sole trader)
 * is active, and was established at least `heldMonths` before the reference date.
 */
export const enterpriseActive = defineCheck({
  type: 'enterprise.active',
  title: { zh: '经营主体存续', en: 'business active' },
  params: Type.Object({ subject: SubjectRef, heldMonths: Type.Optional(Months('established at least this many months before the reference date')) }, { additionalProperties: false }),
  subjects: { subject: 'one' },
  usesAsOf: true,
  paperProof: { zh: '营业执照及经营场所证明', en: 'the business licence and proof of the business premises' },
  needs: (p) => [[p.subject, 'enterprises']],
  evaluate(p, ctx) {
    const view = ctx.fact<Enterprises>(p.subject, 'enterprises');
    if (view.status === 'unavailable') return sourceUnavailable([view]);
    const led = view.status === 'found' ? view.value.filter((e) => e.role !== null) : [];
    const cite = (e: Enterprises[number]): CheckEvidence => ({ subject: p.subject, fact: 'enterprises', record: e.creditCode, values: { status: e.status, establishedOn: e.establishedOn, role: e.role } });
    if (!led.length) return fail('no_enterprise', '未登记为任何市场主体的法定代表人或经营者', 'not registered as legal representative or operator of any business', []);
    const active = led.filter((e) => e.status === 'active' && e.establishedOn <= ctx.asOf);
    if (!active.length) return fail('enterprise_not_active', '名下市场主体均已注销或吊销', 'every business they lead is cancelled or revoked', led.map(cite));
    const by = p.heldMonths === undefined ? null : monthsBefore(ctx.asOf, p.heldMonths);
    const held = by === null ? active[0]! : active.find((e) => e.establishedOn <= by);
    if (held) return pass('enterprise_active', `所经营的市场主体自${held.establishedOn}起存续`, `leads an active business established on ${held.establishedOn}`, [cite(held)]);
    return fail('held_too_briefly', `所经营的市场主体成立于${active[0]!.establishedOn}，不足${p.heldMonths}个月`, `the active business was established on ${active[0]!.establishedOn}, less than ${p.heldMonths} months before ${ctx.asOf}`, active.map(cite));
  },
});
