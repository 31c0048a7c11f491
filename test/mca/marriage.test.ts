/**
 * mca.marriage against the mock over HTTP: every married person of the population gets the
 * marriage the population records (the latest on top, history oldest first, the spouse
 * masked); a remarriage shows both registrations; nobody married is not_found.
 */
import t from 'tap';
import { marriage } from '../../connectors/mca/index.js';
import { UNKNOWN_ID, callThrough, clientFor, expectedMarriage, mcaPopulation, people, startMock } from './fixtures/helpers.js';

t.test('a divorced-and-remarried father: both registrations, the current one on top', async (t) => {
  const mock = await startMock(t);
  const client = clientFor(t, mock.url);
  const { remarried } = people();
  const res = await callThrough(client, marriage, { idNumber: remarried });
  t.equal(res.status, 'found');
  if (res.status !== 'found') return;
  t.same(res.value, expectedMarriage(mcaPopulation(), remarried));
  t.equal(res.value.status, 'married', 'the latest registration decides the status');
  t.same(res.value.history.map((h) => h.status), ['divorced', 'married'], 'oldest first');
  t.equal(res.value.history[0]!.divorcedOn !== null, true, 'the divorce has its date');
  for (const h of res.value.history) t.match(h.spouseIdNumberMasked, /^\d{6}\*{8}\d{3}[\dX]$/);
});

t.test('every married person of the population: values equal to the population', async (t) => {
  const mock = await startMock(t);
  const client = clientFor(t, mock.url);
  const population = mcaPopulation();
  const ids = [...new Set(population.marriages.flatMap((m) => m.spouses))];
  t.ok(ids.length > 20, `${ids.length} married persons`);
  const answers = await Promise.all(ids.map((idNumber) => callThrough(client, marriage, { idNumber })));
  for (const [i, idNumber] of ids.entries()) {
    const res = answers[i]!;
    t.same(res, { status: 'found', value: expectedMarriage(population, idNumber) });
    // The spouse is someone else: their full number never leaves the mapper.
    const spouses = population.marriages.filter((m) => m.spouses.includes(idNumber)).map((m) => m.spouses.find((s) => s !== idNumber)!);
    for (const s of spouses) t.notOk(JSON.stringify(res).includes(s), 'no spouse ID number in clear');
  }
});

t.test('a divorced mother: status divorced, with both dates', async (t) => {
  const mock = await startMock(t);
  const client = clientFor(t, mock.url);
  const { divorced } = people();
  const res = await callThrough(client, marriage, { idNumber: divorced });
  t.same(res, { status: 'found', value: expectedMarriage(mcaPopulation(), divorced) });
  if (res.status === 'found') {
    t.equal(res.value.status, 'divorced');
    t.type(res.value.divorcedOn, 'string');
  }
});

t.test('nobody married, and nobody at all: not_found (NO_RECORD), not an error', async (t) => {
  const mock = await startMock(t);
  const client = clientFor(t, mock.url);
  t.equal(expectedMarriage(mcaPopulation(), people().lowIncomeChild), undefined);
  t.same(await callThrough(client, marriage, { idNumber: people().lowIncomeChild }), { status: 'not_found' });
  t.same(await callThrough(client, marriage, { idNumber: UNKNOWN_ID }), { status: 'not_found' });
});
