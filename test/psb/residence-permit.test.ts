import t from 'tap';
import { residencePermit } from '../../connectors/psb/index.js';
import { UNKNOWN_ID, callThrough, clientFor, found, idOf, startMock } from './fixtures/helpers.js';

t.test('psb.residence-permit', async (t) => {
  const mock = await startMock(t);
  const client = clientFor(t, mock.url);

  t.test('found: the most recent of two permits', async (t) => {
    t.same(found(t, await callThrough(client, residencePermit, { idNumber: idOf('刘洋') })), {
      permitNumber: '370203202400456',
      address: '山东省青岛市市北区延吉路116号',
      addressNormalized: { district: '370203', street: '延吉路', number: 116, building: null, unit: null, room: null },
      issuedOn: '2024-03-10',
      validUntil: '2027-03-09',
      authority: '青岛市公安局市北分局',
    });
  });

  t.test('not found: a person with a local hukou and no permit', async (t) => {
    t.same(await callThrough(client, residencePermit, { idNumber: idOf('张建国') }), { status: 'not_found' });
  });

  t.test('not found: an unknown ID number', async (t) => {
    t.same(await callThrough(client, residencePermit, { idNumber: UNKNOWN_ID }), { status: 'not_found' });
  });
});
