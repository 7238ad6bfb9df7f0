// Real cities (city-centre coordinates), provinces and the seven customary regions (华东 … 东北).

export type Region = "EAST" | "NORTH" | "SOUTH" | "CENTRAL" | "SOUTHWEST" | "NORTHWEST" | "NORTHEAST";

export const REGIONS: Record<Region, { en: string; zh: string }> = {
  EAST: { en: "East", zh: "华东" },
  NORTH: { en: "North", zh: "华北" },
  SOUTH: { en: "South", zh: "华南" },
  CENTRAL: { en: "Central", zh: "华中" },
  SOUTHWEST: { en: "Southwest", zh: "西南" },
  NORTHWEST: { en: "Northwest", zh: "西北" },
  NORTHEAST: { en: "Northeast", zh: "东北" },
};

export const PROVINCES: Record<string, { zh: string; region: Region }> = {
  Shanghai: { zh: "上海", region: "EAST" },
  Jiangsu: { zh: "江苏", region: "EAST" },
  Zhejiang: { zh: "浙江", region: "EAST" },
  Anhui: { zh: "安徽", region: "EAST" },
  Fujian: { zh: "福建", region: "EAST" },
  Jiangxi: { zh: "江西", region: "EAST" },
  Shandong: { zh: "山东", region: "EAST" },
  Beijing: { zh: "北京", region: "NORTH" },
  Tianjin: { zh: "天津", region: "NORTH" },
  Hebei: { zh: "河北", region: "NORTH" },
  Shanxi: { zh: "山西", region: "NORTH" },
  "Inner Mongolia": { zh: "内蒙古", region: "NORTH" },
  Guangdong: { zh: "广东", region: "SOUTH" },
  Guangxi: { zh: "广西", region: "SOUTH" },
  Hainan: { zh: "海南", region: "SOUTH" },
  Henan: { zh: "河南", region: "CENTRAL" },
  Hubei: { zh: "湖北", region: "CENTRAL" },
  Hunan: { zh: "湖南", region: "CENTRAL" },
  Chongqing: { zh: "重庆", region: "SOUTHWEST" },
  Sichuan: { zh: "四川", region: "SOUTHWEST" },
  Guizhou: { zh: "贵州", region: "SOUTHWEST" },
  Yunnan: { zh: "云南", region: "SOUTHWEST" },
  Tibet: { zh: "西藏", region: "SOUTHWEST" },
  Shaanxi: { zh: "陕西", region: "NORTHWEST" },
  Gansu: { zh: "甘肃", region: "NORTHWEST" },
  Qinghai: { zh: "青海", region: "NORTHWEST" },
  Ningxia: { zh: "宁夏", region: "NORTHWEST" },
  Xinjiang: { zh: "新疆", region: "NORTHWEST" },
  Liaoning: { zh: "辽宁", region: "NORTHEAST" },
  Jilin: { zh: "吉林", region: "NORTHEAST" },
  Heilongjiang: { zh: "黑龙江", region: "NORTHEAST" },
};

export type City = {
  /** Three-letter code used in store codes (ST-SHA-001); mostly the airport code. */
  code: string;
  name: string;
  nameZh: string;
  province: string;
  provinceZh: string;
  region: Region;
  latitude: number;
  longitude: number;
  /** Relative retail weight: how many stores and how much online demand the city gets. */
  weight: number;
  /** Districts for store names; cities without a list use generic area names. */
  districts: readonly (readonly [string, string])[];
};

type Row = [code: string, name: string, nameZh: string, province: string, lat: number, lon: number, weight: number];

