/** Where the family stands: social assistance in force (a priority category), the pupil's present grade. */
import { Type } from '@sinclair/typebox';
import type { Assistance } from '../../schemas/facts/mca.js';
import type { StudentStatus } from '../../schemas/facts/edu.js';
import { StringEnum } from '../../schemas/common.js';
import { defineCheck, type CheckEvidence } from './types.js';
import { activeOn, fail, pass, sourceUnavailable, SubjectRef } from './outcome.js';

const STATUS_ZH: Record<string, string> = { transferred_out: '已转出', graduated: '已毕业', suspended: '休学', other: '其他' };
const KIND_ZH: Record<string, string> = { minimum_living: '最低生活保障', extreme_poverty: '特困人员救助供养', other: '社会救助' };

export const assistanceActive = defineCheck({
  type: 'assistance.active',
  title: { zh: '低保或特困救助', en: 'social assistance in force' },
  params: Type.Object({
    subject: SubjectRef,
    kinds: Type.Optional(Type.Array(StringEnum(['minimum_living', 'extreme_poverty', 'other'] as const), { minItems: 1, uniqueItems: true, description: 'kinds that count (default: all)' })),
  }, { additionalProperties: false }),
  subjects: { subject: 'one' },
  usesAsOf: true,
  paperProof: { zh: '民政部门核发的低保证或特困人员供养证', en: 'the assistance certificate issued by the civil-affairs bureau' },
  needs: (p) => [[p.subject, 'assistance']],
  evaluate(p, ctx) {
    const view = ctx.fact<Assistance>(p.subject, 'assistance');
    if (view.status === 'unavailable') return sourceUnavailable([view]);
    const records = (view.status === 'found' ? view.value : []).filter((r) => p.kinds === undefined || (p.kinds as string[]).includes(r.kind));
    const cite = (r: Assistance[number]): CheckEvidence => ({ subject: p.subject, fact: 'assistance', values: { kind: r.kind, since: r.since, validUntil: r.validUntil } });
    const current = records.find((r) => activeOn(ctx.asOf, r.since, r.validUntil));
    if (current) return pass('assistance_active', `享受${KIND_ZH[current.kind]}，有效期至${current.validUntil}`, `receives ${current.kind} assistance valid until ${current.validUntil}`, [cite(current)]);
    if (!records.length) return fail('no_assistance', '无社会救助记录', 'no social assistance is on record', []);
    const latest = records[records.length - 1]!;
    return fail('assistance_expired', `社会救助已于${latest.validUntil}到期`, `the assistance ended on ${latest.validUntil}`, records.map(cite));
  },
});

/** For junior-middle admission: the pupil is enrolled in the given grade (6: the last primary year). */
export const studentEnrolledIn = defineCheck({
  type: 'student.enrolledIn',
  title: { zh: '学籍在读年级', en: 'enrolled in grade' },
  params: Type.Object({ subject: SubjectRef, grade: Type.Integer({ minimum: 0, maximum: 9, description: '1-6 primary, 7-9 junior middle' }) }, { additionalProperties: false }),
  subjects: { subject: 'one' },
  usesAsOf: false,
  paperProof: { zh: '就读学校出具的学籍证明', en: 'a student status certificate from the present school' },
  needs: (p) => [[p.subject, 'studentStatus']],
  evaluate(p, ctx) {
    const view = ctx.fact<StudentStatus>(p.subject, 'studentStatus');
    if (view.status === 'unavailable') return sourceUnavailable([view]);
    if (view.status === 'not_found') return fail('no_student_status', '无学籍记录', 'no student status is on record', []);
    const s = view.value;
    // The school, not the student number (全国学籍号 carries the ID number).
    const evidence: CheckEvidence[] = [{ subject: p.subject, fact: 'studentStatus', record: s.schoolCode, values: { grade: s.grade, status: s.status } }];
    if (s.status !== 'enrolled') return fail('not_enrolled', `学籍状态为${STATUS_ZH[s.status] ?? s.status}，不在读`, `the student status is ${s.status}, not enrolled`, evidence);
    if (s.grade !== p.grade) return fail('other_grade', `在读${s.grade}年级，而非${p.grade}年级`, `enrolled in grade ${s.grade}, not grade ${p.grade}`, evidence);
    return pass('enrolled', `在读${s.grade}年级`, `enrolled in grade ${s.grade}`, evidence);
  },
});
