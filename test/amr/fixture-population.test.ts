import t from 'tap';
import { parseCreditCode } from '../../src/domain/credit-code.js';
import { parseIdNumber } from '../../src/domain/id-number.js';
import { population } from './fixtures/helpers.js';

t.test('the hand-written fixture is a valid population (loading it validates it)', async (t) => {
  t.ok(population.enterprises.length >= 5);
  for (const p of population.persons) t.ok(parseIdNumber(p.idNumber, new Date(population.asOf)).ok, `${p.name}: a real ID number`);
});

t.test('it holds the cases the AMR tests rely on', async (t) => {
  const { enterprises } = population;
  const reps = enterprises.map((e) => e.legalRepresentativeIdNumber);
  t.ok(reps.some((id, i) => reps.indexOf(id) !== i), 'a person who leads two entities');
  t.ok(enterprises.some((e) => e.kind === 'sole_trader' && e.registeredCapitalFen === undefined), 'a sole trader without capital');
  for (const status of ['active', 'revoked', 'cancelled'] as const) t.ok(enterprises.some((e) => e.status === status), `an entity ${status}`);
  t.ok(enterprises.some((e) => e.registeredCapitalFen !== undefined && e.registeredCapitalFen % 1_000_000 !== 0), 'capital that is no whole 万元');
  t.ok(enterprises.some((e) => /[\u3400-\u4DBF]|[\uD800-\uDBFF]/.test(e.name)), 'a name only GB18030 (not GBK) can write');
  t.ok(enterprises.some((e) => e.address.unit !== undefined), 'an address with a unit');
  t.ok(enterprises.some((e) => e.address.building === undefined && e.address.room !== undefined), 'an address with a room but no building');
  t.ok(enterprises.some((e) => e.address.room === undefined), 'an address without a room');
  t.ok(enterprises.some((e) => { const c = parseCreditCode(e.creditCode); return c.ok && !c.checkValid; }), 'a pilot code whose check character fails');
  t.ok(population.persons.some((p) => !reps.includes(p.idNumber)), 'a person who leads none');
});
