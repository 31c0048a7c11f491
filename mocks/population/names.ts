/**
 * Word pools for a realistic Qingdao population: names by generation, roads by district,
 * the places migrants come from, employers, banks, courts and hospitals. Nothing here is
 * a real person or company; road names are real or plausible for their district.
 */
import type { DistrictCode } from '../../src/domain/districts.js';

/** Surnames weighted roughly as in Shandong (于, 姜, 曲, 隋 are common around Qingdao). */
export const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 14], ['张', 12], ['李', 12], ['刘', 10], ['孙', 6], ['杨', 5], ['赵', 5], ['于', 5],
  ['姜', 4], ['徐', 4], ['陈', 4], ['周', 3], ['高', 3], ['宋', 3], ['马', 3], ['曲', 2],
  ['崔', 2], ['郭', 2], ['韩', 2], ['吕', 2], ['林', 2], ['黄', 2], ['吴', 2], ['朱', 2],
  ['董', 2], ['隋', 1], ['程', 1], ['宫', 1], ['薛', 1], ['冷', 1], ['胡', 1], ['袁', 1],
  ['修', 1], ['矫', 1], ['栾', 1], ['臧', 1], ['綦', 1], ['邵', 1], ['丁', 1], ['范', 1],
  ['毛', 1], ['欧阳', 0.3], ['司马', 0.2],
];

type Era = 'elder' | 'middle' | 'young';

/** Given names by generation: born before 1965, 1965-1999, 2000 onwards. */
const GIVEN: Record<Era, { male: readonly string[]; female: readonly string[] }> = {
  elder: {
    male: ['建国', '国庆', '德胜', '福生', '振华', '学文', '长江', '玉林', '宝山', '永安', '树林', '忠诚',
      '立新', '志刚', '文华', '庆祥', '德民', '洪涛', '建军', '明德', '卫东', '广才', '春生', '金山'],
    female: ['桂兰', '秀英', '玉珍', '凤英', '淑芬', '秀兰', '玉兰', '翠花', '美华', '桂英', '秀珍', '素梅',
      '丽华', '淑珍', '金凤', '春梅', '玉梅', '秀云', '凤兰', '文秀', '红霞', '爱华'],
  },
  middle: {
    male: ['伟', '强', '磊', '军', '勇', '杰', '涛', '明', '超', '刚', '鹏', '辉', '斌', '波', '浩', '峰',
      '亮', '健', '凯', '晓东', '海涛', '志强', '建华', '文博', '俊杰', '海波', '晓明', '永强', '立伟',
      '鹏飞', '世杰', '东升', '志鹏', '海军'],
    female: ['芳', '娜', '敏', '静', '丽', '艳', '娟', '霞', '燕', '玲', '婷', '雪', '慧', '琳', '晓燕',
      '丽娜', '海燕', '春燕', '晓丽', '婷婷', '雪梅', '美玲', '佳慧', '静怡', '晓静', '丽萍', '文静', '玉洁'],
  },
  young: {
    male: ['浩宇', '子轩', '宇轩', '浩然', '博文', '一鸣', '俊熙', '沐辰', '睿泽', '子墨', '皓轩', '宇航',
      '铭轩', '思远', '奕辰', '梓睿', '晨阳', '子豪', '天佑', '明哲', '宇泽', '锦程', '昊然', '泽宇', '嘉豪'],
    female: ['欣怡', '梓涵', '雨桐', '梓萱', '语汐', '一诺', '诗涵', '可馨', '思彤', '若曦', '佳怡', '紫涵',
      '雨萱', '欣妍', '梦琪', '悦彤', '依诺', '子涵', '沐晴', '语桐', '安然', '梓琪', '芷若', '雅琪'],
  },
};

export function givenNames(birthDate: string, gender: 'male' | 'female'): readonly string[] {
  const year = Number(birthDate.slice(0, 4));
  const era: Era = year < 1965 ? 'elder' : year < 2000 ? 'middle' : 'young';
  return GIVEN[era][gender];
}

/**
 * Same-sounding characters (同音字): what a clerk or a parent types instead of the
 * registered character. Used by the name-mismatch scenario.
 */
export const HOMOPHONES: Readonly<Record<string, string>> = {
  伟: '玮', 磊: '垒', 军: '君', 杰: '洁', 涛: '韬', 明: '鸣', 超: '朝', 刚: '钢', 鹏: '朋', 辉: '晖',
  斌: '彬', 波: '博', 浩: '皓', 峰: '锋', 健: '建', 凯: '恺', 东: '冬', 志: '智', 华: '骅', 文: '雯',
  俊: '骏', 永: '咏', 芳: '方', 敏: '旻', 静: '婧', 丽: '莉', 艳: '燕', 娟: '涓', 燕: '艳', 玲: '铃',
  婷: '亭', 慧: '惠', 琳: '霖', 晓: '小', 梅: '玫', 萍: '平', 怡: '仪', 佳: '嘉', 宇: '雨', 轩: '萱',
  涵: '晗', 子: '梓', 梓: '子', 辰: '晨', 晨: '辰', 欣: '馨', 馨: '欣', 彤: '桐', 桐: '彤', 琪: '祺',
  萱: '轩', 然: '冉', 睿: '瑞', 博: '波', 航: '杭', 墨: '默', 熙: '曦', 曦: '熙', 思: '斯', 诗: '师',
  可: '珂', 悦: '月', 依: '伊', 豪: '灏', 程: '成', 哲: '喆', 天: '添', 锦: '瑾', 昊: '浩', 雅: '亚',
  紫: '子', 沐: '慕', 汐: '希', 语: '雨', 雨: '语', 芷: '芝', 强: '蔷', 亮: '靓', 生: '升',
  国: '帼', 庆: '青', 英: '瑛', 兰: '岚', 珍: '祯', 凤: '奉', 秀: '琇', 玉: '钰', 林: '琳', 霞: '遐',
};

