/**
 * Real-estate certificate numbers (不动产权证书号), e.g. `鲁(2021)青岛市不动产权第0012345号`.
 * There is no check character: we fold the unambiguous variants (full-width brackets,
 * white space) and compare the rest as an opaque string.
 */
export function normalizeCertificateNumber(input: string): string {
  return input
    .replace(/[\s\u3000]+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30));
}

/** Loose shape check: province abbreviation, (year), place, 不动产权/不动产证明, 第 serial 号. */
export const CERTIFICATE_NUMBER_PATTERN = /^[\u4e00-\u9fa5]\(\d{4}\)[\u4e00-\u9fa5]{1,12}不动产(权|证明)第\d{7,8}号$/;
