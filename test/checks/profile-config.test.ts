/**
 * Profiles are checked when the config is loaded: a mistake in one stops the start with
 * the path of the offending entry, instead of surfacing as a 500 on the first request.
 */
import t, { type Test } from 'tap';
import { loadConfig, ConfigError } from '../../src/config/load.js';
import { compileProfiles, instantiate } from '../../src/checks/profiles.js';

const title = { zh: '测试', en: 'test' };
const requirement = (checks: Record<string, unknown>[], id = 'req') => ({ id, title, anyOf: [{ id: 'alt', title, checks }] });
const profile = (requirements: unknown[], extra: Record<string, unknown> = {}) => ({ title, purpose: 'enrollment.primary', asOf: '2026-09-01', requirements, ...extra });

function refused(t: Test, profiles: Record<string, unknown>, message: RegExp) {
  let error: unknown;
  try {
    loadConfig({
      env: { TONGBAN_SUBJECT_KEY_SECRET: 'profile-config-test-secret-0123456789', TONGBAN_DATA_DIR: t.testdir() },
      overrides: { profiles, profileFiles: [] },
    });
  } catch (err) {
    error = err;
  }
  t.ok(error instanceof ConfigError, `refused at start: ${String(message)}`);
  t.match((error as Error | undefined)?.message, message);
}

t.test('the shipped profiles load with both example configs', async (t) => {
  const { config } = loadConfig({ env: { TONGBAN_SUBJECT_KEY_SECRET: 'profile-config-test-secret-0123456789', TONGBAN_DATA_DIR: t.testdir() } });
  const compiled = compileProfiles(config.profiles);
  t.same([...compiled.keys()].sort(), ['qingdao.junior.local', 'qingdao.primary.local', 'qingdao.primary.migrant', 'shinan.primary.local']);
  t.equal(compiled.get('qingdao.junior.local')!.purpose, 'enrollment.junior');
  t.ok(compiled.get('qingdao.primary.local')!.usesSchool);
  t.notOk(compiled.get('qingdao.primary.migrant')!.usesSchool);
});

t.test('a mistake in a profile stops the start, naming where it is', async (t) => {
  refused(t, { 'x.a': profile([requirement([{ type: 'identity.guess', subject: '$child' }])]) }, /\/profiles\/x\.a\/requirements\/req\/anyOf\/0\/checks\/0\/type: no check of type identity\.guess/);
  refused(t, { 'x.a': profile([requirement([{ type: 'identity.matches', subject: '$guardians' }])]) }, /subject: \$guardians does not fit; subject takes one subject/);
  refused(t, { 'x.a': profile([requirement([{ type: 'identity.matches', subject: 'father' }])]) }, /names subjects by role/);
  refused(t, { 'x.a': profile([requirement([{ type: 'socialInsurance.continuousMonths', subject: '$guardian', atLeast: 0 }])]) }, /atLeast: must be >= 1/);
  refused(t, { 'x.a': profile([requirement([{ type: 'identity.matches', subject: '$child' }, { type: 'identity.matches', subject: '$child' }])]) }, /a second req\/identity\.matches in one requirement: give it an id/);
  refused(t, { 'x.a': profile([requirement([{ type: 'identity.matches', subject: '$child', guardians: 'all' }])]) }, /guardians: only a check with a \$guardian parameter has it/);
  refused(t, { 'x.a': profile([], { extends: 'x.none' }) }, /no profile named x\.none/);
  refused(t, { 'x.a': profile([], { extends: 'x.b' }), 'x.b': profile([], { extends: 'x.a' }) }, /extends itself/);
  refused(t, { 'x.a': profile([requirement([{ type: 'identity.matches', subject: '$child' }])], { purpose: 'Enrollment' }) }, /purpose/);
});

t.test('a profile that extends another replaces requirements by id and adds new ones at the end', async (t) => {
  const base = profile([requirement([{ type: 'identity.matches', subject: '$child' }], 'identity'), requirement([{ type: 'hukou.registeredBefore', subject: '$child', onOrBefore: '2025-08-31' }], 'since')]);
  const strict = profile([requirement([{ type: 'hukou.registeredBefore', subject: '$child', onOrBefore: '2024-08-31' }], 'since'), requirement([{ type: 'residence.inSchoolZone', subject: '$child', schoolCode: '$school' }], 'zone')], { extends: 'x.base' });
  const compiled = compileProfiles({ 'x.base': base, 'x.strict': strict } as never);
  const s = compiled.get('x.strict')!;
  t.same(s.requirements.map((r) => r.id), ['identity', 'since', 'zone']);
  t.equal(s.requirements[1]!.anyOf[0]!.checks[0]!.template.onOrBefore, '2024-08-31');
  t.ok(s.usesSchool);
  t.notOk(compiled.get('x.base')!.usesSchool);
});

t.test('roles fill a profile check: one per guardian with $guardian, the list with $guardians', async (t) => {
  const compiled = compileProfiles({
    'x.a': profile([requirement([
      { type: 'socialInsurance.continuousMonths', subject: '$guardian', atLeast: 12 },
      { type: 'residence.hukouMatchesProperty', child: '$child', owners: '$guardians' },
    ])]),
  } as never);
  const [each, list] = compiled.get('x.a')!.requirements[0]!.anyOf[0]!.checks;
  const roles = { child: 'kid', guardians: ['mum', 'dad'], schoolCode: undefined };
  t.same(instantiate(each!, roles), [
    { id: 'req/socialInsurance.continuousMonths@mum', params: { subject: 'mum', atLeast: 12 } },
    { id: 'req/socialInsurance.continuousMonths@dad', params: { subject: 'dad', atLeast: 12 } },
  ]);
  t.equal(each!.perGuardian, 'any');
  t.same(instantiate(list!, roles), [{ id: 'req/residence.hukouMatchesProperty', params: { child: 'kid', owners: ['mum', 'dad'] } }]);
});
