import t from 'tap';
import { personProperties } from '../../connectors/nrp/index.js';
import { Properties } from '../../schemas/facts/nrp.js';
import { describeErrors, validatorFor } from '../../src/validation.js';
import { FIVE_PROPERTIES, PERSON, RESTRICTIONS } from './fixtures/index.js';
import { directCall, startNrp, type CallLog } from './fixtures/harness.js';

t.test('one failed restriction query makes that property’s restrictions null and leaves the others intact', async (t) => {
  // The restriction query for the seized flat is mangled on its way: the registry answers HTML 500.
  const { client } = await startNrp(t, {
    rewrite: (xml) => (xml.includes('<Method>QueryRestrictions</Method>') && xml.includes('0107788') ? xml.slice(0, 40) : xml),
  });
  const log: CallLog[] = [];
  const result = await personProperties.resolve(
    { kind: 'person', ref: 'father', idNumber: PERSON.fiveProperties, name: '李海涛' },
    directCall(client, log),
  );
  if (result.status !== 'found') return t.fail('expected found');
  const validate = validatorFor(Properties);
  t.ok(validate(result.value), describeErrors(validate.errors).join('; '));
  t.same(result.value.map((p) => p.restrictions), [RESTRICTIONS.mortgaged, null, [], [], RESTRICTIONS.parking]);
  t.same(result.value[1], { ...FIVE_PROPERTIES[1]!, restrictions: null }, 'the property itself is kept');
  t.equal(log.filter((c) => c.status === 'unavailable').length, 1);
});
