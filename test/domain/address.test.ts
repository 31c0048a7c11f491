/** The address normalizer (src/domain/address.ts): every agency's way of writing a dwelling, and the hard cases. */
import t from 'tap';
import { compareAddresses, parseAddress, type StructuredAddress } from '../../src/domain/address.js';
import { psbAddress } from '../../mocks/psb/render.js';
import { location } from '../../mocks/nrp/render.js';
import { hudAddress } from '../../mocks/hud/render.js';
import { amrAddress } from '../../mocks/amr/render.js';
import type { Address } from '../../schemas/population.js';
import { smallPopulation } from '../helpers/gateway.js';

const flat: StructuredAddress = { district: '370202', street: '福州南路', number: 88, building: 3, unit: 2, room: '501' };

t.test('one dwelling, every way the agencies write it', async (t) => {
  for (const text of [
    '山东省青岛市市南区福州南路88号3号楼2单元501户', // PSB
    '青岛市市南区福州南路88号3栋2单元501室', // NRP
    '市南区福州南路88号3-2-501', // HUD
    '市南区福州南路88号3座2单元501室',
    '市南区福州南路88号3幢2单元501',
    '  山东省 青岛市 市南区 福州南路 ８８号 ３号楼 ２单元 ５０１户 ', // spaces, full-width digits
    '青岛市市南区福州南路88号3－2－501', // full-width hyphens
  ]) t.same(parseAddress(text), flat, text);
});

t.test('a missing district is unknown and compares with any; a county-level city is a district', async (t) => {
  const noDistrict = parseAddress('福州南路88号3栋2单元501室')!;
  t.equal(noDistrict.district, null);
  t.same(compareAddresses(noDistrict, flat), { same: true });
  t.equal(parseAddress('胶州市兰州东路12号')!.district, '370281');
  t.equal(parseAddress('山东省青岛市胶州市兰州东路12号')!.district, '370281');
  t.equal(parseAddress('青岛市市北区辽宁路3号')!.district, '370203');
});

t.test('houses, offices, rooms', async (t) => {
  t.same(parseAddress('市南区福州南路88号'), { district: '370202', street: '福州南路', number: 88, building: null, unit: null, room: null });
  t.same(parseAddress('市南区福州南路88号3栋1205室'), { ...flat, unit: null, room: '1205' });
  t.same(parseAddress('市南区福州南路88号3-1205'), { ...flat, unit: null, room: '1205' });
  t.same(parseAddress('市南区福州南路88号501室'), { ...flat, building: null, unit: null, room: '501' });
});

t.test('what is not an address we can read is null, never a throw', async (t) => {
  for (const text of ['', '福州南路', '河南省南阳市卧龙区某某街道', '市南区福州南路88号3栋2单元五零一室', '88号']) t.equal(parseAddress(text), null, JSON.stringify(text));
  for (const text of ['河南省郑州市金水区文化路12号', '山东省济南市历下区经十路88号', '青岛市外县某镇文化路3号']) t.equal(parseAddress(text), null, `outside Qingdao: ${text}`);
});

t.test('neighbours are other dwellings, and the comparison says why', async (t) => {
  const same = (text: string) => compareAddresses(parseAddress(text)!, flat);
  t.same(same('市南区福州南路88号3-2-501'), { same: true });
  t.same(same('市南区福州南路88号3-2-0501'), { same: true }, 'a zero-padded room is the same room');
  t.match(same('市南区福州南路88号3-2-502'), { same: false, differs: 'room' });
  t.match(same('市南区福州南路88号4-2-501'), { same: false, differs: 'building', reason: 'the building differs' });
  t.match(same('市南区福州南路88号3-1-501'), { same: false, differs: 'unit' });
  t.match(same('市南区福州南路86号3-2-501'), { same: false, differs: 'number' });
  t.match(same('市南区香港中路88号3-2-501'), { same: false, differs: 'street' });
  t.match(same('市北区福州南路88号3-2-501'), { same: false, differs: 'district' });
  t.match(same('市南区福州南路88号3栋501室'), { same: false, differs: 'unit' }, 'a flat without a unit is not the one with');
});

t.test('every agency writes every dwelling of a population its own way, and they all read the same; the neighbours do not', async (t) => {
  const pop = smallPopulation();
  const styles: Array<[string, (a: Address) => string]> = [['PSB', psbAddress], ['NRP', location], ['HUD', hudAddress], ['AMR', amrAddress]];
  let n = 0;
  for (const p of pop.properties) {
    const want = { district: p.address.district, street: p.address.street, number: p.address.number, building: p.address.building ?? null, unit: p.address.unit ?? null, room: p.address.room ?? null };
    const texts = styles.map(([agency, render]) => [agency, render(p.address)] as const);
    // A house is just road and number: two agencies may well write it alike. A flat, never.
    if (p.address.building !== undefined) t.equal(new Set(texts.map(([, text]) => text)).size, styles.length, 'four different texts');
    for (const [agency, text] of texts) t.same(parseAddress(text), want, `${agency}: ${text}`);
    const next = p.address.room !== undefined ? { ...p.address, room: String(Number(p.address.room) + 1) } : { ...p.address, number: p.address.number + 1 };
    for (const [agency, render] of styles) {
      t.same(compareAddresses(parseAddress(render(next))!, want), { same: false, differs: next.room !== p.address.room ? 'room' : 'number', reason: next.room !== p.address.room ? 'the room differs' : 'the door number differs' }, `${agency}: the neighbour is another dwelling`);
    }
    n++;
  }
  t.ok(n > 20, `${n} dwellings`);
});
