/**
 * mca.assistance against the mock over HTTP: every assisted person of the population gets
 * the entitlements the population records, sorted by `since`, expired ones included; a
 * person without any is not_found.
 */
import t from 'tap';
import { assistance } from '../../connectors/mca/index.js';
import { UNKNOWN_ID, callThrough, clientFor, expectedAssistance, mcaPopulation, people, startMock } from './fixtures/helpers.js';

t.test('a low-income mother with an expired and a current entitlement: both, oldest first', async (t) => {
  const mock = await startMock(t);
  const client = clientFor(t, mock.url);
  const { twoEntitlements } = people();
  const res = await callThrough(client, assistance, { idNumber: twoEntitlements });
  t.equal(res.status, 'found');
  if (res.status !== 'found') return;
  t.same(res.value, expectedAssistance(mcaPopulation(), twoEntitlements));
  t.equal(res.value.length, 2);
  t.ok(res.value[0]!.since < res.value[1]!.since, 'sorted by since');
  t.equal(res.value[0]!.kind, 'extreme_poverty');
  t.equal(res.value[0]!.validUntil, '2016-02-29', 'an expired entitlement stays on record');
});

t.test('every assisted person of the population: values equal to the population', async (t) => {
  const mock = await startMock(t);
  const client = clientFor(t, mock.url);
  const population = mcaPopulation();
  const ids = [...new Set(population.assistance.map((a) => a.idNumber))];
  t.ok(ids.length >= 3, `${ids.length} assisted persons`);
  const answers = await Promise.all(ids.map((idNumber) => callThrough(client, assistance, { idNumber })));
  for (const [i, idNumber] of ids.entries()) t.same(answers[i], { status: 'found', value: expectedAssistance(population, idNumber) });
});

t.test('nobody assisted, and nobody at all: not_found (NO_RECORD), not an error', async (t) => {
  const mock = await startMock(t);
  const client = clientFor(t, mock.url);
  const { remarried } = people();
  t.equal(expectedAssistance(mcaPopulation(), remarried), undefined);
  t.same(await callThrough(client, assistance, { idNumber: remarried }), { status: 'not_found' });
  t.same(await callThrough(client, assistance, { idNumber: UNKNOWN_ID }), { status: 'not_found' });
});
