/**
 * `edu.school-district` against the mock: every address of a population in the city is
 * zoned as the population's school zones say (a primary and a junior school each, in the
 * bureau's order and its way of writing names); a door in no zone has no schools. Road
 * names are Chinese and may hold `&` or `+`: the query is percent-encoded.
 */
import t from 'tap';
import { schoolDistrict } from '../../connectors/edu/index.js';
import { callThrough } from '../helpers/direct-call.js';
import { cityAddresses, expectedSchools, population, startEdu } from './fixtures/harness.js';

const pop = population();

t.test('every address in the city is zoned as the population says', async (t) => {
  const { client } = await startEdu(t, pop);
  const addresses = cityAddresses(pop);
  t.ok(addresses.length >= 40, `${addresses.length} addresses`);
  for (const a of addresses) {
    const want = expectedSchools(pop, a);
    t.same(want.map((s) => s.level).sort(), ['junior', 'primary'], 'the population zones it for one primary and one junior school');
    const got = await callThrough(client, schoolDistrict, { district: a.district, street: a.street, number: String(a.number) });
    t.same(got, { status: 'found', value: want }, `${a.street} ${a.number}`);
  }
});

t.test('a door in no zone is found, with no schools', async (t) => {
  const { client } = await startEdu(t, pop);
  const a = cityAddresses(pop)[0]!;
  const cases = [
    { district: a.district, street: a.street, number: '1000' },
    { district: a.district, street: '不存在路', number: '1' },
    { district: a.district, street: 'A&B+C 路', number: '12' },
    { district: '370000', street: a.street, number: String(a.number) },
  ];
  for (const input of cases) t.same(await callThrough(client, schoolDistrict, input), { status: 'found', value: [] }, JSON.stringify(input));
});
