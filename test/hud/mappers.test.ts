/** The pure mappers: order, closed enums with a fallback, yuan to fen, other people masked or counted. */
import t from 'tap';
import { toLeases } from '../../connectors/hud/to-leases.js';
import { toSaleContracts } from '../../connectors/hud/to-sale-contracts.js';
import type { HudLease, HudSaleContract } from '../../connectors/hud/types.js';
import { Leases, SaleContracts } from '../../schemas/facts/hud.js';
import { assertValid } from './fixtures/harness.js';

const contract = (over: Partial<HudSaleContract> = {}): HudSaleContract => ({
  contractNumber: 'WQ20210212000001',
  houseAddress: '市南区福州南路88号3-2-501',
  filingDate: '2021-05-12',
  filingStatus: '已备案',
  totalPrice: 2_345_678.9,
  developer: { creditCode: '91370200MA3C1234X5', name: '青岛某房地产开发有限公司' },
  buyers: [{ name: '张建国', idNumber: '370202198503120017' }],
  ...over,
});

const lease = (over: Partial<HudLease> = {}): HudLease => ({
  registrationNumber: 'ZL370203202400001',
  houseAddress: '市北区延吉路116号3-1205',
  leaseStartDate: '2024-03-01',
  leaseEndDate: '2026-02-28',
  monthlyRent: 3200,
  tenants: [{ name: '刘洋', idNumber: '370203199001011234' }, { name: '王芳', idNumber: '370203199102021248' }],
  landlord: { name: '李秀英', idNumber: '370202196505050021' },
  ...over,
});

t.test('saleContracts: one filing, every field', async (t) => {
  const value = toSaleContracts([contract({ buyers: [{ name: 'a', idNumber: '370202198503120017' }, { name: 'b', idNumber: '370202198604150026' }] })]);
  assertValid(SaleContracts, value);
  t.same(value, [{
    contractNumber: 'WQ20210212000001',
    address: '市南区福州南路88号3-2-501',
    addressNormalized: { district: '370202', street: '福州南路', number: 88, building: 3, unit: 2, room: '501' },
    filedOn: '2021-05-12',
    status: 'filed',
    areaM2: null,
    priceFen: 234_567_890,
    developerCreditCode: '91370200MA3C1234X5',
    developerName: '青岛某房地产开发有限公司',
    buyerCount: 2,
  }]);
});

t.test('saleContracts: oldest filing first, then by number', async (t) => {
  const value = toSaleContracts([
    contract({ contractNumber: 'C', filingDate: '2023-01-01' }),
    contract({ contractNumber: 'B', filingDate: '2021-01-01' }),
    contract({ contractNumber: 'A', filingDate: '2021-01-01' }),
  ]);
  t.same(value.map((c) => c.contractNumber), ['A', 'B', 'C']);
});

t.test('saleContracts: 已撤销 is cancelled, a state HUD adds later is other', async (t) => {
  t.same(toSaleContracts([contract({ filingStatus: '已撤销' })])[0]!.status, 'cancelled');
  t.same(toSaleContracts([contract({ filingStatus: '冻结' })])[0]!.status, 'other');
  t.same(toSaleContracts([contract({ filingStatus: '' })])[0]!.status, 'other');
});

t.test('saleContracts: the area when the filing has one, else null (never derived)', async (t) => {
  t.equal(toSaleContracts([contract({ buildingArea: 89.5 })])[0]!.areaM2, 89.5);
  t.equal(toSaleContracts([contract({ buildingArea: null })])[0]!.areaM2, null);
  t.equal(toSaleContracts([contract()])[0]!.areaM2, null);
});

t.test('yuan with cents becomes exact fen', async (t) => {
  for (const [yuan, fen] of [[1234.56, 123456], [0.07, 7], [1_194_684, 119_468_400], [19.99, 1999]] as const) {
    t.equal(toSaleContracts([contract({ totalPrice: yuan })])[0]!.priceFen, fen, `${yuan}`);
    t.equal(toLeases([lease({ monthlyRent: yuan })])[0]!.monthlyRentFen, fen, `${yuan}`);
  }
});

t.test('an address the normalizer cannot read keeps its text, with addressNormalized null', async (t) => {
  const value = toSaleContracts([contract({ houseAddress: '市南区某小区A座' })]);
  assertValid(SaleContracts, value);
  t.equal(value[0]!.address, '市南区某小区A座');
  t.equal(value[0]!.addressNormalized, null);
});

t.test('leases: every field; the landlord masked, the tenants counted', async (t) => {
  const value = toLeases([lease()]);
  assertValid(Leases, value);
  t.same(value, [{
    registrationNumber: 'ZL370203202400001',
    address: '市北区延吉路116号3-1205',
    addressNormalized: { district: '370203', street: '延吉路', number: 116, building: 3, unit: null, room: '1205' },
    startOn: '2024-03-01',
    endOn: '2026-02-28',
    monthlyRentFen: 320_000,
    tenantCount: 2,
    landlordIdNumberMasked: '370202********0021',
  }]);
  const text = JSON.stringify(value);
  for (const name of ['刘洋', '王芳', '李秀英']) t.notOk(text.includes(name), 'no names');
});

t.test('leases: earliest start first', async (t) => {
  const value = toLeases([
    lease({ registrationNumber: 'L2', leaseStartDate: '2025-01-01' }),
    lease({ registrationNumber: 'L1', leaseStartDate: '2022-06-01' }),
  ]);
  t.same(value.map((l) => l.registrationNumber), ['L1', 'L2']);
});
