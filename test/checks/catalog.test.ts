/**
 * Invariants over the whole catalog: every check's parameters compile, it reads only facts
 * the gateway offers about persons, and it never decides `fail` for data it did not get:
 * with every needed source silent, each check is `undetermined` and names the sources.
 */
import t from 'tap';
import { CHECKS } from '../../src/checks/index.js';
import type { CheckContext, FactView } from '../../src/checks/types.js';
import { validatorFor } from '../../src/validation.js';
import { AGENCIES } from '../../connectors/index.js';

/** Valid parameters for each check type (refs a, b). */
export const SAMPLE_PARAMS: Record<string, Record<string, unknown>> = {
  'identity.matches': { subject: 'a' },
  'relationship.parentChild': { parent: 'b', child: 'a' },
  'residence.hukouMatchesProperty': { child: 'a', owners: ['b'], acceptContract: true },
  'residence.hukouMatchesLease': { child: 'a', tenants: ['b'] },
  'residence.inSchoolZone': { subject: 'a', schoolCode: '1370202101' },
  'hukou.registeredBefore': { subject: 'a', onOrBefore: '2025-08-31' },
  'property.registeredBefore': { owners: ['b'], child: 'a', onOrBefore: '2025-08-31' },
  'property.unrestricted': { owners: ['b'], child: 'a' },
  'saleContract.filedBefore': { buyers: ['b'], child: 'a', onOrBefore: '2025-08-31' },
  'residencePermit.validOn': { subject: 'b', inDistrict: '370202' },
  'lease.activeOn': { tenants: ['b'] },
  'socialInsurance.continuousMonths': { subject: 'b', atLeast: 12 },
  'employment.registered': { subject: 'b', forMonths: 6 },
  'enterprise.active': { subject: 'b', heldMonths: 12 },
  'assistance.active': { subject: 'a' },
  'student.enrolledIn': { subject: 'a', grade: 6 },
};

const personFacts = new Set(AGENCIES.flatMap((a) => a.facts.filter((f) => f.subject === 'person').map((f) => f.name)));

const silent: CheckContext = {
  fact: <T>(ref: string, fact: string) => ({ status: 'unavailable', sources: [`${fact}-of-${ref}: timeout`] }) as FactView<T>,
  person: (ref) => ({ kind: 'person', ref, idNumber: ref === 'a' ? '370202201905150010' : '370202198803120031', name: '张三' }),
  asOf: '2026-09-01',
};

t.test('every check in the catalog has sample parameters here, and they are valid', async (t) => {
  t.same(Object.keys(SAMPLE_PARAMS).sort(), CHECKS.map((c) => c.type).sort());
  for (const c of CHECKS) {
    const validate = validatorFor(c.params);
    t.ok(validate(structuredClone(SAMPLE_PARAMS[c.type])), `${c.type}: sample parameters valid`);
    t.notOk(validate({ ...SAMPLE_PARAMS[c.type], unexpected: 1 }), `${c.type}: an unknown parameter is refused`);
    t.match(c.type, /^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/, `${c.type}: <domain>.<name>`);
    t.ok(c.title.zh && c.title.en && c.paperProof.zh && c.paperProof.en, `${c.type}: titled and with a paper proof in both languages`);
  }
});

t.test('every check reads only person facts the connectors offer, about subjects its parameters name', async (t) => {
  for (const c of CHECKS) {
    const params = SAMPLE_PARAMS[c.type]!;
    const named = new Set(Object.keys(c.subjects).flatMap((k) => [params[k]].flat().filter((v): v is string => typeof v === 'string')));
    for (const [ref, fact] of c.needs(params as never)) {
      t.ok(personFacts.has(fact), `${c.type} reads ${fact}, a person fact`);
      t.ok(named.has(ref), `${c.type} reads about ${ref}, a subject it names`);
    }
  }
});

t.test('with every needed source silent, each check is undetermined and names the sources, never fail', async (t) => {
  for (const c of CHECKS) {
    const params = SAMPLE_PARAMS[c.type]!;
    const out = c.evaluate(params as never, silent);
    t.equal(out.result, 'undetermined', `${c.type}: undetermined`);
    t.equal(out.reason.code, 'source_unavailable', `${c.type}: because a source did not answer`);
    for (const [ref, fact] of c.needs(params as never)) {
      t.ok(out.unavailable?.includes(`${fact}-of-${ref}: timeout`), `${c.type}: names the silent ${fact} of ${ref}`);
    }
    t.ok(out.reason.zh.length > 0 && out.reason.en.includes('did not answer'), `${c.type}: says why in both languages`);
  }
});
