import t from 'tap';
import { propertyCertificate, propertyRestrictions } from '../../connectors/nrp/index.js';
import { CERT, RECORD, RESTRICTIONS } from './fixtures/index.js';
import { startNrp } from './fixtures/harness.js';

t.test('certificate numbers with full-width brackets and spaces are found', async (t) => {
  const { client } = await startNrp(t);
  const variants = [
    '鲁（2021）青岛市不动产权第0012345号',
    '鲁 (2021) 青岛市不动产权第 0012345 号',
    '鲁（2021）青岛市　不动产权第００１２３４５号',
  ];
  for (const certificateNumber of variants) {
    const answer = await propertyCertificate.fetch(client, { certificateNumber }, AbortSignal.timeout(10_000));
    if (answer.outcome !== 'ok') {
      t.fail(`${certificateNumber}: expected ok`);
      continue;
    }
    t.same(propertyCertificate.map(answer.data, { certificateNumber }), RECORD.noRestrictions, certificateNumber);
  }
});

t.test('a certificate the registry stores with full-width brackets is found by its normal form, and answered normalised', async (t) => {
  const { client } = await startNrp(t);
  const input = { certificateNumber: CERT.seized };
  const raw = await client.query('QueryByCertificate', { BDCQZH: CERT.seized });
  if (raw.outcome !== 'ok') return t.fail('expected ok');
  t.equal(raw.data.records[0]?.BDCQZH, '鲁（2018）青岛市不动产权第0107788号', 'the registry writes it its own way');
  t.equal(propertyCertificate.map(raw.data.records[0]!, input).certificateNumber, CERT.seized, 'the mapper normalises it');

  const restrictions = await propertyRestrictions.fetch(client, { certificateNumber: '鲁 (2018) 青岛市不动产权第0107788号' }, AbortSignal.timeout(10_000));
  if (restrictions.outcome !== 'ok') return t.fail('expected ok');
  t.same(propertyRestrictions.map(restrictions.data, input), RESTRICTIONS.seized);
});
