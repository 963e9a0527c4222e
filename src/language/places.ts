/**
 * Finds place names in a message: every province and prefecture-level division from
 * `src/places/divisions.ts`, with or without 省/市/自治区/地区/盟/州, a few unambiguous
 * nicknames (沪 京 穗 鹏城 …), longest match first. A province directly followed by one of
 * its own cities (江苏苏州, 广东省深圳市) is read as that city.
 */
import { createRequire } from "node:module";
import { DIVISIONS, divisionByCode, shortName, type Division } from "../places/divisions.ts";
import type { PlaceSlot } from "./types.ts";
// Type only: the build still copies the file; it is read where the lexicon is built, which the
// compiled build does once, ahead of time (src/language/prebuilt.ts), and never at start-up.
import type counties from "./data/counties.json";
import { latinCityCandidates, mayStartTypo, nearMissOfThree, typoCandidates, typoIsSure } from "./place-typos.ts";
import { tableOf } from "./prebuilt.ts";

const require = createRequire(import.meta.url);

export interface PlaceMention {
  start: number;
  end: number;
  text: string;
  /** one entry = resolved; several = a real ambiguity (吉林省 or 吉林市) */
  candidates: PlaceSlot[];
  /** a name typed one character off (哈尔兵): even a single candidate is to be confirmed */
  typo?: true;
}

function slotOf(d: Division): PlaceSlot {
  return { code: d.code, name: d.name, level: d.level };
}

/** What may come around a place named alone as an answer (在深川, 是深川市的, 深川吧). */
const BARE_PLACE = /^(?:我|俺)?(?:在|是|去|到|医保在|参保在)?(\p{Script=Han}{2,3}?)(?:市)?(?:的|那边|这边)?[吧啊呀哦。.!！]?$/u;

/**
 * A place named alone as the answer to 您在哪里参保/在哪看病, read as a typo with the answer as
 * its cue (深川 → 深圳, 延州 → 延安 or 延边): the cities it may be, for the person to confirm.
 * Empty when it is no typo of a city.
 */
export function bareTypoCandidates(text: string): PlaceSlot[] {
  const word = BARE_PLACE.exec(text.trim())?.[1];
  return word ? typoCandidates(word, true).map(slotOf) : [];
}

/**
 * The cities of a province, for the person to pick from when only the province was named
 * (河北, 江苏): by division code, which puts the capital first; county-level regions last.
 */
export function citiesOf(provinceCode: string): PlaceSlot[] {
  return DIVISIONS.filter((d) => d.level === "city" && d.provinceCode === provinceCode)
    .sort((a, b) => Number(a.code.endsWith("00") ? 0 : 1) - Number(b.code.endsWith("00") ? 0 : 1) || a.code.localeCompare(b.code))
    .map(slotOf);
}

/** One-character nicknames: only read with a locative cue around them (深夜, 苏醒, 京东 are not places). */
const SINGLE_ALIASES: Record<string, string> = {
  沪: "310000", 京: "110000", 津: "120000", 渝: "500000",
  穗: "440100", 深: "440300", 蓉: "510100", 杭: "330100", 苏: "320500",
};
/** Multi-character nicknames that mean one place only. */
const NICKNAMES: Record<string, string> = {
  鹏城: "440300", 羊城: "440100", 魔都: "310000", 帝都: "110000", 内蒙: "150000",
  蓉城: "510100", 山城重庆: "500000",
};
/** Short names that are also everyday words: need the same locative cue as one-character ones. */
const WORDLIKE = new Set(["安康", "来宾", "白银", "中卫", "阿里", "大同", "长治", "三明", "普洱", "玉树", "黄山"]);
/** Spans that contain a place name but name something else (a hospital, a university, an idiom). */
const NOT_A_PLACE = /^(中山(医院|大学|一院|二院|三院|眼科|肿瘤|附属|纪念|路|公园)|朝阳(医院|区|群众)|北海(公园|道)|大同小异|长治久安|三明治|普洱茶|阿里巴巴|黄山路|南京路|北京路|延安路|西藏路|四川路|广西路|淮海路|温州路|天津路|重庆路|江西路|福州路|宁波路|湖南路|云南路|吉林路|泰安路)/u;

/** County short names that are everyday words (合作医疗, 和平, 河东河西): never read short. */
const COUNTY_SHORT_EXCLUDED = new Set(["合作", "和平", "安宁", "河东", "河西", "长寿", "大安", "永安", "东城", "西城", "江北", "南岸", "北安", "江山", "同仁", "津市", "金山", "宝山", "开平", "普宁", "长宁", "龙井", "合山", "大兴"]);

