/**
 * The 14 data items of the catalog (DESIGN.md §2): what the registries hold, by the names
 * the bureau uses. Every connector declares the one it reads (`dataItem`); GET
 * /v1/connectors lists them.
 */
export const DATA_ITEMS = {
  'household-registration': { zh: '户籍', en: 'household registration' },
  'residence-permit': { zh: '居住证', en: 'residence permit' },
  identity: { zh: '身份核验', en: 'identity' },
  'real-estate-registration': { zh: '不动产登记', en: 'real-estate registration' },
  'sale-contract-filing': { zh: '商品房网签备案', en: 'commodity-housing contract filing' },
  'lease-registration': { zh: '房屋租赁登记备案', en: 'housing lease registration' },
  'social-insurance': { zh: '社会保险', en: 'social insurance' },
  'employment-registration': { zh: '就业登记', en: 'employment registration' },
  'enterprise-registration': { zh: '企业登记', en: 'enterprise registration' },
  'marriage-registration': { zh: '婚姻登记', en: 'marriage registration' },
  'social-assistance': { zh: '低保/特困', en: 'social assistance' },
  'birth-certificate': { zh: '出生医学证明', en: 'birth medical certificate' },
  'student-status': { zh: '学籍', en: 'student status' },
  'school-zoning': { zh: '学区划片', en: 'school-district zoning' },
} as const;

export type DataItem = keyof typeof DATA_ITEMS;
export const DATA_ITEM_IDS = Object.keys(DATA_ITEMS) as DataItem[];
