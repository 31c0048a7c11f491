/**
 * Every example of every scenario family, sent as a platform sends it (subjects by role, a
 * profile, the school applied to), gets the outcome, the unmet requirements and the check
 * results of the table in scenario-outcomes.ts. Real HTTP against the eight mock agencies,
 * which write the same addresses each in their own format.
 */
import t from 'tap';
import { SCENARIO_FAMILIES } from '../../schemas/population.js';
import { smallPopulation, startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { SCENARIO_OUTCOMES, baseId } from './scenario-outcomes.js';

// Two seeds: the families are built to their outcome whatever the draw.
const SEEDS = [7, 2026];
const gateways = new Map<number, TestGateway>();
t.before(async () => {
  for (const seed of SEEDS) gateways.set(seed, await startTestGateway(t, { population: smallPopulation(seed) }));
});

const PURPOSE: Record<string, string> = { 'qingdao.junior.local': 'enrollment.junior' };
const NOT_GUARDIANS = new Set(['grandfather', 'grandmother', 'owner']);

t.test('the table covers every scenario family', async (t) => {
  t.same([...new Set(SCENARIO_OUTCOMES.map((r) => r.family))].sort(), [...SCENARIO_FAMILIES].sort());
});

for (const row of SCENARIO_OUTCOMES) {
  const label = `${row.family}${row.child ? ` (${row.child})` : ''} under ${row.profile ?? 'no profile'}`;
  t.test(label, async (t) => {
    for (const gw of gateways.values()) {
      const examples = gw.population.scenarios.filter((s) => s.family === row.family);
      t.ok(examples.length > 0, 'the population holds examples');
      for (const example of examples) {
        const childRef = row.child ?? 'child';
        if (row.profile === null) {
          t.notOk(example.members.some((m) => m.ref === 'child'), 'no child: not an applicant family');
          continue;
        }
        const subjects = example.members.map((m) => ({
          ref: m.ref, idNumber: m.idNumber, name: m.name,
          ...(m.ref === childRef ? { role: 'child' } : NOT_GUARDIANS.has(m.ref) || m.ref === 'child' || m.ref === 'twin' ? {} : { role: 'guardian' }),
        }));
        const res = await gw.post('/v1/verifications', {
          purpose: PURPOSE[row.profile] ?? 'enrollment.primary', reference: `T-${row.family}`, profile: row.profile, schoolCode: example.schoolCode, subjects,
        });
        t.equal(res.status, 200, JSON.stringify(res.body).slice(0, 400));
        const body = res.body;
        const detail = `${example.description} → ${JSON.stringify(body.profile?.requirements.filter((r: { status: string }) => r.status !== 'met').map((r: { id: string; reasons: unknown }) => [r.id, r.reasons]))}`;
        t.equal(body.status, 'complete', 'every source answered');
        t.equal(body.outcome, row.outcome, `outcome: ${detail}`);
        const unmet = body.profile.requirements.filter((r: { status: string }) => r.status !== 'met').map((r: { id: string }) => r.id);
        t.same(unmet, row.unmet ?? [], 'unmet requirements');
        for (const [req, alt] of Object.entries(row.metBy ?? {})) {
          t.equal(body.profile.requirements.find((r: { id: string }) => r.id === req)?.metBy, alt, `${req} met by ${alt}`);
        }
        for (const id of row.somePass ?? []) {
          t.ok(body.checks.some((c: { id: string; result: string }) => baseId(c.id) === id && c.result === 'pass'), `${id} passes for a guardian`);
        }
        for (const c of body.checks as { id: string; result: string; reason: { code: string; zh: string; en: string } }[]) {
          const allowed = row.checks?.[baseId(c.id)] ?? ['pass'];
          const got = `${c.result}:${c.reason.code}`;
          t.ok(allowed.some((a) => got === a || got.startsWith(`${a}:`)), `${c.id}: ${got} is one of ${allowed.join(' | ')} (${c.reason.en})`);
          t.ok(c.reason.zh && c.reason.en, `${c.id}: a reason in both languages`);
        }
        for (const r of body.profile.requirements.filter((x: { status: string }) => x.status !== 'met')) {
          t.ok(r.reasons.length > 0 && r.submitInstead.zh && r.submitInstead.en, `${r.id}: reasons and what to submit instead`);
        }
        t.same(Object.keys(body.facts), [], 'a profile request returns no facts: none was asked for');
        if (row.family === 'name-mismatch') {
          t.equal(body.checks.filter((c: { reason: { code: string } }) => c.reason.code === 'name_mismatch').length, 1, 'exactly the one member sent with a homophone');
        }
      }
    }
  });
}
