import t from 'tap';
import { propertyRestrictions } from '../../connectors/nrp/index.js';
import { PropertyRestrictions } from '../../schemas/facts/nrp.js';
import { describeErrors, validatorFor } from '../../src/validation.js';
import { CERT, RESTRICTIONS } from './fixtures/index.js';
import { startNrp } from './fixtures/harness.js';

const validate = validatorFor(PropertyRestrictions);

t.test('nrp.property-restrictions: current restrictions, mapped and valid', async (t) => {
  const { client } = await startNrp(t);
  const cases = [
    ['seized', RESTRICTIONS.seized, 'mortgage and seizure'],
    ['mortgaged', RESTRICTIONS.mortgaged, 'a mortgage'],
    ['parking', RESTRICTIONS.parking, 'an open-ended sale restriction: until null'],
    ['noRestrictions', [], 'none: code 0, Total 0 is found and empty'],
    ['expiredMortgage', [], 'a mortgage that ended in 2023 is not current'],
  ] as const;
  for (const [key, expected, what] of cases) {
    const input = { certificateNumber: CERT[key] };
    const answer = await propertyRestrictions.fetch(client, input, AbortSignal.timeout(10_000));
    if (answer.outcome !== 'ok') {
      t.fail(`${key}: expected ok`);
      continue;
    }
    const mapped = propertyRestrictions.map(answer.data, input);
    t.ok(validate(mapped), describeErrors(validate.errors).join('; '));
    t.same(mapped, expected, what);
  }
});

t.test('nrp.property-restrictions: an unknown certificate (code 1) is not_found', async (t) => {
  const { client } = await startNrp(t);
  const answer = await propertyRestrictions.fetch(client, { certificateNumber: CERT.unknown }, AbortSignal.timeout(10_000));
  t.same(answer, { outcome: 'not_found' });
});
