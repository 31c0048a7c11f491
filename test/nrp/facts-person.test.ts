import t from 'tap';
import { personProperties } from '../../connectors/nrp/index.js';
import { Properties } from '../../schemas/facts/nrp.js';
import type { PersonSubject } from '../../src/connectors/types.js';
import { describeErrors, validatorFor } from '../../src/validation.js';
import { CERT, FIVE_PROPERTIES, PERSON, RECORD, RESTRICTIONS } from './fixtures/index.js';
import { directCall, startNrp, type CallLog } from './fixtures/harness.js';

const person = (idNumber: string): PersonSubject => ({ kind: 'person', ref: 'father', idNumber, name: '李海涛' });
const validate = validatorFor(Properties);

t.test('properties of a person: every right with its current restrictions', async (t) => {
  const { client } = await startNrp(t, { pageSize: 2 });
  const log: CallLog[] = [];
  const result = await personProperties.resolve(person(PERSON.fiveProperties), directCall(client, log));
  if (result.status !== 'found') return t.fail('expected found');
  t.ok(validate(result.value), describeErrors(validate.errors).join('; '));
  t.same(result.value, [
    { ...FIVE_PROPERTIES[0]!, restrictions: RESTRICTIONS.mortgaged },
    { ...FIVE_PROPERTIES[1]!, restrictions: RESTRICTIONS.seized },
    { ...FIVE_PROPERTIES[2]!, restrictions: [] },
    { ...FIVE_PROPERTIES[3]!, restrictions: [] },
    { ...FIVE_PROPERTIES[4]!, restrictions: RESTRICTIONS.parking },
  ]);
  t.same(log.map((c) => c.connector), ['nrp.property-by-owner', ...Array(5).fill('nrp.property-restrictions')]);
  t.same(log.slice(1).map((c) => c.input.certificateNumber).sort(), Object.values(CERT).filter((c) => c !== CERT.noRestrictions && c !== CERT.unknown).sort());
});

t.test('properties of a person with one flat without restrictions', async (t) => {
  const { client } = await startNrp(t);
  const result = await personProperties.resolve(person(PERSON.oneProperty), directCall(client));
  t.same(result, { status: 'found', value: [{ ...RECORD.noRestrictions, restrictions: [] }] });
});

t.test('a person the registry does not know: not_found passes through, no restriction calls', async (t) => {
  const { client } = await startNrp(t);
  const log: CallLog[] = [];
  t.same(await personProperties.resolve(person(PERSON.unknown), directCall(client, log)), { status: 'not_found' });
  t.equal(log.length, 1);
});

t.test('a registry that fails the list: unavailable passes through', async (t) => {
  const { client } = await startNrp(t, { rewrite: () => 'garbage' });
  t.same(await personProperties.resolve(person(PERSON.fiveProperties), directCall(client)), { status: 'unavailable' });
});
