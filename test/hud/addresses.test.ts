/**
 * HUD's short addresses read back, by the gateway's normalizer, into exactly the structured
 * address the population holds: every Qingdao address of a small population, written the
 * HUD way, and the forms HUD documents.
 */
import t from 'tap';
import { hudAddress } from '../../mocks/hud/render.js';
import type { Address, Place } from '../../schemas/population.js';
import { parseAddress } from '../../src/domain/address.js';
import { population, structured } from './fixtures/harness.js';

t.test('the forms HUD writes', async (t) => {
  const cases: Array<[Address, string]> = [
    [{ district: '370202', street: '福州南路', number: 88, building: 3, unit: 2, room: '501' }, '市南区福州南路88号3-2-501'],
    [{ district: '370202', street: '福州南路', number: 88 }, '市南区福州南路88号'],
    [{ district: '370203', street: '延吉路', number: 116, building: 3, room: '1205' }, '市北区延吉路116号3-1205'],
    [{ district: '370281', street: '兰州东路', number: 12 }, '胶州市兰州东路12号'],
    [{ district: '370212', street: '海尔路', number: 1, building: 2, unit: 1 }, '崂山区海尔路1号2栋1单元'],
    [{ district: '370213', street: '书院路', number: 7, room: '501' }, '李沧区书院路7号501室'],
  ];
  for (const [address, text] of cases) {
    t.equal(hudAddress(address), text);
    t.same(parseAddress(text), structured(address), `${text} reads back`);
  }
});

t.test('every Qingdao address of the population reads back as the population holds it', async (t) => {
  const pop = population();
  const places: Place[] = [
    ...pop.households.map((h) => h.address),
    ...pop.hukouMoves.flatMap((m) => [m.to, ...(m.from ? [m.from] : [])]),
    ...pop.residencePermits.map((r) => r.address),
    ...pop.properties.map((p) => p.address),
    ...pop.saleContracts.map((c) => c.address),
    ...pop.leases.map((l) => l.address),
    ...pop.enterprises.map((e) => e.address),
  ];
  const addresses = places.filter((p): p is Address => !('outside' in p));
  t.ok(addresses.length > 100, `${addresses.length} addresses`);
  const wrong = addresses.filter((a) => JSON.stringify(parseAddress(hudAddress(a))) !== JSON.stringify(structured(a)));
  t.same(wrong.map((a) => hudAddress(a)), [], 'none reads back differently');
});