// prettier-ignore
const ROWS: Row[] = [
  ["SHA", "Shanghai", "上海", "Shanghai", 31.2304, 121.4737, 10],
  ["BJS", "Beijing", "北京", "Beijing", 39.9042, 116.4074, 9.5],
  ["SZX", "Shenzhen", "深圳", "Guangdong", 22.5431, 114.0579, 8],
  ["CAN", "Guangzhou", "广州", "Guangdong", 23.1291, 113.2644, 8],
  ["HGH", "Hangzhou", "杭州", "Zhejiang", 30.2741, 120.1551, 6.5],
  ["CTU", "Chengdu", "成都", "Sichuan", 30.5728, 104.0668, 6.5],
  ["CKG", "Chongqing", "重庆", "Chongqing", 29.5630, 106.5516, 5],
  ["WUH", "Wuhan", "武汉", "Hubei", 30.5928, 114.3055, 5],
  ["NKG", "Nanjing", "南京", "Jiangsu", 32.0603, 118.7969, 5],
  ["SZV", "Suzhou", "苏州", "Jiangsu", 31.2990, 120.5853, 4.5],
  ["XIY", "Xi'an", "西安", "Shaanxi", 34.3416, 108.9398, 4],
  ["TSN", "Tianjin", "天津", "Tianjin", 39.0842, 117.2010, 4],
  ["CSX", "Changsha", "长沙", "Hunan", 28.2282, 112.9388, 4],
  ["CGO", "Zhengzhou", "郑州", "Henan", 34.7466, 113.6254, 3.5],
  ["TAO", "Qingdao", "青岛", "Shandong", 36.0671, 120.3826, 3.5],
  ["SHE", "Shenyang", "沈阳", "Liaoning", 41.8057, 123.4315, 3],
  ["NGB", "Ningbo", "宁波", "Zhejiang", 29.8683, 121.5440, 3],
  ["DGG", "Dongguan", "东莞", "Guangdong", 23.0207, 113.7518, 3],
  ["FUO", "Foshan", "佛山", "Guangdong", 23.0215, 113.1214, 3],
  ["HFE", "Hefei", "合肥", "Anhui", 31.8206, 117.2272, 3],
  ["XMN", "Xiamen", "厦门", "Fujian", 24.4798, 118.0894, 3],
  ["KMG", "Kunming", "昆明", "Yunnan", 25.0389, 102.7183, 2.5],
  ["HRB", "Harbin", "哈尔滨", "Heilongjiang", 45.8038, 126.5350, 2.5],
  ["DLC", "Dalian", "大连", "Liaoning", 38.9140, 121.6147, 2.5],
  ["TNA", "Jinan", "济南", "Shandong", 36.6512, 117.1201, 2.5],
  ["FOC", "Fuzhou", "福州", "Fujian", 26.0745, 119.2965, 2.5],
  ["WUX", "Wuxi", "无锡", "Jiangsu", 31.4912, 120.3119, 2.5],
  ["URC", "Urumqi", "乌鲁木齐", "Xinjiang", 43.8256, 87.6168, 2],
  ["LHW", "Lanzhou", "兰州", "Gansu", 36.0611, 103.8343, 2],
  ["CGQ", "Changchun", "长春", "Jilin", 43.8171, 125.3235, 2],
  ["NNG", "Nanning", "南宁", "Guangxi", 22.8170, 108.3665, 2],
  ["KWE", "Guiyang", "贵阳", "Guizhou", 26.6470, 106.6302, 2],
  ["KHN", "Nanchang", "南昌", "Jiangxi", 28.6820, 115.8579, 2],
  ["TYN", "Taiyuan", "太原", "Shanxi", 37.8706, 112.5489, 2],
  ["SJW", "Shijiazhuang", "石家庄", "Hebei", 38.0428, 114.5149, 2],
  ["WNZ", "Wenzhou", "温州", "Zhejiang", 27.9939, 120.6994, 2],
  ["CZX", "Changzhou", "常州", "Jiangsu", 31.8107, 119.9741, 2],
  ["NTG", "Nantong", "南通", "Jiangsu", 31.9802, 120.8943, 1.8],
  ["JJN", "Quanzhou", "泉州", "Fujian", 24.8741, 118.6757, 1.8],
  ["HUZ", "Huizhou", "惠州", "Guangdong", 23.1115, 114.4160, 1.6],
  ["ZUH", "Zhuhai", "珠海", "Guangdong", 22.2710, 113.5767, 1.6],
  ["ZGN", "Zhongshan", "中山", "Guangdong", 22.5176, 113.3926, 1.5],
  ["HAK", "Haikou", "海口", "Hainan", 20.0440, 110.1999, 1.5],
  ["SYX", "Sanya", "三亚", "Hainan", 18.2528, 109.5119, 1.3],
  ["JXG", "Jiaxing", "嘉兴", "Zhejiang", 30.7469, 120.7555, 1.5],
  ["SXG", "Shaoxing", "绍兴", "Zhejiang", 29.9971, 120.5854, 1.5],
  ["JHG", "Jinhua", "金华", "Zhejiang", 29.0790, 119.6474, 1.5],
  ["KSN", "Kunshan", "昆山", "Jiangsu", 31.3856, 120.9807, 1.5],
  ["XUZ", "Xuzhou", "徐州", "Jiangsu", 34.2044, 117.2859, 1.5],
  ["YTY", "Yangzhou", "扬州", "Jiangsu", 32.3942, 119.4129, 1.3],
  ["WHU", "Wuhu", "芜湖", "Anhui", 31.3525, 118.4331, 1.2],
  ["YNT", "Yantai", "烟台", "Shandong", 37.4638, 121.4479, 1.5],
  ["WEF", "Weifang", "潍坊", "Shandong", 36.7069, 119.1618, 1.2],
  ["TVS", "Tangshan", "唐山", "Hebei", 39.6309, 118.1802, 1.3],
  ["BDG", "Baoding", "保定", "Hebei", 38.8738, 115.4646, 1.2],
  ["LFG", "Langfang", "廊坊", "Hebei", 39.5380, 116.6837, 1],
  ["HET", "Hohhot", "呼和浩特", "Inner Mongolia", 40.8426, 111.7490, 1.3],
  ["BAV", "Baotou", "包头", "Inner Mongolia", 40.6574, 109.8403, 1],
  ["KWL", "Guilin", "桂林", "Guangxi", 25.2736, 110.2900, 1.2],
  ["LZH", "Liuzhou", "柳州", "Guangxi", 24.3264, 109.4281, 1],
  ["LYA", "Luoyang", "洛阳", "Henan", 34.6197, 112.4540, 1.3],
  ["YIH", "Yichang", "宜昌", "Hubei", 30.6919, 111.2865, 1.1],
  ["XFN", "Xiangyang", "襄阳", "Hubei", 32.0090, 112.1224, 1.1],
  ["ZZH", "Zhuzhou", "株洲", "Hunan", 27.8274, 113.1340, 1],
  ["MIG", "Mianyang", "绵阳", "Sichuan", 31.4675, 104.6791, 1.1],
  ["ZYI", "Zunyi", "遵义", "Guizhou", 27.7254, 106.9272, 1],
  ["LXA", "Lhasa", "拉萨", "Tibet", 29.6520, 91.1721, 0.8],
  ["XNN", "Xining", "西宁", "Qinghai", 36.6171, 101.7782, 1],
  ["INC", "Yinchuan", "银川", "Ningxia", 38.4872, 106.2309, 1.1],
  ["DQA", "Daqing", "大庆", "Heilongjiang", 46.5893, 125.1036, 1],
  ["JIL", "Jilin", "吉林", "Jilin", 43.8378, 126.5496, 0.9],
];

