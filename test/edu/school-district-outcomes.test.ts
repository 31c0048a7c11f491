/**
 * What `schoolDistrict` comes to when the address is missing, unusable or unreachable,
 * through the gateway: no hukou (or no certificate) is not_found; PSB failing is
 * unavailable and EDU is not asked; a hukou outside the city, or one the normalizer cannot
 * read, is found with no schools and addressNormalized null (EDU zones doors of Qingdao:
 * there is nothing to ask it), the address showing why; a road of the city in no zone is
 * found, empty.
 */
import t from 'tap';
import { makeIdNumber } from '../../src/domain/id-number.js';
import type { Population } from '../../schemas/population.js';
import { family, smallPopulation } from '../helpers/gateway.js';
import { startEduGateway, type EduGateway } from './fixtures/harness.js';

/** A copy of the small population with three households moved: one unreadable, one outside the city, one on a road in no zone. */
function variant(): { pop: Population; unreadable: string; outside: string; unzoned: string } {
  const pop = structuredClone(smallPopulation());
  const childOf = (scenario: 'house-hukou-match' | 'seized-property' | 'late-hukou-move') => family(pop, scenario).child!.idNumber;
  const move = (idNumber: string, address: Population['households'][number]['address']) => {
    pop.households.find((h) => h.members.some((m) => m.idNumber === idNumber))!.address = address;
    return idNumber;
  };
  return {
    pop,
    unreadable: move(childOf('house-hukou-match'), { outside: '河南省周口市太康县城关镇' }),
    outside: move(childOf('seized-property'), { outside: '吉林省长春市南关区亚泰大街152号' }),
    unzoned: move(childOf('late-hukou-move'), { district: '370202', street: '无名路', number: 5 }),
  };
}

async function ask(gw: EduGateway, subject: Record<string, string>) {
  const res = await gw.verify({ purpose: 'enrollment.primary', subjects: [{ ref: 's', ...subject }], facts: { s: ['schoolDistrict'] } });
  const fact = res.body.facts.s.schoolDistrict;
  return {
    overall: res.body.status as string,
    fact: 'value' in fact ? { status: fact.status, value: fact.value } : { status: fact.status },
    sources: (res.body.sources as { connector: string; status: string }[]).map((s) => `${s.connector} ${s.status}`),
  };
}

const person = (idNumber: string) => ({ idNumber, name: '张三' });

t.test('no hukou, no certificate: not_found, and EDU is not asked', async (t) => {
  const gw = await startEduGateway(t, smallPopulation());
  const nobody = await ask(gw, person(makeIdNumber('370202', '20190101', 991)));
  t.same(nobody, { overall: 'complete', fact: { status: 'not_found' }, sources: ['psb.hukou-person not_found'] });
  const noCertificate = await ask(gw, { certificateNumber: '鲁(2024)青岛市不动产权第0999999号' });
  t.same(noCertificate, { overall: 'complete', fact: { status: 'not_found' }, sources: ['nrp.property-certificate not_found'] });
});

t.test('PSB failing: unavailable, and EDU is not asked', async (t) => {
  const gw = await startEduGateway(t, smallPopulation());
  gw.mocks.get('psb')!.faults.set({ kind: 'corrupt', interface: 'czrk' });
  const got = await ask(gw, person(family(gw.population, 'house-hukou-match').child!.idNumber));
  t.same(got, { overall: 'partial', fact: { status: 'unavailable' }, sources: ['psb.hukou-person invalid_response'] });
});

t.test('a hukou outside the city or unreadable: found, no schools, EDU not asked', async (t) => {
  const v = variant();
  const gw = await startEduGateway(t, v.pop);

  const outside = await ask(gw, person(v.outside));
  t.same(outside, {
    overall: 'complete',
    fact: {
      status: 'found',
      value: {
        address: '吉林省长春市南关区亚泰大街152号',
        // The normalizer reads no address of Qingdao in it.
        addressNormalized: null,
        schools: [],
      },
    },
    sources: ['psb.hukou-person ok'],
  });

  const unreadable = await ask(gw, person(v.unreadable));
  t.same(unreadable, {
    overall: 'complete',
    fact: { status: 'found', value: { address: '河南省周口市太康县城关镇', addressNormalized: null, schools: [] } },
    sources: ['psb.hukou-person ok'],
  });
});

t.test('a road of the city in no zone: found, no schools, after asking EDU', async (t) => {
  const v = variant();
  const gw = await startEduGateway(t, v.pop);
  t.same(await ask(gw, person(v.unzoned)), {
    overall: 'complete',
    fact: {
      status: 'found',
      value: {
        address: '山东省青岛市市南区无名路5号',
        addressNormalized: { district: '370202', street: '无名路', number: 5, building: null, unit: null, room: null },
        schools: [],
      },
    },
    sources: ['psb.hukou-person ok', 'edu.school-district ok'],
  });
});