const BEFORE_CUE = /(在|去|来|到|回|赴|从|是|驻|返|离|人在|住|于|往|飞|医保|社保|参保)$/u;
const AFTER_CUE = /^($|[\s,，。.!！?？、;；:：]|医保|社保|参保|职工|居民|新农合|农合|就医|住院|工作|上班|打工|交|缴|的|籍|看|生|治|玩|旅|出差|跟|养老|过|了|户口|人|我|这|那|住|待|呆|上学|读书|做|经商|开店|能|可以)/u;

interface Entry { key: string; divisions: Division[]; cued: boolean }

/**
 * The lexicon as the build keeps it (src/language/prebuilt.ts): by first character, its names in
 * lookup order as `name,code code,1` (1: needs a locative cue) joined by `;`. Longest first among
 * names that share their first two characters, in table order otherwise (a stable sort);
 * one-character names (沪, 深) come last.
 */
type PackedLexicon = Record<string, string>;

function buildLexicon(): PackedLexicon {
  const map = new Map<string, Division[]>();
  const add = (key: string, d: Division) => {
    if (key.length === 0) return;
    const list = map.get(key) ?? [];
    if (!list.includes(d)) list.push(d);
    map.set(key, list);
  };
  for (const d of DIVISIONS) {
    add(d.name, d);
    const short = shortName(d.name);
    add(short, d);
    if (d.name.endsWith("自治州")) add(`${short}州`, d); // 湘西州, 恩施州, 延边州
    if (d.name.endsWith("地区") || d.name.endsWith("盟")) add(`${short}市`, d); // people add 市 anyway
  }
  const byCode = new Map(DIVISIONS.map((d) => [d.code, d]));
  const cued = new Set<string>();
  for (const [alias, code] of [...Object.entries(SINGLE_ALIASES), ...Object.entries(NICKNAMES)]) {
    const d = byCode.get(code);
    if (d && !map.has(alias)) map.set(alias, [d]);
  }
  // County-level names (昆山, 义乌, 浦东新区) point at their prefecture; prefecture names always win.
  const table = require("./data/counties.json") as typeof counties;
  for (const [name, code] of Object.entries(table.full)) {
    const d = byCode.get(code);
    if (d && !map.has(name)) map.set(name, [d]);
  }
  for (const [name, code] of Object.entries(table.short)) {
    const d = byCode.get(code);
    if (d && !map.has(name) && !COUNTY_SHORT_EXCLUDED.has(name)) {
      map.set(name, [d]);
      cued.add(name);
    }
  }
  // 朝阳, 通州, 普陀: a district of a municipality named like another place — both, to be asked
  // (the municipality first), never the prefecture alone because prefecture names win above.
  const shared = new Set<string>();
  for (const [name, codes] of Object.entries(table.shared)) {
    const ds = codes.map((c) => byCode.get(c)).filter((d): d is Division => d !== undefined);
    if (COUNTY_SHORT_EXCLUDED.has(name) || ds.length < 2) continue;
    if (!map.has(name)) cued.add(name);
    map.set(name, ds);
    shared.add(name);
  }
  for (const alias of Object.keys(SINGLE_ALIASES)) cued.add(alias);
  for (const w of WORDLIKE) cued.add(w);

  const byFirst = new Map<string, Entry[]>();
  for (const [key, divisions] of map) {
    if (/[,;]/u.test(key)) throw new Error(`a place name with a separator of the packed lexicon: ${key}`);
    const entry: Entry = { key, divisions: shared.has(key) ? divisions : resolvePreference(divisions), cued: cued.has(key) };
    const list = byFirst.get(key.charAt(0));
    if (list) list.push(entry);
    else byFirst.set(key.charAt(0), [entry]);
  }
  const packed: PackedLexicon = {};
  for (const [first, list] of byFirst) {
    list.sort((x, y) => y.key.length - x.key.length);
    packed[first] = list.map((e) => `${e.key},${e.divisions.map((d) => d.code).join(" ")},${e.cued ? 1 : 0}`).join(";");
  }
  return packed;
}

/**
 * 海南 is 海南省 and also 海南藏族自治州 in 青海: people mean the province, so a province wins
 * over a prefecture of another province. 吉林省/吉林市 share a province: a real ambiguity.
 */
function resolvePreference(divisions: Division[]): Division[] {
  if (divisions.length < 2) return divisions;
  const provinces = divisions.filter((d) => d.level === "province");
  const province = provinces[0];
  if (provinces.length === 1 && province) {
    const sameProvince = divisions.filter((d) => d !== province && d.provinceCode === province.code);
    return sameProvince.length > 0 ? [province, ...sameProvince] : [province];
  }
  return [...divisions].sort((a, b) => (a.level === b.level ? 0 : a.level === "province" ? -1 : 1));
}

