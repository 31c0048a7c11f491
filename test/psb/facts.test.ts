import t from 'tap';
import { householdFact, hukouFact, hukouMovesFact, identityFact, residencePermitFact } from '../../connectors/psb/index.js';
import type { PersonSubject } from '../../src/connectors/types.js';
import { UNKNOWN_ID, assertValid, clientFor, found, idOf, simpleCall, startMock } from './fixtures/helpers.js';

const person = (name: string, idNumber = idOf(name)): PersonSubject => ({ kind: 'person', ref: 'child', idNumber, name });

t.test('the PSB facts resolve through their connectors', async (t) => {
  const mock = await startMock(t);
  const client = clientFor(t, mock.url);

  t.test('household: the hukou gives the household number, then the household is asked', async (t) => {
    const calls: string[] = [];
    const household = found(t, await householdFact.resolve(person('张小明'), simpleCall(client, calls)));
    assertValid(householdFact.schema, household);
    t.same(calls, ['psb.hukou-person', 'psb.hukou-household'], 'dependent call, in order');
    t.equal(household.householdNumber, '370202012345');
    t.equal(household.members.length, 5);
  });

  t.test('household: not_found of the first call is passed through, the second is never made', async (t) => {
    const calls: string[] = [];
    t.same(await householdFact.resolve(person('张三', UNKNOWN_ID), simpleCall(client, calls)), { status: 'not_found' });
    t.same(calls, ['psb.hukou-person']);
  });

  t.test('household: unavailable of the first call is passed through', async (t) => {
    const calls: string[] = [];
    const unavailable = async () => ({ status: 'unavailable' as const });
    t.same(await householdFact.resolve(person('张小明'), (c) => (calls.push(c.id), unavailable())), { status: 'unavailable' });
    t.same(calls, ['psb.hukou-person']);
  });

  t.test('hukou', async (t) => {
    const hukou = found(t, await hukouFact.resolve(person('张建国'), simpleCall(client)));
    t.equal(hukou.districtCode, '370202');
  });

  t.test('hukouMoves', async (t) => {
    const moves = found(t, await hukouMovesFact.resolve(person('张小明'), simpleCall(client)));
    t.same(moves.map((m) => m.kind), ['birth']);
  });

  t.test('residencePermit', async (t) => {
    const permit = found(t, await residencePermitFact.resolve(person('刘洋'), simpleCall(client)));
    t.equal(permit.permitNumber, '370203202400456');
    t.same(await residencePermitFact.resolve(person('李秀英'), simpleCall(client)), { status: 'not_found' });
  });

  t.test('identity: uses the name the platform sent', async (t) => {
    t.equal(found(t, await identityFact.resolve(person('张小明'), simpleCall(client))).nameMatches, true);
    const wrongName = { ...person('张小明'), name: '张晓明' };
    t.equal(found(t, await identityFact.resolve(wrongName, simpleCall(client))).nameMatches, false);
  });
});
