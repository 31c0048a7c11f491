/** nhc.birth-certificate against its mock over HTTP: values compared with the population's. */
import t from 'tap';
import { birthCertificate } from '../../connectors/nhc/index.js';
import {
  UNKNOWN_ID, WITHOUT_FATHER, WITH_FATHER, callThrough, clientFor, expectedCertificate, population, startMock,
} from './fixtures/helpers.js';

t.test('nhc.birth-certificate', async (t) => {
  const mock = await startMock(t);
  const client = clientFor(t, mock.url);

  t.test('found: a certificate with both parents, parents masked', async (t) => {
    const res = await callThrough(client, birthCertificate, { idNumber: WITH_FATHER.childIdNumber });
    t.same(res, { status: 'found', value: expectedCertificate(WITH_FATHER) });
    const text = JSON.stringify(res);
    t.notOk(text.includes(WITH_FATHER.motherIdNumber), "the mother's ID number does not leave the mapper");
    t.notOk(text.includes(WITH_FATHER.fatherIdNumber!), "the father's ID number does not leave the mapper");
  });

  t.test('found: a certificate that records no father', async (t) => {
    const res = await callThrough(client, birthCertificate, { idNumber: WITHOUT_FATHER.childIdNumber });
    t.same(res, { status: 'found', value: expectedCertificate(WITHOUT_FATHER) });
    t.equal(res.status === 'found' && res.value.father, null);
  });

  t.test('found: every certificate of the population, as it holds it', async (t) => {
    for (const birth of population.births) {
      t.same(await callThrough(client, birthCertificate, { idNumber: birth.childIdNumber }), { status: 'found', value: expectedCertificate(birth) }, birth.certificateNumber);
    }
  });

  t.test('not found: an ID number without a certificate', async (t) => {
    t.same(await callThrough(client, birthCertificate, { idNumber: UNKNOWN_ID }), { status: 'not_found' });
  });

  t.test('not found: a parent (adults of the population hold no certificate here)', async (t) => {
    const births = new Set(population.births.map((b) => b.childIdNumber));
    t.notOk(births.has(WITH_FATHER.motherIdNumber));
    t.same(await callThrough(client, birthCertificate, { idNumber: WITH_FATHER.motherIdNumber }), { status: 'not_found' });
  });
});
