/** The ten districts of Qingdao (GB/T 2260), code → name. */
export const QINGDAO_DISTRICTS = {
  '370202': '市南区',
  '370203': '市北区',
  '370211': '黄岛区',
  '370212': '崂山区',
  '370213': '李沧区',
  '370214': '城阳区',
  '370215': '即墨区',
  '370281': '胶州市',
  '370283': '平度市',
  '370285': '莱西市',
} as const;

export type DistrictCode = keyof typeof QINGDAO_DISTRICTS;

export const DISTRICT_CODES = Object.keys(QINGDAO_DISTRICTS) as DistrictCode[];

export function districtName(code: string): string {
  return (QINGDAO_DISTRICTS as Record<string, string>)[code] ?? code;
}
