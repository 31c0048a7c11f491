import t from 'tap';
import { propertyByOwner } from '../../connectors/nrp/index.js';
import { PropertyList } from '../../schemas/facts/nrp.js';
import { describeErrors, validatorFor } from '../../src/validation.js';
import { FIVE_PROPERTIES, PERSON, RECORD } from './fixtures/index.js';
import { startNrp } from './fixtures/harness.js';

const validate = validatorFor(PropertyList);

t.test('nrp.property-by-owner: every right a person holds, mapped and valid', async (t) => {
  const { client } = await startNrp(t);
  const fetchFor = (idNumber: string) => propertyByOwner.fetch(client, { idNumber }, AbortSignal.timeout(10_000));

  const one = await fetchFor(PERSON.oneProperty);
  t.equal(one.outcome, 'ok');
  if (one.outcome !== 'ok') return;
  const oneMapped = propertyByOwner.map(one.data, { idNumber: PERSON.oneProperty });
  t.ok(validate(oneMapped), describeErrors(validate.errors).join('; '));
  t.same(oneMapped, [RECORD.noRestrictions]);

  const five = await fetchFor(PERSON.fiveProperties);
  t.equal(five.outcome, 'ok');
  if (five.outcome !== 'ok') return;
  const fiveMapped = propertyByOwner.map(five.data, { idNumber: PERSON.fiveProperties });
  t.ok(validate(fiveMapped), describeErrors(validate.errors).join('; '));
  t.same(fiveMapped, FIVE_PROPERTIES, 'the queried owner’s share for 按份共有, null otherwise');
});

t.test('nrp.property-by-owner: code 1 (无记录) is not_found', async (t) => {
  const { client } = await startNrp(t);
  for (const idNumber of [PERSON.unknown, PERSON.noProperty]) {
    t.same(await propertyByOwner.fetch(client, { idNumber }, AbortSignal.timeout(10_000)), { outcome: 'not_found' });
  }
});

t.test('nrp.property-by-owner: a co-owner sees her own share', async (t) => {
  const { client } = await startNrp(t);
  const answer = await propertyByOwner.fetch(client, { idNumber: PERSON.coOwner }, AbortSignal.timeout(10_000));
  if (answer.outcome !== 'ok') return t.fail('expected ok');
  t.same(propertyByOwner.map(answer.data, { idNumber: PERSON.coOwner }).map((p) => p.sharePercent), [40, null, 50]);
});
