import t from 'tap';
import { normalizeCertificateNumber } from '../../src/domain/certificate-number.js';
import { CERT, loadPopulation, PERSON } from './fixtures/index.js';

t.test('the fixture population validates and holds the cases the NRP tests need', async (t) => {
  const population = loadPopulation();
  const held = (id: string) => population.properties.filter((p) => p.owners.some((o) => o.idNumber === id));
  const byCert = (c: string) => population.properties.find((p) => normalizeCertificateNumber(p.certificateNumber) === c);

  t.equal(held(PERSON.oneProperty).length, 1, 'an owner of one property');
  const five = held(PERSON.fiveProperties);
  t.ok(five.length >= 5, 'an owner of five or more properties');
  t.ok(five.some((p) => p.coOwnership === 'shares'), 'some held in shares (按份共有)');
  t.ok(five.some((p) => p.restrictions.some((r) => r.kind === 'mortgage')), 'some mortgaged');
  t.ok(five.some((p) => p.restrictions.some((r) => r.kind === 'seizure')), 'some seized');
  t.same(byCert(CERT.noRestrictions)?.restrictions, [], 'a certificate without restrictions');
  t.equal(held(PERSON.noProperty).length, 0, 'a person without property');
  t.notOk(population.persons.some((p) => p.idNumber === PERSON.unknown), 'an unknown person');
  t.notOk(byCert(CERT.unknown), 'an unknown certificate');
});
