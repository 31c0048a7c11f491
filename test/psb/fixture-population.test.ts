import t from 'tap';
import { Population } from '../../schemas/population.js';
import { parseIdNumber } from '../../src/domain/id-number.js';
import { describeErrors, validatorFor } from '../../src/validation.js';
import { population } from './fixtures/helpers.js';

t.test('the hand-written fixture is a valid population', async (t) => {
  const validate = validatorFor(Population);
  t.ok(validate(population), describeErrors(validate.errors).join('; '));
});

t.test('its ID numbers are real GB 11643 numbers that agree with the recorded birth date and gender', async (t) => {
  for (const p of population.persons) {
    const parsed = parseIdNumber(p.idNumber, new Date('2026-03-01'));
    t.ok(parsed.ok, `${p.name}: valid`);
    if (parsed.ok) t.same([parsed.birthDate, parsed.gender], [p.birthDate, p.gender], `${p.name}: consistent`);
  }
});

t.test('it holds the scenarios the PSB tests rely on', async (t) => {
  t.ok(population.households.some((h) => 'outside' in h.address), 'a household outside the city');
  t.ok(population.households.some((h) => h.kind === 'collective'), 'a collective household');
  t.ok(population.persons.some((p) => p.deceasedOn !== undefined), 'a deceased person');
  t.ok(population.residencePermits.length >= 2, 'a person with more than one residence permit');
});