const LEXICON = tableOf("place lexicon", buildLexicon);

interface Starting {
  /** by the second character's UTF-16 code */
  pairs: Map<number, Entry[]>;
  /** the one-character names */
  single: Entry[] | undefined;
}

/**
 * The names that start with one UTF-16 code, unpacked the first time a message has that
 * character (null when none does): a message costs a lookup or two per character, and only
 * names that share two characters with the text are compared.
 */
const starting = new Map<number, Starting | null>();

function namesStartingWith(code: number): Starting | null {
  let found = starting.get(code);
  if (found === undefined) {
    const packed = LEXICON[String.fromCharCode(code)];
    found = packed === undefined ? null : unpack(packed);
    starting.set(code, found);
  }
  return found;
}

function unpack(packed: string): Starting {
  const pairs = new Map<number, Entry[]>();
  let single: Entry[] | undefined;
  for (const item of packed.split(";")) {
    const [key = "", codes = "", cued] = item.split(",");
    const entry: Entry = { key, divisions: codes.split(" ").map((c) => divisionByCode(c) as Division), cued: cued === "1" };
    if (key.length === 1) (single ??= []).push(entry);
    else {
      const second = key.charCodeAt(1);
      const list = pairs.get(second);
      if (list) list.push(entry);
      else pairs.set(second, [entry]);
    }
  }
  return { pairs, single };
}

const HAN_CHAR = /[\u4e00-\u9fa5]/u;

function cueOk(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 2), start);
  const after = text.slice(end, end + 4);
  const alone = text.trim() === text.slice(start, end);
  if (alone) return true;
  const beforeOk = start === 0 || BEFORE_CUE.test(before) || !HAN_CHAR.test(before.slice(-1));
  return beforeOk && AFTER_CUE.test(after);
}

export function findPlaces(text: string): PlaceMention[] {
  const found: PlaceMention[] = [];
  let i = 0;
  while (i < text.length) {
    const names = namesStartingWith(text.charCodeAt(i));
    const pair = names !== null && i + 1 < text.length ? names.pairs.get(text.charCodeAt(i + 1)) : undefined;
    const single = names?.single;
    let matched: PlaceMention | undefined;
    if ((pair || single) && !NOT_A_PLACE.test(text.slice(i, i + 8))) {
      for (const entry of pair && single ? [...pair, ...single] : (pair ?? single ?? [])) {
        if (!text.startsWith(entry.key, i)) continue;
        const end = i + entry.key.length;
        // Right after another place (福建晋江, 苏州吴中区) the first name is cue enough.
        const prev = found[found.length - 1];
        const inside = (c: PlaceSlot) => entry.divisions.some((d) => d.code.slice(0, 2) === c.code.slice(0, 2));
        const afterPlace = prev !== undefined && prev.end === i && prev.candidates.some(inside);
        if (entry.cued && !afterPlace && !cueOk(text, i, end)) continue;
        matched = { start: i, end, text: entry.key, candidates: entry.divisions.map(slotOf) };
        break;
      }
    }
    if (matched) {
      found.push(matched);
      i = matched.end;
    } else {
      i += 1;
    }
  }
  return mergeProvinceCity(text, withLatin(text, withTypos(text, found)));
}

/** Four Latin letters in a row: the only messages where a city may be typed in pinyin. */
const LATIN_RUN = /[a-z]{4}/u;
const LATIN_WORD = /[a-z]+/gu;

/** Cities typed in pinyin with Latin letters (suzhou, beijing, bei jing): up to three words joined by single spaces. */
function withLatin(text: string, found: PlaceMention[]): PlaceMention[] {
  if (!LATIN_RUN.test(text)) return found;
  const words: { start: number; end: number }[] = [];
  LATIN_WORD.lastIndex = 0;
  for (let m = LATIN_WORD.exec(text); m !== null; m = LATIN_WORD.exec(text)) words.push({ start: m.index, end: m.index + m[0].length });
  const extra: PlaceMention[] = [];
  for (let k = 0; k < words.length; k++) {
    for (let n = Math.min(3, words.length - k); n >= 1; n--) {
      const run = words.slice(k, k + n);
      if (run.some((w, j) => j > 0 && text.slice((run[j - 1] as { end: number }).end, w.start) !== " ")) continue;
      const start = (run[0] as { start: number }).start;
      const end = (run[run.length - 1] as { end: number }).end;
      const candidates = latinCityCandidates(text.slice(start, end).replace(/ /gu, ""));
      if (candidates.length === 0) continue;
      extra.push({ start, end, text: text.slice(start, end), candidates: candidates.map(slotOf) });
      k += n - 1;
      break;
    }
  }
  return extra.length === 0 ? found : [...found, ...extra].sort((a, b) => a.start - b.start);
}

