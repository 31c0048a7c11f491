/**
 * Scenario families seen through the whole chain (population → mocks → connectors → API):
 * what later cross-source checks will read is already in the facts.
 */
import t from 'tap';
import { family, startTestGateway, type TestGateway } from '../helpers/gateway.js';

let gw: TestGateway;
t.before(async () => { gw = await startTestGateway(t); });

async function verify(members: Record<string, { idNumber: string; name: string }>, facts: Record<string, string[]>) {
  const subjects = Object.entries(members).filter(([ref]) => ref in facts).map(([ref, m]) => ({ ref, idNumber: m.idNumber, name: m.name }));
  const res = await gw.post('/v1/verifications', { purpose: 'enrollment.primary', subjects, facts });
  if (res.status !== 200) throw new Error(JSON.stringify(res.body));
  return res.body;
}

t.test('name-mismatch: the identity check says the name does not match', async (t) => {
  const members = family(gw.population, 'name-mismatch');
  const [ref, member] = Object.entries(members).find(([, m]) => m.registeredName)!;
  const body = await verify(members, { [ref]: ['identity'] });
  t.equal(body.facts[ref].identity.status, 'found');
  t.equal(body.facts[ref].identity.value.nameMatches, false);
  t.notOk(JSON.stringify(body).includes(member.registeredName!), 'the registered name is never returned');
});

t.test('migrant-lease-permit: hukou outside the city, a valid residence permit in Qingdao', async (t) => {
  const members = family(gw.population, 'migrant-lease-permit');
  const body = await verify(members, { father: ['hukou', 'residencePermit'] });
  const { hukou, residencePermit } = body.facts.father;
  t.equal(hukou.status, 'found');
  t.equal(hukou.value.districtCode, null, 'not a Qingdao district');
  t.notMatch(hukou.value.address, /青岛市/);
  t.equal(residencePermit.status, 'found');
  t.ok(residencePermit.value.validUntil >= gw.population.asOf, 'valid at the population date');
});

t.test('seized-property: the family property carries a seizure', async (t) => {
  const members = family(gw.population, 'seized-property');
  const body = await verify(members, { father: ['properties'], mother: ['properties'] });
  const restrictions = ['father', 'mother']
    .map((ref) => body.facts[ref].properties)
    .filter((f) => f.status === 'found')
    .flatMap((f) => f.value.flatMap((p: { restrictions: Array<{ kind: string }> }) => p.restrictions));
  t.ok(restrictions.some((r: { kind: string }) => r.kind === 'seizure'));
});

t.test('late-hukou-move: the last move brought the child to the present hukou address recently', async (t) => {
  const members = family(gw.population, 'late-hukou-move');
  const body = await verify(members, { child: ['hukou', 'hukouMoves'] });
  const { hukou, hukouMoves } = body.facts.child;
  t.equal(hukou.status, 'found');
  t.equal(hukouMoves.status, 'found');
  const last = hukouMoves.value.at(-1);
  t.equal(last.to, hukou.value.address, 'the registry writes both the same way');
  t.equal(last.date, hukou.value.registeredOn);
  const sixMonthsBefore = new Date(`${gw.population.asOf}T00:00:00Z`);
  sixMonthsBefore.setUTCMonth(sixMonthsBefore.getUTCMonth() - 6);
  t.ok(last.date >= sixMonthsBefore.toISOString().slice(0, 10), 'within six months of the population date');
});