/** The given name with its first replaceable character swapped for a homophone, or null. */
export function homophoneVariant(given: string): string | null {
  const chars = [...given];
  const i = chars.findIndex((c) => HOMOPHONES[c] !== undefined);
  if (i < 0) return null;
  chars[i] = HOMOPHONES[chars[i]!]!;
  return chars.join('');
}

export const ETHNICITIES: readonly (readonly [string, number])[] = [
  ['汉族', 97], ['回族', 1], ['满族', 1], ['朝鲜族', 0.6], ['蒙古族', 0.4],
];

/** Roads per district (door numbers 1-600 are used, school zones cover 1-999). */
export const ROADS: Readonly<Record<DistrictCode, readonly string[]>> = {
  '370202': ['福州南路', '香港中路', '闽江路', '南京路', '宁夏路', '东海西路', '江西路', '延安三路', '珠海路', '燕儿岛路'],
  '370203': ['辽宁路', '台东一路', '威海路', '延吉路', '敦化路', '合肥路', '登州路', '抚顺路', '鞍山路', '四流南路'],
  '370211': ['长江中路', '黄河中路', '井冈山路', '峨眉山路', '武夷山路', '珠江路', '庐山路', '嘉陵江路', '滨海大道', '紫金山路'],
  '370212': ['海尔路', '松岭路', '秦岭路', '深圳路', '株洲路', '青大一路', '银川东路', '劲松七路', '苗岭路', '香港东路'],
  '370213': ['京口路', '书院路', '九水东路', '巨峰路', '黑龙江中路', '金水路', '永平路', '东川路', '振华路', '枣山路'],
  '370214': ['正阳路', '长城路', '春阳路', '崇阳路', '文阳路', '兴阳路', '青威路', '双元路', '仙山东路', '白沙湾路'],
  '370215': ['鹤山路', '蓝鳌路', '烟青路', '振华街', '天山二路', '嵩山二路', '华山二路', '潮海中路', '黄河二路', '通济路'],
  '370281': ['扬州路', '兰州西路', '常州路', '广州北路', '郑州东路', '杭州路', '徐州路', '澳门路', '温州路', '北京东路'],
  '370283': ['红旗路', '人民路', '胜利路', '常州路', '青岛路', '广州路', '杭州路', '苏州路', '北京路', '扬州路'],
  '370285': ['烟台路', '威海路', '石岛路', '上海路', '黄海路', '重庆路', '长岛路', '文化路', '青岛路', '龙口路'],
};

/** Districts where new flats are being sold (contract-no-certificate). */
export const NEW_DEVELOPMENT_DISTRICTS: readonly DistrictCode[] = ['370211', '370212', '370213', '370214', '370215', '370281'];

/** Where migrants come from: a real county-level region code and its place names. */
export interface Origin {
  region: string;
  province: string;
  city: string;
  county: string;
  roads: readonly string[];
}

export const ORIGINS: readonly Origin[] = [
  { region: '411602', province: '河南省', city: '周口市', county: '川汇区', roads: ['人和路', '七一路', '八一大道', '交通路'] },
  { region: '411302', province: '河南省', city: '南阳市', county: '宛城区', roads: ['工业路', '仲景路', '新华东路'] },
  { region: '130102', province: '河北省', city: '石家庄市', county: '长安区', roads: ['中山东路', '建设北大街', '谈固大街'] },
  { region: '510104', province: '四川省', city: '成都市', county: '锦江区', roads: ['春熙路', '东大街', '红星路'] },
  { region: '341202', province: '安徽省', city: '阜阳市', county: '颍州区', roads: ['清河路', '颍州中路', '文峰路'] },
  { region: '371302', province: '山东省', city: '临沂市', county: '兰山区', roads: ['解放路', '沂蒙路', '金雀山路'] },
  { region: '370702', province: '山东省', city: '潍坊市', county: '潍城区', roads: ['胜利西街', '向阳路', '和平路'] },
  { region: '220102', province: '吉林省', city: '长春市', county: '南关区', roads: ['人民大街', '解放大路', '亚泰大街'] },
  { region: '230103', province: '黑龙江省', city: '哈尔滨市', county: '南岗区', roads: ['西大直街', '红军街', '果戈里大街'] },
  { region: '320302', province: '江苏省', city: '徐州市', county: '鼓楼区', roads: ['中山北路', '复兴北路', '煤港路'] },
  { region: '421002', province: '湖北省', city: '荆州市', county: '沙市区', roads: ['北京中路', '江津路', '红门路'] },
  { region: '610113', province: '陕西省', city: '西安市', county: '雁塔区', roads: ['小寨东路', '长安南路', '雁塔路'] },
];

