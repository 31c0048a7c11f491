import t from 'tap';
import { certificateProperties } from '../../connectors/nrp/index.js';
import { Properties } from '../../schemas/facts/nrp.js';
import type { PropertySubject } from '../../src/connectors/types.js';
import { describeErrors, validatorFor } from '../../src/validation.js';
import { CERT, RECORD, RESTRICTIONS } from './fixtures/index.js';
import { directCall, startNrp } from './fixtures/harness.js';

const property = (certificateNumber: string): PropertySubject => ({ kind: 'property', ref: 'home', certificateNumber });

t.test('properties of a certificate: a one-element list with its restrictions', async (t) => {
  const { client } = await startNrp(t);
  const validate = validatorFor(Properties);
  const seized = await certificateProperties.resolve(property(CERT.seized), directCall(client));
  if (seized.status !== 'found') return t.fail('expected found');
  t.ok(validate(seized.value), describeErrors(validate.errors).join('; '));
  t.same(seized.value, [{ ...RECORD.seized, restrictions: RESTRICTIONS.seized }]);

  t.same(await certificateProperties.resolve(property(CERT.noRestrictions), directCall(client)), {
    status: 'found', value: [{ ...RECORD.noRestrictions, restrictions: [] }],
  });
});

t.test('an unknown certificate: not_found passes through', async (t) => {
  const { client } = await startNrp(t);
  t.same(await certificateProperties.resolve(property(CERT.unknown), directCall(client)), { status: 'not_found' });
});

t.test('a failed restriction query gives restrictions null', async (t) => {
  const { client } = await startNrp(t, { rewrite: (xml) => (xml.includes('<Method>QueryRestrictions</Method>') ? 'garbage' : xml) });
  t.same(await certificateProperties.resolve(property(CERT.mortgaged), directCall(client)), {
    status: 'found', value: [{ ...RECORD.mortgaged, restrictions: null }],
  });
});

t.test('a failed certificate query: unavailable passes through', async (t) => {
  const { client } = await startNrp(t, { rewrite: (xml) => (xml.includes('<Method>QueryByCertificate</Method>') ? 'garbage' : xml) });
  t.same(await certificateProperties.resolve(property(CERT.mortgaged), directCall(client)), { status: 'unavailable' });
});
