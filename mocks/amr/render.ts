/**
 * How the market-entity register writes the population's records: Chinese keys, dates
 * `2018年03月15日`, capital `500万元人民币`, and 住所 the AMR way
 * (`山东省青岛市市南区福州南路88号3幢2单元1205室`: province first, 幢 for the building,
 * 室 for the room), unlike PSB's 号楼/户 and NRP's 栋 without the province.
 */
import type { AmrEntity, AmrPersonEntity } from '../../connectors/amr/types.js';
import type { Address, Enterprise } from '../../schemas/population.js';
import { districtName } from '../../src/domain/districts.js';

/** `2018-03-15` → `2018年03月15日`. */
export function amrDate(iso: string): string {
  return `${iso.slice(0, 4)}年${iso.slice(5, 7)}月${iso.slice(8, 10)}日`;
}

/** 住所: province, city, district, road, door number, then 幢 / 单元 / 室 where there are. */
export function amrAddress(a: Address): string {
  return `山东省青岛市${districtName(a.district)}${a.street}${a.number}号`
    + (a.building !== undefined ? `${a.building}幢` : '')
    + (a.unit !== undefined ? `${a.unit}单元` : '')
    + (a.room !== undefined ? `${a.room}室` : '');
}

/** Fen → `500万元人民币`, `12.5万元人民币` (exact: integer arithmetic, trailing zeros dropped). */
export function amrCapital(fen: number): string {
  const wan = Math.floor(fen / 1_000_000);
  const fraction = String(fen % 1_000_000).padStart(6, '0').replace(/0+$/, '');
  return `${wan}${fraction ? `.${fraction}` : ''}万元人民币`;
}

const KIND: Record<Enterprise['kind'], string> = { company: '有限责任公司', sole_trader: '个体工商户' };
const STATUS: Record<Enterprise['status'], string> = { active: '存续', revoked: '吊销', cancelled: '注销' };

/**
 * One entity as the register answers it. `leader` is the legal representative's or
 * operator's name, under the key of their role. 登记机关 is an extra field the connector
 * does not read (the register has more fields than the gateway needs).
 */
export function amrEntity(e: Enterprise, leader: string): AmrPersonEntity & { 登记机关: string } {
  const common: AmrEntity = {
    统一社会信用代码: e.creditCode,
    企业名称: e.name,
    类型: KIND[e.kind],
    登记状态: STATUS[e.status],
    成立日期: amrDate(e.establishedOn),
    住所: amrAddress(e.address),
    ...(e.registeredCapitalFen !== undefined ? { 注册资本: amrCapital(e.registeredCapitalFen) } : {}),
  };
  const registrar = `青岛市${districtName(e.address.district)}市场监督管理局`;
  return e.kind === 'sole_trader'
    ? { ...common, 经营者: leader, 登记机关: registrar }
    : { ...common, 法定代表人: leader, 登记机关: registrar };
}
