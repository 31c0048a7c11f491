import t from 'tap';
import { ROADS } from '../../mocks/population/names.js';
import { zonesCovering } from '../../mocks/population/schools.js';
import { QINGDAO_DISTRICTS, type DistrictCode } from '../../src/domain/districts.js';
import type { Address, Place, Population } from '../../schemas/population.js';
import { samples } from './fixtures/populations.js';

function qingdaoAddresses(pop: Population): Address[] {
  const places: Place[] = [
    ...pop.households.map((h) => h.address),
    ...pop.hukouMoves.flatMap((m) => [m.to, ...(m.from ? [m.from] : [])]),
    ...pop.residencePermits.map((r) => r.address),
    ...pop.properties.map((p) => p.address),
    ...pop.saleContracts.map((c) => c.address),
    ...pop.leases.map((l) => l.address),
    ...pop.enterprises.map((e) => e.address),
  ];
  return places.filter((p): p is Address => !('outside' in p));
}

t.test('Qingdao addresses are structured, on real roads of their district', async (t) => {
  for (const { label, pop } of samples()) {
    const addresses = qingdaoAddresses(pop);
    const bad = addresses.filter((a) => !Object.hasOwn(QINGDAO_DISTRICTS, a.district) || !ROADS[a.district as DistrictCode].includes(a.street)
      || a.number < 1 || (a.unit !== undefined && a.building === undefined));
    t.equal(bad.length, 0, `${label}: ${addresses.length} addresses`);
    t.ok(pop.properties.some((p) => p.address.room !== undefined && p.address.unit !== undefined), `${label}: flats have building/unit/room`);
    const outside = pop.households.flatMap((h) => ('outside' in h.address ? [h.address.outside] : []));
    t.ok(outside.length > 0 && outside.every((o) => /^.+省.+市.+[区县市].+\d+号(院\d+号楼\d单元\d{3,4}室)?$/.test(o)), `${label}: outside places read like registry text`);
  }
});

t.test('school zones cover every Qingdao address with one primary and one junior school of its district', async (t) => {
  for (const { label, pop } of samples()) {
    const uncovered = qingdaoAddresses(pop).filter((a) => {
      const zones = zonesCovering(pop.schoolZones, a);
      return !zones.some((z) => z.level === 'primary') || !zones.some((z) => z.level === 'junior');
    });
    t.equal(uncovered.length, 0, `${label}: all covered`);
    for (const d of Object.keys(QINGDAO_DISTRICTS)) {
      const zones = pop.schoolZones.filter((z) => z.district === d);
      t.ok(zones.filter((z) => z.level === 'primary').length >= 2 && zones.some((z) => z.level === 'junior'), `${label}: ${d} has several schools`);
    }
  }
});
