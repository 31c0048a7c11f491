import t from 'tap';
import { propertyCertificate } from '../../connectors/nrp/index.js';
import { PropertyRecord } from '../../schemas/facts/nrp.js';
import { describeErrors, validatorFor } from '../../src/validation.js';
import { CERT, RECORD } from './fixtures/index.js';
import { startNrp } from './fixtures/harness.js';

const validate = validatorFor(PropertyRecord);

t.test('nrp.property-certificate: one certificate, mapped and valid, no owner share', async (t) => {
  const { client } = await startNrp(t);
  for (const key of ['noRestrictions', 'seized', 'expiredMortgage', 'parking'] as const) {
    const input = { certificateNumber: CERT[key] };
    const answer = await propertyCertificate.fetch(client, input, AbortSignal.timeout(10_000));
    if (answer.outcome !== 'ok') {
      t.fail(`${key}: expected ok`);
      continue;
    }
    const mapped = propertyCertificate.map(answer.data, input);
    t.ok(validate(mapped), describeErrors(validate.errors).join('; '));
    t.same(mapped, RECORD[key], key);
  }
});

t.test('nrp.property-certificate: code 1 (无记录) is not_found', async (t) => {
  const { client } = await startNrp(t);
  const answer = await propertyCertificate.fetch(client, { certificateNumber: CERT.unknown }, AbortSignal.timeout(10_000));
  t.same(answer, { outcome: 'not_found' });
});