const HAN = /\p{Script=Han}/u;
const ALL_HAN = /^\p{Script=Han}+$/u;
/** Words that only follow a place name: what makes a name one character off still a city. */
const STRONG_AFTER = /^[市]?(的)?(医保|社保|参保|职工|居民|新农合|住院|看病|就医|看门诊|生孩子|生娃|生小孩|治病|人[,，\s]|那边|这边)/u;
/** …or only come right before one (医保在深川, 参保地是苏洲). */
const STRONG_BEFORE = /(医保|社保|参保地?)(是|在|地在|交在|关系在)$/u;

/** Names the lexicon did not know, where a place is expected: typos of a city (苏洲, 深川). */
function withTypos(text: string, found: PlaceMention[]): PlaceMention[] {
  const covered = new Uint8Array(text.length);
  for (const m of found) covered.fill(1, m.start, m.end);
  const extra: PlaceMention[] = [];
  for (let i = 0; i + 2 <= text.length; i++) {
    // Most characters cannot start a city's name or sound: skip them before building any word.
    if (covered[i] || !mayStartTypo(text, i) || !HAN.test(text[i] as string)) continue;
    for (const length of [3, 2]) {
      const end = i + length;
      if (end > text.length || covered[i + 1] === 1 || covered[end - 1] === 1) continue;
      const word = text.slice(i, end);
      if (!ALL_HAN.test(word) || !cueOk(text, i, end)) continue;
      const strong = STRONG_AFTER.test(text.slice(end, end + 4)) || STRONG_BEFORE.test(text.slice(Math.max(0, i - 6), i));
      const candidates = typoCandidates(word, strong);
      // 哈尔兵职工: one character off a three-character city, asked back rather than dropped.
      const near = candidates.length === 0 && length === 3 ? nearMissOfThree(word, strong) : [];
      if (candidates.length === 0 && near.length === 0) continue;
      // Asked back unless sure (苏洲 keeps 苏; 长州 keeps only the 州 of many names).
      const unsure = near.length > 0 || (candidates.length === 1 && !typoIsSure(word, candidates));
      extra.push({ start: i, end, text: word, candidates: (near.length > 0 ? near : candidates).map(slotOf), ...(unsure ? { typo: true as const } : {}) });
      covered.fill(1, i, end);
      i = end - 1;
      break;
    }
  }
  return extra.length === 0 ? found : [...found, ...extra].sort((a, b) => a.start - b.start);
}

/** Nothing but a province's or city's suffix between two names. */
const ADJACENT = /^[\s省市的]*$/u;

/** 江苏苏州 / 广东省 深圳市 / 吉林省吉林市: the province only says which city is meant. */
function mergeProvinceCity(text: string, mentions: PlaceMention[]): PlaceMention[] {
  const out: PlaceMention[] = [];
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k] as PlaceMention;
    const next = mentions[k + 1];
    const province = m.candidates.find((c) => c.level === "province");
    const adjacent = next !== undefined && ADJACENT.test(text.slice(m.end, next.start));
    // Only when the first is the city itself: 江阴 无锡住院 is a county of 无锡 and then 无锡, two mentions.
    const cityItself = m.candidates.length === 1 && (m.candidates[0] as PlaceSlot).name.startsWith(m.text);
    if (next && adjacent && cityItself && next.candidates.length === 1 && m.candidates[0]?.code === next.candidates[0]?.code) {
      // 苏州吴中区, 上海浦东: the district only narrows down a place already named.
      out.push({ start: m.start, end: next.end, text: text.slice(m.start, next.end), candidates: m.candidates });
      k += 1;
      continue;
    }
    if (province && next && adjacent) {
      // 北京朝阳: the municipality itself is one of the places the district name may be.
      const cities = next.candidates.some((c) => c.code === province.code) && next.candidates.length > 1 ? [province]
        : next.candidates.filter((c) => c.level === "city" && c.code.slice(0, 2) === province.code.slice(0, 2));
      if (cities.length > 0) {
        out.push({ start: m.start, end: next.end, text: text.slice(m.start, next.end), candidates: cities });
        k += 1;
        continue;
      }
    }
    out.push(m);
  }
  return out;
}