type District = readonly [string, string];

// prettier-ignore
const DISTRICTS: Record<string, District[]> = {
  SHA: [["Jing'an", "静安"], ["Xuhui", "徐汇"], ["Pudong", "浦东"], ["Huangpu", "黄浦"], ["Changning", "长宁"], ["Minhang", "闵行"], ["Yangpu", "杨浦"], ["Putuo", "普陀"], ["Hongkou", "虹口"], ["Baoshan", "宝山"], ["Jiading", "嘉定"], ["Songjiang", "松江"], ["Qingpu", "青浦"], ["Fengxian", "奉贤"]],
  BJS: [["Chaoyang", "朝阳"], ["Haidian", "海淀"], ["Dongcheng", "东城"], ["Xicheng", "西城"], ["Fengtai", "丰台"], ["Tongzhou", "通州"], ["Changping", "昌平"], ["Daxing", "大兴"], ["Shunyi", "顺义"], ["Shijingshan", "石景山"]],
  SZX: [["Futian", "福田"], ["Nanshan", "南山"], ["Luohu", "罗湖"], ["Bao'an", "宝安"], ["Longgang", "龙岗"], ["Longhua", "龙华"], ["Guangming", "光明"], ["Yantian", "盐田"]],
  CAN: [["Tianhe", "天河"], ["Yuexiu", "越秀"], ["Haizhu", "海珠"], ["Liwan", "荔湾"], ["Panyu", "番禺"], ["Baiyun", "白云"], ["Huangpu", "黄埔"], ["Huadu", "花都"]],
  HGH: [["Shangcheng", "上城"], ["Xihu", "西湖"], ["Gongshu", "拱墅"], ["Binjiang", "滨江"], ["Xiaoshan", "萧山"], ["Yuhang", "余杭"], ["Linping", "临平"]],
  CTU: [["Jinjiang", "锦江"], ["Wuhou", "武侯"], ["Qingyang", "青羊"], ["Jinniu", "金牛"], ["Chenghua", "成华"], ["Shuangliu", "双流"], ["Pidu", "郫都"]],
  CKG: [["Yuzhong", "渝中"], ["Jiangbei", "江北"], ["Yubei", "渝北"], ["Nan'an", "南岸"], ["Shapingba", "沙坪坝"], ["Jiulongpo", "九龙坡"]],
  WUH: [["Jianghan", "江汉"], ["Wuchang", "武昌"], ["Hongshan", "洪山"], ["Jiang'an", "江岸"], ["Hanyang", "汉阳"], ["Qiaokou", "硚口"]],
  NKG: [["Xuanwu", "玄武"], ["Qinhuai", "秦淮"], ["Gulou", "鼓楼"], ["Jianye", "建邺"], ["Jiangning", "江宁"], ["Qixia", "栖霞"]],
  SZV: [["Gusu", "姑苏"], ["Wuzhong", "吴中"], ["Xiangcheng", "相城"], ["Huqiu", "虎丘"], ["Wujiang", "吴江"]],
  XIY: [["Beilin", "碑林"], ["Yanta", "雁塔"], ["Xincheng", "新城"], ["Lianhu", "莲湖"], ["Weiyang", "未央"]],
  TSN: [["Heping", "和平"], ["Nankai", "南开"], ["Hexi", "河西"], ["Hedong", "河东"], ["Binhai", "滨海"]],
  CSX: [["Furong", "芙蓉"], ["Tianxin", "天心"], ["Yuelu", "岳麓"], ["Kaifu", "开福"], ["Yuhua", "雨花"]],
  CGO: [["Jinshui", "金水"], ["Erqi", "二七"], ["Zhongyuan", "中原"], ["Guancheng", "管城"]],
  TAO: [["Shinan", "市南"], ["Shibei", "市北"], ["Laoshan", "崂山"], ["Licang", "李沧"]],
};

const GENERIC_AREAS: District[] = [
  ["Central", "中心"], ["East", "东区"], ["West", "西区"], ["North", "北区"], ["South", "南区"],
  ["New Town", "新城"], ["Station", "站前"], ["Riverside", "滨河"],
];

export const CITIES: readonly City[] = ROWS.map(([code, name, nameZh, province, latitude, longitude, weight]) => {
  const p = PROVINCES[province];
  if (!p) throw new Error(`unknown province ${province}`);
  return {
    code, name, nameZh, province, provinceZh: p.zh, region: p.region, latitude, longitude, weight,
    districts: DISTRICTS[code] ?? GENERIC_AREAS,
  };
});

export function cityByCode(code: string): City {
  const city = CITIES.find((c) => c.code === code);
  if (!city) throw new Error(`unknown city ${code}`);
  return city;
}