export const COMPANY_PREFIXES: readonly string[] = [
  '海润', '蓝海', '鑫源', '瑞丰', '恒信', '华通', '顺达', '金海', '泰和', '汇通', '德润', '宏远', '崂峰',
  '胶澳', '琴岛', '海川', '东岳', '聚鑫', '博远', '新港', '诚达', '融泰', '海晟', '启航',
];

export const COMPANY_INDUSTRIES: readonly string[] = [
  '机械制造有限公司', '物流有限公司', '食品有限公司', '电子科技有限公司', '建筑工程有限公司', '贸易有限公司',
  '纺织有限公司', '餐饮管理有限公司', '信息技术有限公司', '医药有限公司', '海洋科技有限公司', '橡胶制品有限公司',
  '港口服务有限公司', '物业管理有限公司',
];

export const DEVELOPER_SUFFIXES: readonly string[] = ['置业有限公司', '房地产开发有限公司'];

export const TRADES: readonly string[] = [
  '水饺馆', '海鲜烧烤', '便利店', '五金店', '理发店', '干洗店', '早餐店', '水果店', '手机维修部', '服装店', '蔬菜店', '快餐店',
];

export const BANKS: readonly string[] = [
  '中国建设银行股份有限公司青岛分行', '中国工商银行股份有限公司青岛市分行', '中国银行股份有限公司青岛市分行',
  '中国农业银行股份有限公司青岛分行', '青岛银行股份有限公司', '交通银行股份有限公司青岛分行',
  '招商银行股份有限公司青岛分行', '青岛农村商业银行股份有限公司',
];

/** Courts: the district court of each district; the intermediate court sits over all. */
export const DISTRICT_COURTS: Readonly<Record<DistrictCode, string>> = {
  '370202': '青岛市市南区人民法院',
  '370203': '青岛市市北区人民法院',
  '370211': '青岛市黄岛区人民法院',
  '370212': '青岛市崂山区人民法院',
  '370213': '青岛市李沧区人民法院',
  '370214': '青岛市城阳区人民法院',
  '370215': '青岛市即墨区人民法院',
  '370281': '胶州市人民法院',
  '370283': '平度市人民法院',
  '370285': '莱西市人民法院',
};
export const INTERMEDIATE_COURT = '山东省青岛市中级人民法院';

export const HOSPITALS: Readonly<Record<DistrictCode, readonly string[]>> = {
  '370202': ['青岛大学附属医院', '青岛市市立医院', '青岛市妇女儿童医院'],
  '370203': ['青岛市妇女儿童医院', '青岛市中心医院', '青岛市海慈医院'],
  '370211': ['青岛西海岸新区人民医院', '青岛大学附属医院西海岸院区'],
  '370212': ['青岛大学附属医院崂山院区', '青岛市市立医院东院区'],
  '370213': ['青岛市第八人民医院', '李沧区中心医院'],
  '370214': ['城阳区人民医院', '青岛市第三人民医院'],
  '370215': ['即墨区人民医院', '即墨区妇幼保健院'],
  '370281': ['胶州市人民医院', '胶州市妇幼保健院'],
  '370283': ['平度市人民医院', '平度市妇幼保健院'],
  '370285': ['莱西市人民医院', '莱西市妇幼保健院'],
};

/** School name stems (a road or neighbourhood) per district, primary and junior. */
export const SCHOOL_STEMS: Readonly<Record<DistrictCode, { primary: readonly string[]; junior: readonly string[] }>> = {
  '370202': { primary: ['福州路', '实验', '嘉峪关', '金门路'], junior: ['第七', '第十六'] },
  '370203': { primary: ['辽宁路', '台东', '敦化路', '新世纪'], junior: ['第二十六', '第四十四'] },
  '370211': { primary: ['长江路', '黄河路', '峨眉山路', '珠江路'], junior: ['第一', '实验'] },
  '370212': { primary: ['海尔路', '秦岭路', '株洲路', '育才'], junior: ['第二', '实验'] },
  '370213': { primary: ['书院路', '京口路', '振华路', '永平路'], junior: ['第五十', '第五十一'] },
  '370214': { primary: ['正阳路', '城阳', '春阳路', '兴阳路'], junior: ['第一', '实验'] },
  '370215': { primary: ['鹤山路', '蓝鳌路', '通济', '潮海'], junior: ['第二十八', '实验'] },
  '370281': { primary: ['扬州路', '常州路', '郑州东路', '北京东路'], junior: ['第六', '实验'] },
  '370283': { primary: ['红旗路', '人民路', '常州路', '杭州路'], junior: ['第二', '实验'] },
  '370285': { primary: ['烟台路', '上海路', '石岛路', '重庆路'], junior: ['第四', '实验'] },
};
