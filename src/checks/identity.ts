/** Who the family are: the names match the ID numbers, and the guardians are the child's parents. */
import { Type } from '@sinclair/typebox';
import type { BirthCertificate } from '../../schemas/facts/nhc.js';
import type { Household, Identity } from '../../schemas/facts/psb.js';
import { maskIdNumber } from '../domain/id-number.js';
import { defineCheck, type CheckEvidence } from './types.js';
import { fail, pass, sourceUnavailable, SubjectRef } from './outcome.js';

export const identityMatches = defineCheck({
  type: 'identity.matches',
  title: { zh: '身份核验', en: 'name matches ID number' },
  params: Type.Object({ subject: SubjectRef }, { additionalProperties: false }),
  subjects: { subject: 'one' },
  usesAsOf: false,
  paperProof: { zh: '居民身份证及户口簿原件', en: 'the resident ID card and the household register booklet' },
  needs: (p) => [[p.subject, 'identity']],
  evaluate(p, ctx) {
    const view = ctx.fact<Identity>(p.subject, 'identity');
    if (view.status === 'unavailable') return sourceUnavailable([view]);
    if (view.status === 'not_found') {
      return fail('unknown_person', '户籍系统中无此身份证号码的人员', 'the household registry holds no person with this ID number', []);
    }
    const evidence: CheckEvidence[] = [{ subject: p.subject, fact: 'identity', values: { nameMatches: view.value.nameMatches, alive: view.value.alive } }];
    if (!view.value.alive) return fail('deceased', '户籍登记此人已死亡', 'the registry records this person as deceased', evidence);
    if (!view.value.nameMatches) {
      return fail('name_mismatch', '姓名与身份证号码登记的姓名不一致（请核对同音字、生僻字）', 'the name sent does not match the name registered for the ID number (check homophones and rare characters)', evidence);
    }
    return pass('identity_confirmed', '姓名与身份证号码一致', 'the name matches the ID number', evidence);
  },
});

/** Relations in one household that make two members parent and child. */
const PARENT_OF: Record<string, string[]> = { child: ['head', 'spouse'], grandchild: ['child'] };

/**
 * The birth medical certificate names the parent (mother or father), else the household
 * register shows them as parent and child. The certificate and the household list other
 * people by masked ID number (first 6 and last 4): those ten characters are compared; the
 * name is the identity check's question.
 */
export const parentChild = defineCheck({
  type: 'relationship.parentChild',
  title: { zh: '亲子关系', en: 'parent and child' },
  params: Type.Object({ parent: SubjectRef, child: SubjectRef }, { additionalProperties: false }),
  subjects: { parent: 'one', child: 'one' },
  usesAsOf: false,
  paperProof: { zh: '出生医学证明或载明亲子关系的户口簿', en: 'the birth medical certificate, or the household register booklet showing the relation' },
  needs: (p) => [[p.child, 'birthCertificate'], [p.child, 'household']],
  evaluate(p, ctx) {
    const parentMasked = maskIdNumber(ctx.person(p.parent).idNumber);
    const childMasked = maskIdNumber(ctx.person(p.child).idNumber);
    const cert = ctx.fact<BirthCertificate>(p.child, 'birthCertificate');
    const household = ctx.fact<Household>(p.child, 'household');

    if (cert.status === 'found') {
      const c = cert.value;
      const as = c.mother.idNumberMasked === parentMasked ? 'mother' : c.father?.idNumberMasked === parentMasked ? 'father' : null;
      if (as) {
        return pass('birth_certificate', `出生医学证明登记其为${as === 'mother' ? '母亲' : '父亲'}`, `the birth medical certificate names them as the ${as}`,
          [{ subject: p.child, fact: 'birthCertificate', record: c.certificateNumber, values: { parent: as } }]);
      }
    }
    if (household.status === 'found') {
      const h = household.value;
      // Two members, one the parent and one the child: masked numbers of a family can coincide.
      const parents = h.members.filter((m) => m.idNumberMasked === parentMasked);
      const children = h.members.filter((m) => m.idNumberMasked === childMasked);
      const pair = children.flatMap((c) => parents.filter((m) => m !== c && PARENT_OF[c.relationToHead]?.includes(m.relationToHead)).map((m) => [m, c] as const))[0];
      if (pair) {
        const [parent, child] = pair;
        return pass('same_household', '户口簿登记二人为父母子女关系', 'the household register shows them as parent and child',
          [{ subject: p.child, fact: 'household', record: h.householdNumber, values: { parentRelationToHead: parent.relationToHead, childRelationToHead: child.relationToHead } }]);
      }
    }
    if (cert.status === 'unavailable' || household.status === 'unavailable') return sourceUnavailable([cert, household]);
    const evidence: CheckEvidence[] = [];
    if (cert.status === 'found') evidence.push({ subject: p.child, fact: 'birthCertificate', record: cert.value.certificateNumber });
    if (household.status === 'found') evidence.push({ subject: p.child, fact: 'household', record: household.value.householdNumber });
    if (cert.status === 'found') {
      return fail('not_on_birth_certificate', '出生医学证明未登记其为父母，户口簿亦未显示父母子女关系', 'the birth medical certificate does not name them as a parent, nor does the household register show them as parent and child', evidence);
    }
    return fail('no_proof_of_parenthood', '无出生医学证明记录，户口簿亦未显示父母子女关系', 'there is no birth medical certificate on record, and the household register does not show them as parent and child', evidence);
  },
});
