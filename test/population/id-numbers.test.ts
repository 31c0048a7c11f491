import t from 'tap';
import { isQingdaoDistrict } from '../../mocks/population/builder/places.js';
import { ORIGINS } from '../../mocks/population/names.js';
import { parseIdNumber } from '../../src/domain/id-number.js';
import { asOfDate, samples } from './fixtures/populations.js';

const originRegions = new Set(ORIGINS.map((o) => o.region));

t.test('every person has a unique, valid ID number that agrees with birth date and gender', async (t) => {
  for (const { label, pop } of samples()) {
    const seen = new Set<string>();
    let bad = 0;
    for (const p of pop.persons) {
      const r = parseIdNumber(p.idNumber, asOfDate(pop));
      if (!r.ok || r.value !== p.idNumber || r.birthDate !== p.birthDate || r.gender !== p.gender) bad++;
      if (r.ok && !isQingdaoDistrict(r.region) && !originRegions.has(r.region)) bad++;
      if (seen.has(p.idNumber)) bad++;
      seen.add(p.idNumber);
    }
    t.equal(bad, 0, `${label}: ${pop.persons.length} persons, all valid and unique`);
  }
});

t.test('locals and migrants both occur', async (t) => {
  for (const { label, pop } of samples()) {
    const regions = pop.persons.map((p) => p.idNumber.slice(0, 6));
    t.ok(regions.some((r) => isQingdaoDistrict(r)), `${label}: born in Qingdao`);
    t.ok(regions.some((r) => originRegions.has(r)), `${label}: born elsewhere`);
  }
});
