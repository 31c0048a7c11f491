import t from 'tap';
import { amrCapitalFen, amrDate, amrKind, amrStatus } from '../../connectors/amr/fields.js';
import { toEnterpriseByCode, toPersonEnterprises } from '../../connectors/amr/to-enterprises.js';
import type { AmrEntity } from '../../connectors/amr/types.js';
import { EnterpriseRecord, Enterprises } from '../../schemas/facts/amr.js';
import { validatorFor } from '../../src/validation.js';

const raw: AmrEntity = {
  统一社会信用代码: '91350100M000100Y43',
  企业名称: '福州某某科技有限公司',
  类型: '有限责任公司(自然人投资或控股)',
  登记状态: '存续（在营、开业、在册）',
  成立日期: '2018年03月15日',
  法定代表人: '张三',
  住所: '青岛市市南区福州南路88号1205室',
  注册资本: '500万元人民币',
};

t.test('pure mappers: register terms onto closed enums, with other as the fallback', async (t) => {
  t.same(toEnterpriseByCode(raw), {
    creditCode: '91350100M000100Y43',
    name: '福州某某科技有限公司',
    kind: 'company',
    status: 'active',
    establishedOn: '2018-03-15',
    address: '青岛市市南区福州南路88号1205室',
    addressNormalized: { district: '370202', street: '福州南路', number: 88, building: null, unit: null, room: '1205' },
    registeredCapitalFen: 500_000_000,
    role: null,
    checkCharacterValid: true,
  });
  t.notOk(JSON.stringify(toEnterpriseByCode(raw)).includes('张三'), "the legal representative's name is not in the fact");

  for (const [type, kind] of [['有限责任公司', 'company'], ['股份有限公司', 'company'], ['有限责任公司分公司', 'company'], ['个体工商户', 'sole_trader'], ['农民专业合作社', 'other'], ['个人独资企业', 'other']] as const) {
    t.equal(amrKind(type), kind, type);
  }
  for (const [text, status] of [
    ['存续', 'active'], ['在营', 'active'], ['开业', 'active'], ['吊销', 'revoked'], ['吊销，未注销', 'revoked'], ['吊销,未注销', 'revoked'],
    ['注销', 'cancelled'], ['吊销，已注销', 'cancelled'], ['迁出', 'other'], ['停业', 'other'], ['撤销', 'other'],
  ] as const) {
    t.equal(amrStatus(text), status, text);
  }
  t.equal(amrDate('2018年3月5日'), '2018-03-05', 'unpadded month and day');
  t.same([amrCapitalFen('500万元人民币'), amrCapitalFen('12.5万元'), amrCapitalFen('500万人民币'), amrCapitalFen('30000元'), amrCapitalFen('0.01元')],
    [500_000_000, 12_500_000, 500_000_000, 3_000_000, 1]);
  t.equal(amrCapitalFen('500.000000万元人民币'), 500_000_000, 'trailing zeros of the register’s six decimals');
  t.equal(amrCapitalFen(undefined), null, 'absent: none registered');
  t.equal(amrCapitalFen(''), null);
  t.equal(amrCapitalFen('100万美元'), null, 'another currency is no amount in fen');
  t.equal(checkOf('91350100M000100Y44'), false, 'a failed check character is flagged, not refused');
});

function checkOf(code: string): boolean {
  return toEnterpriseByCode({ ...raw, 统一社会信用代码: code }).checkCharacterValid;
}

t.test('by person: the key the person is named under is the role; oldest first', async (t) => {
  const { 法定代表人: _rep, ...shop } = { ...raw, 统一社会信用代码: '92370202MA3D8N2P8Q', 类型: '个体工商户', 成立日期: '2016年07月01日', 注册资本: undefined };
  const list = toPersonEnterprises([{ ...raw, 法定代表人: '张三' }, { ...shop, 经营者: '张三' }]);
  t.same(list.map((e) => [e.creditCode, e.role, e.registeredCapitalFen]), [
    ['92370202MA3D8N2P8Q', 'operator', null],
    ['91350100M000100Y43', 'legal_representative', 500_000_000],
  ]);
  t.ok(validatorFor(Enterprises)(list));
});

t.test('malformed values do not become plausible facts: the schema refuses them', async (t) => {
  const valid = validatorFor(EnterpriseRecord);
  t.ok(valid(toEnterpriseByCode(raw)));
  t.notOk(valid(toEnterpriseByCode({ ...raw, 成立日期: '二〇一八年三月' })), 'a date in words');
  t.notOk(valid(toEnterpriseByCode({ ...raw, 成立日期: '2018年02月30日' })), 'a day the calendar lacks');
  t.notOk(valid(toEnterpriseByCode({ ...raw, 注册资本: '五百万元' })), 'capital in words');
  t.notOk(valid(toEnterpriseByCode({ ...raw, 注册资本: '500万' })), 'capital without a currency');
  t.notOk(valid(toEnterpriseByCode({ ...raw, 注册资本: '0.001元' })), 'capital finer than a fen');
  t.notOk(valid(toEnterpriseByCode({ ...raw, 统一社会信用代码: '91350100M000100I43' })), 'a code outside GB 32100');
  t.notOk(valid(toEnterpriseByCode({ ...raw, 企业名称: '' })), 'no name');
  const unreadable = toEnterpriseByCode({ ...raw, 住所: '福州南路附近' });
  t.equal(unreadable.addressNormalized, null, 'an address the normalizer cannot read is null, kept as written');
  t.ok(valid(unreadable));
});
