import t from 'tap';
import { toOwnedPropertyRecord, toPropertyRecord } from '../../connectors/nrp/to-property-record.js';
import { toPropertyRestriction } from '../../connectors/nrp/to-property-restrictions.js';
import { PropertyRecord, PropertyRestriction } from '../../schemas/facts/nrp.js';
import { validatorFor } from '../../src/validation.js';

const raw = {
  BDCQZH: '鲁（2021）青岛市不动产权第0012345号', ZL: '青岛市市南区福州南路88号3栋2单元501室', MJ: '89.50',
  YT: '住宅', GYFS: '按份共有', QLRSL: '2', FE: '33.33%', DJSJ: '2021-05-12 10:23:45',
};

t.test('pure mappers: registry terms onto closed enums, with other as the fallback', async (t) => {
  t.same(toOwnedPropertyRecord(raw), {
    certificateNumber: '鲁(2021)青岛市不动产权第0012345号', address: raw.ZL, areaM2: 89.5, use: 'residential',
    addressNormalized: { district: '370202', street: '福州南路', number: 88, building: 3, unit: 2, room: '501' },
    coOwnership: 'shares', ownerCount: 2, sharePercent: 33.33, registeredOn: '2021-05-12',
  });
  t.equal(toPropertyRecord(raw).sharePercent, null, 'a certificate alone has no owner in view');
  t.equal(toOwnedPropertyRecord({ ...raw, GYFS: '共同共有', FE: '50%' }).sharePercent, null, 'FE counts for 按份共有 only');
  t.equal(toOwnedPropertyRecord({ ...raw, FE: '' }).sharePercent, null);

  for (const [yt, use] of [['商业', 'commercial'], ['办公', 'office'], ['车位', 'parking'], ['仓储', 'other']] as const) {
    t.equal(toPropertyRecord({ ...raw, YT: yt }).use, use, yt);
  }
  t.equal(toPropertyRecord({ ...raw, GYFS: '单独所有' }).coOwnership, 'sole');
  t.equal(toPropertyRecord({ ...raw, GYFS: '其他' }).coOwnership, 'other');

  const restriction = { XZLX: '查封', DJSJ: '2026-06-01 09:12:00', JSSJ: '2029-05-31', JGMC: '青岛市市北区人民法院' };
  t.same(toPropertyRestriction(restriction), { kind: 'seizure', registeredOn: '2026-06-01', until: '2029-05-31', authority: '青岛市市北区人民法院' });
  t.equal(toPropertyRestriction({ ...restriction, XZLX: '轮候查封' }).kind, 'seizure');
  t.equal(toPropertyRestriction({ ...restriction, XZLX: '限制转让' }).kind, 'sale_restriction');
  t.equal(toPropertyRestriction({ ...restriction, XZLX: '异议' }).kind, 'objection');
  t.equal(toPropertyRestriction({ ...restriction, XZLX: '地役权' }).kind, 'other');
  t.equal(toPropertyRestriction({ ...restriction, JSSJ: '' }).until, null);
  const { JSSJ: _absent, ...noEnd } = restriction;
  t.equal(toPropertyRestriction(noEnd).until, null, 'an absent JSSJ is open-ended too');
});

t.test('malformed values do not become plausible facts: the schema refuses them', async (t) => {
  const record = validatorFor(PropertyRecord);
  t.notOk(record(toPropertyRecord({ ...raw, MJ: '' })), 'empty area');
  t.notOk(record(toPropertyRecord({ ...raw, MJ: '89,50' })), 'area with a comma');
  t.notOk(record(toPropertyRecord({ ...raw, QLRSL: 'zwei' })), 'owner count');
  t.notOk(record(toPropertyRecord({ ...raw, DJSJ: '12/05/2021' })), 'date');
  t.notOk(record(toOwnedPropertyRecord({ ...raw, FE: 'half' })), 'share');
  const restriction = validatorFor(PropertyRestriction);
  t.notOk(restriction(toPropertyRestriction({ XZLX: '抵押', DJSJ: 'yesterday', JSSJ: '', JGMC: 'x' })), 'restriction date');
});
