/**
 * Raw shapes of the NRP real-estate registry (不动产登记信息查询接口, protocol style B):
 * XML over `POST /bdcdj/api/query`, field names are the registry's pinyin abbreviations.
 * Every leaf arrives as a string (the parser never guesses numbers: `0012345` stays text).
 */

import { Type } from '@sinclair/typebox';

/** The one endpoint of the interface. */
export const NRP_QUERY_PATH = '/bdcdj/api/query';
/** A person with more pages than this is taken for a registry that never ends. */
export const NRP_MAX_PAGES = 100;
/** Answers larger than this are refused (and the connection released) rather than buffered. */
export const NRP_MAX_BODY_BYTES = 4 * 1024 * 1024;

/** QLRZJH 权利人证件号 of a person: a resident ID number, upper-case X. */
export const NrpOwnerIdNumber = Type.String({ pattern: '^\\d{17}[\\dX]$', description: 'QLRZJH 权利人证件号' });
/** BDCQZH 不动产权证书号: the registry keeps at most 64 characters (longer is code 2, 参数错误). */
export const NRP_MAX_CERTIFICATE_LENGTH = 64;
export const NrpCertificateNumber = Type.String({ minLength: 1, maxLength: NRP_MAX_CERTIFICATE_LENGTH, description: 'BDCQZH 不动产权证书号' });

/** The interface's methods, with their request parameters and the records they answer. */
export interface NrpMethods {
  /** 按权利人证件号查询: rights held by a person, paginated (PageSize ≤ 20). */
  QueryByOwner: { params: { QLRZJH: string; PageNo: number; PageSize: number }; record: NrpOwnedPropertyRecord };
  /** 按不动产权证书号查询: one certificate. */
  QueryByCertificate: { params: { BDCQZH: string }; record: NrpPropertyRecord };
  /** 查询限制状态: current restrictions (mortgage, seizure …) on one certificate. */
  QueryRestrictions: { params: { BDCQZH: string }; record: NrpRestrictionRecord };
}
export type NrpMethod = keyof NrpMethods;
export type NrpParams<M extends NrpMethod> = NrpMethods[M]['params'];
export type NrpRecordOf<M extends NrpMethod> = NrpMethods[M]['record'];
/** Methods that answer page by page. */
export type NrpPagedMethod = { [M in NrpMethod]: NrpParams<M> extends { PageNo: number } ? M : never }[NrpMethod];

/** A property right (QueryByCertificate). */
export interface NrpPropertyRecord {
  /** 不动产权证书号, e.g. 鲁(2021)青岛市不动产权第0012345号 */
  BDCQZH: string;
  /** 坐落: 青岛市市南区福州南路88号3栋2单元501室 */
  ZL: string;
  /** 面积 in m², two decimals: '89.50' */
  MJ: string;
  /** 用途: 住宅 | 商业 | 办公 | 车位 */
  YT: string;
  /** 共有方式: 单独所有 | 共同共有 | 按份共有 */
  GYFS: string;
  /** 权利人数量 (number of owners) */
  QLRSL: string;
  /** 登记时间: '2021-05-12 10:23:45' */
  DJSJ: string;
}

/** A property right as listed for one owner (QueryByOwner): adds that owner's share. */
export interface NrpOwnedPropertyRecord extends NrpPropertyRecord {
  /** 份额 of the queried owner, '50%'; empty (or absent) unless 按份共有 */
  FE?: string;
}

/** A restriction on a certificate (QueryRestrictions). */
export interface NrpRestrictionRecord {
  /** 限制类型: 抵押 | 查封 | 限制转让 | 异议 */
  XZLX: string;
  /** 登记时间: '2021-05-12 10:23:45' */
  DJSJ: string;
  /** 结束时间 (end date), empty or absent when open-ended */
  JSSJ?: string;
  /** 机构名称: the bank, court or office that holds it */
  JGMC: string;
}

/** Fields a record must carry for the client to pass it on (checked at the border). */
export const NRP_REQUIRED_FIELDS: { readonly [M in NrpMethod]: readonly (keyof NrpRecordOf<M> & string)[] } = {
  QueryByOwner: ['BDCQZH', 'ZL', 'MJ', 'YT', 'GYFS', 'QLRSL', 'DJSJ'],
  QueryByCertificate: ['BDCQZH', 'ZL', 'MJ', 'YT', 'GYFS', 'QLRSL', 'DJSJ'],
  QueryRestrictions: ['XZLX', 'DJSJ', 'JGMC'],
};

/** One answer of the registry with code 0: a page (or the whole set, for unpaged methods). */
export interface NrpPage<R> {
  total: number;
  /** Present for paged methods. */
  pageNo: number | undefined;
  records: R[];
}
