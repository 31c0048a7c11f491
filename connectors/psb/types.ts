/**
 * PSB's raw request and response shapes (style A, DESIGN.md §2), as JSON Schemas with
 * their types derived. Field names are the agency's pinyin initials; dates are YYYYMMDD.
 * The client validates every answer against these before a mapper sees it; unknown extra
 * fields are tolerated (the agency adds fields over time), missing or mistyped ones are not.
 */
import { Type, type Static } from '@sinclair/typebox';
import { StringEnum } from '../../schemas/common.js';

/** Answers larger than this are refused as invalid_response (1 MiB; real ones are a few KiB). */
export const PSB_MAX_RESPONSE_BYTES = 1024 * 1024;

const PsbDate = Type.String({ pattern: '^\\d{8}$', description: 'YYYYMMDD' });
/** sfzh 公民身份号码: 18 characters, upper-case X. */
export const PsbIdNumber = Type.String({ pattern: '^\\d{17}[\\dX]$', description: 'sfzh 公民身份号码' });
/** xm 姓名 as sfhy accepts it: 1-30 characters (longer is refused with 1002). */
export const PsbName = Type.String({ minLength: 1, maxLength: 30, description: 'xm 姓名' });
/** hh 户号: 9-12 digits. */
export const PsbHouseholdNumber = Type.String({ pattern: '^\\d{9,12}$', description: 'hh 户号' });
/** GB/T 2261.1 性别代码: 1 男, 2 女. */
const PsbGender = StringEnum(['1', '2'] as const);
/** GB/T 4761 家庭关系代码, two digits (02 户主, 10 配偶, 20 子, 30 女 …). */
const PsbRelationCode = Type.String({ pattern: '^\\d{2}$' });

/** Every answer: HTTP 200 with this envelope; `data` is null unless code is 0000. */
export const PsbEnvelope = Type.Object({
  code: Type.String({ pattern: '^\\d{4}$' }),
  msg: Type.String(),
  data: Type.Optional(Type.Unknown()),
});
export type PsbEnvelope = Static<typeof PsbEnvelope>;

// --- request bodies (the mock validates with the same schemas) ---------------------------

export const PsbBySfzh = Type.Object({ sfzh: PsbIdNumber }, { additionalProperties: false });
export const PsbByHh = Type.Object({ hh: PsbHouseholdNumber }, { additionalProperties: false });
export const PsbSfhyParams = Type.Object({ sfzh: PsbIdNumber, xm: PsbName }, { additionalProperties: false });

// --- connector inputs: the gateway's names, with the forms PSB accepts --------------------

export const PsbByIdNumberInput = Type.Object({ idNumber: PsbIdNumber }, { additionalProperties: false });
export const PsbByHouseholdNumberInput = Type.Object({ householdNumber: PsbHouseholdNumber }, { additionalProperties: false });
export const PsbByIdNumberAndNameInput = Type.Object({ idNumber: PsbIdNumber, name: PsbName }, { additionalProperties: false });

// --- answers ------------------------------------------------------------------------------

/** czrk 常住人口: one person's hukou. */
export const PsbCzrk = Type.Object({
  sfzh: PsbIdNumber,
  xm: Type.String(),
  xb: PsbGender,
  csrq: PsbDate,
  mz: Type.String({ description: '民族' }),
  hjdz: Type.String({ description: '户籍地址' }),
  ssxq: Type.String({ pattern: '^(\\d{6})?$', description: '所属县区 code, empty outside the city' }),
  hh: Type.String(),
  yhzgx: PsbRelationCode,
  qrrq: PsbDate,
  hklx: StringEnum(['家庭户', '集体户'] as const),
});
export type PsbCzrk = Static<typeof PsbCzrk>;

/** hjcy 户籍成员: the members of one household. */
export const PsbHjcyMember = Type.Object({
  sfzh: PsbIdNumber,
  xm: Type.String(),
  xb: PsbGender,
  csrq: PsbDate,
  yhzgx: PsbRelationCode,
  qrrq: PsbDate,
});
export type PsbHjcyMember = Static<typeof PsbHjcyMember>;
export const PsbHjcy = Type.Object({ hh: Type.String(), hjdz: Type.String(), cy: Type.Array(PsbHjcyMember) });
export type PsbHjcy = Static<typeof PsbHjcy>;

/** qyjl 迁移记录: hukou moves, in whatever order the registry keeps them. */
export const PsbQyjlRecord = Type.Object({
  qyrq: PsbDate,
  /** 出生登记 | 迁入 | 市内迁移 today; left open so that a new kind maps to 'other', not a failure. */
  qylx: Type.String(),
  /** 迁出地址, empty for a birth registration. */
  qcdz: Type.String(),
  /** 迁入地址. */
  qrdz: Type.String(),
});
export type PsbQyjlRecord = Static<typeof PsbQyjlRecord>;
export const PsbQyjl = Type.Object({ sfzh: PsbIdNumber, jl: Type.Array(PsbQyjlRecord) });
export type PsbQyjl = Static<typeof PsbQyjl>;

/** jzz 居住证: the most recent residence permit. */
export const PsbJzz = Type.Object({
  jzzh: Type.String({ minLength: 1, description: '居住证号' }),
  jzdz: Type.String({ description: '居住地址' }),
  qfrq: PsbDate,
  yxqz: PsbDate,
  fzjg: Type.String({ description: '发证机关' }),
});
export type PsbJzz = Static<typeof PsbJzz>;

/** sfhy 身份核验: name against ID number, plus basic data. */
export const PsbSfhy = Type.Object({
  ppjg: StringEnum(['一致', '不一致'] as const),
  xb: PsbGender,
  csrq: PsbDate,
  /** 死亡标志: 0 alive, 1 deceased. */
  swbz: StringEnum(['0', '1'] as const),
});
export type PsbSfhy = Static<typeof PsbSfhy>;

/** The five query services: request body and answer `data` schema of each. */
export const PSB_SERVICES = {
  czrk: { params: PsbBySfzh, data: PsbCzrk },
  hjcy: { params: PsbByHh, data: PsbHjcy },
  qyjl: { params: PsbBySfzh, data: PsbQyjl },
  jzz: { params: PsbBySfzh, data: PsbJzz },
  sfhy: { params: PsbSfhyParams, data: PsbSfhy },
} as const;

export type PsbService = keyof typeof PSB_SERVICES;
export type PsbParams<S extends PsbService> = Static<(typeof PSB_SERVICES)[S]['params']>;
export type PsbData<S extends PsbService> = Static<(typeof PSB_SERVICES)[S]['data']>;

export function psbServicePath(service: PsbService): string {
  return `/api/v2/query/${service}`;
}
