import t from 'tap';
import { BIRTH_PATH, WITH_FATHER, birthBody, rawQuery, startMock } from './fixtures/helpers.js';

const body = birthBody(WITH_FATHER.childIdNumber);

t.test('over its per-second quota (quotaPerSecond) the mock answers 42901', async (t) => {
  const frozen = Date.now(); // a frozen clock: every request falls in the same second
  const mock = await startMock(t, { now: () => frozen, quotaPerSecond: 2 });
  const codes: number[] = [];
  for (let i = 0; i < 3; i++) codes.push((await rawQuery(mock.url, BIRTH_PATH, body)).json.code);
  t.same(codes, [0, 0, 42901]);
});

t.test('the tuning overrides the option; quotaPerSecond 0 means no quota', async (t) => {
  const frozen = Date.now();
  const tuned = await startMock(t, { now: () => frozen, quotaPerSecond: 100 }, { maxRequestsPerSecond: 1 });
  t.same([(await rawQuery(tuned.url, BIRTH_PATH, body)).json.code, (await rawQuery(tuned.url, BIRTH_PATH, body)).json.code], [0, 42901]);

  const unlimited = await startMock(t, { now: () => frozen, quotaPerSecond: 0 });
  const codes = new Set<number>();
  for (let i = 0; i < 20; i++) codes.add((await rawQuery(unlimited.url, BIRTH_PATH, body)).json.code);
  t.same([...codes], [0]);
});
