import t from 'tap';
import { DEFAULT_AS_OF, DEFAULT_SEED, generatePopulation } from '../../mocks/population/generator.js';

t.test('the same seed, size and date give a byte-identical population', async (t) => {
  const a = JSON.stringify(generatePopulation({ seed: DEFAULT_SEED, asOf: '2026-09-01' }));
  const b = JSON.stringify(generatePopulation({ seed: DEFAULT_SEED, asOf: '2026-09-01' }));
  t.equal(a, b);
  const small = JSON.stringify(generatePopulation({ seed: 11, households: 20, asOf: '2025-03-15' }));
  t.equal(JSON.stringify(generatePopulation({ seed: 11, households: 20, asOf: '2025-03-15' })), small);
});

t.test('the seed defaults to DEFAULT_SEED', async (t) => {
  t.equal(JSON.stringify(generatePopulation({ asOf: '2026-09-01' })), JSON.stringify(generatePopulation({ seed: DEFAULT_SEED, asOf: '2026-09-01' })));
  t.equal(generatePopulation({ asOf: '2026-09-01', households: 20 }).seed, DEFAULT_SEED);
});

t.test('another seed gives another population', async (t) => {
  const a = generatePopulation({ seed: DEFAULT_SEED, asOf: '2026-09-01' });
  const b = generatePopulation({ seed: DEFAULT_SEED + 1, asOf: '2026-09-01' });
  t.not(JSON.stringify(a), JSON.stringify(b));
  const idsA = new Set(a.persons.map((p) => p.idNumber));
  t.ok(b.persons.filter((p) => idsA.has(p.idNumber)).length < b.persons.length / 10, 'hardly any person is shared');
});

t.test('asOf defaults to a fixed date (the same seed gives the same people any day) and is recorded', async (t) => {
  t.equal(generatePopulation({ seed: 3, households: 20 }).asOf, DEFAULT_AS_OF);
  t.equal(generatePopulation({ seed: 3, households: 20, asOf: '2024-02-29' }).asOf, '2024-02-29');
});

t.test('bad options are refused', async (t) => {
  t.throws(() => generatePopulation({ seed: 1.5 }), RangeError);
  t.throws(() => generatePopulation({ households: 0 }), RangeError);
  t.throws(() => generatePopulation({ households: 2.5 }), RangeError);
  t.throws(() => generatePopulation({ asOf: '2025-02-29' }), RangeError);
  t.throws(() => generatePopulation({ asOf: '20250101' }), RangeError);
});
