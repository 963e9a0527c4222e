/**
 * City names typed wrong: a homophone from pinyin input (苏洲 → 苏州, 夏门 → 厦门) or one
 * character off (深川 → 深圳). Only read where a place is expected (在/去/到… before it, or
 * 医保/住院/看病… after it, or the name alone), only when one city fits; two fitting cities are
 * reported as a real ambiguity, more are no match at all (南方 is not seven cities).
 * The pinyin it compares is precomputed (data/city-pinyin.json, from `pinyin-pro` by
 * data/generate-city-pinyin.ts); the index is built on the first lookup, not at start-up.
 */
import { DIVISIONS, divisionByCode, shortName, type Division } from "../places/divisions.ts";
import table from "./data/city-pinyin.json" with { type: "json" };
import counties from "./data/counties.json" with { type: "json" };

/** Everyday two-character words one character away from a city (本地 ~ 本溪, 南方 ~ 南充…). */
const NOT_TYPOS = new Set(["本地", "外地", "当地", "异地", "老家", "南方", "北方", "这边", "那边", "市里", "省里", "城里", "本市", "外省", "本省", "省外", "市外", "县里", "镇上", "乡下", "村里", "家里", "附近", "上班", "大城", "大医", "省城", "北边", "南边", "东边", "西边", "上面", "下面", "长期", "临时", "安置", "定居", "常住", "其他", "别的", "哪里", "那里", "这里", "医院", "门诊", "住院", "急诊", "普通", "重新", "平安"]);

interface Index {
  byPinyin: Map<string, Division[]>;
  byFirst: Map<string, Division[]>;
  known: Set<string>;
  /** the syllables of city names, by number (0 is none) */
  sounds: string[];
  /** by UTF-16 code: the number of the character's sound, 0 for one that sounds like no city's */
  soundId: Uint16Array;
  /** the same for the few characters outside the basic plane */
  astralSoundId: Map<string, number>;
  // The cheap test before any word is built (see mayStartTypo):
  /** 1 at first × count + second for the first two sounds of a city name */
  firstTwoSounds: Uint8Array;
  soundCount: number;
  /** 1 for a character a city's name starts with, or whose sound one starts with */
  startsSound: Uint8Array;
  /** 1 for the first character of a two-character name (深川 → 深圳: one character off) */
  startsName: Uint8Array;
  /** 1 for a character some place name ends with (州, 川, 阳…) */
  endsName: Uint8Array;
}

let index: Index | undefined;

function build(): Index {
  // One pass over each table and no loop over all 65,536 codes: this runs at start-up, before
  // the code is optimised.
  const sounds = [""];
  const ids = new Map<string, number>();
  for (const s of Object.keys(table.syllables)) ids.set(s, sounds.push(s) - 1);
  const soundCount = sounds.length;
  const firstTwoSounds = new Uint8Array(soundCount * soundCount);
  const isFirstSound = new Uint8Array(soundCount);
  const byPinyin = new Map<string, Division[]>();
  for (const [key, codes] of Object.entries(table.cities as Record<string, string[]>)) {
    byPinyin.set(key, codes.map((c) => divisionByCode(c)).filter((d): d is Division => d !== undefined));
    const [first, second] = key.split(" ") as [string, string];
    const a = ids.get(first) ?? 0;
    isFirstSound[a] = 1;
    firstTwoSounds[a * soundCount + (ids.get(second) ?? 0)] = 1;
  }
  isFirstSound[0] = 0;
  const soundId = new Uint16Array(0x10000);
  const astralSoundId = new Map<string, number>();
  const startsSound = new Uint8Array(0x10000);
  for (const [s, chars] of Object.entries(table.syllables as Record<string, string>)) {
    const id = ids.get(s) as number;
    const first = isFirstSound[id] === 1;
    for (let k = 0; k < chars.length; k++) {
      const code = chars.charCodeAt(k);
      if (code < 0xd800 || code > 0xdfff) {
        soundId[code] = id;
        if (first) startsSound[code] = 1;
      } else {
        // Outside the basic plane: never the start of a word here (its first half is not Han).
        astralSoundId.set(chars.slice(k, k + 2), id);
        k++;
      }
    }
  }
  const byFirst = new Map<string, Division[]>();
  const known = new Set<string>();
  const startsName = new Uint8Array(0x10000);
  const endsName = new Uint8Array(0x10000);
  for (const d of DIVISIONS) {
    const short = shortName(d.name);
    if (short.length < 2 || short.length > 3) continue;
    endsName[short.charCodeAt(short.length - 1)] = 1;
    known.add(short);
    const first = short[0] as string;
    const list = byFirst.get(first);
    if (list) list.push(d);
    else byFirst.set(first, [d]);
    startsSound[short.charCodeAt(0)] = 1;
    if (short.length === 2) startsName[short.charCodeAt(0)] = 1;
  }
  // A county-level name is a real place, never a slip for a city (普宁 is not 普洱).
  for (const name of Object.keys(counties.short)) known.add(name);
  for (const name of Object.keys(counties.full)) known.add(name.replace(/(市|县|区|旗)$/u, ""));
  return { byPinyin, byFirst, known, sounds, soundId, astralSoundId, firstTwoSounds, soundCount, startsSound, startsName, endsName };
}

/** The typed word read character by character; undefined when a character sounds like no city's. */
function toPinyin(word: string, { sounds, soundId, astralSoundId }: Index): string | undefined {
  let out = "";
  for (const c of word) {
    const id = c.length === 1 ? (soundId[c.charCodeAt(0)] as number) : (astralSoundId.get(c) ?? 0);
    if (id === 0) return undefined;
    const s = sounds[id] as string;
    out = out === "" ? s : `${out} ${s}`;
  }
  return out;
}

/**
 * A cheap test before any word is built: can a typo of a city start at `text[i]`? Only if its
 * first two characters sound like the start of a city's name, or the first one starts a
 * two-character name. False means typoCandidates finds nothing for any word starting there.
 */
export function mayStartTypo(text: string, i: number): boolean {
  index ??= build();
  const first = text.charCodeAt(i);
  if (index.startsName[first] === 1) return true;
  const second = text.charCodeAt(i + 1);
  // Past the end, or half of a character outside the basic plane: decided on the first alone.
  if (Number.isNaN(second) || (second >= 0xd800 && second <= 0xdfff)) return index.startsSound[first] === 1;
  const a = index.soundId[first] as number;
  const b = index.soundId[second] as number;
  return a !== 0 && b !== 0 && index.firstTwoSounds[a * index.soundCount + b] === 1;
}

const NUMERAL = /[零〇一二两三四五六七八九十百千万亿]/u;

/**
 * The cities a typed name may be a typo of: one = sure, two = ask, none = not a city.
 * `strongCue`: a word right after it that only follows a place (医保, 住院, 职工…); a name one
 * character off is only read with one (自费的, 十万, 上学 are words, not cities).
 */
export function typoCandidates(word: string, strongCue = false): Division[] {
  if (!/^\p{Script=Han}{2,3}$/u.test(word) || NUMERAL.test(word)) return [];
  index ??= build();
  if (index.known.has(word)) return [];
  const key = toPinyin(word, index);
  const homophones = (key === undefined ? [] : (index.byPinyin.get(key) ?? [])).filter((d) => shortName(d.name).length === word.length);
  if (homophones.length > 0) {
    // 苏洲 sounds like 苏州 and 宿州: the one that shares a character as typed is meant.
    const shared = (d: Division) => [...shortName(d.name)].filter((c, k) => word[k] === c).length;
    const best = Math.max(...homophones.map(shared));
    // A homophone with no character as typed is a word that happens to sound alike
    // (了院 ~ 辽源, 以为 ~ 宜威), not a slip of the input method, which keeps one of them.
    if (best === 0) return [];
    const top = homophones.filter((d) => shared(d) === best);
    return top.length <= 2 ? top : [];
  }
  if (word.length !== 2 || !strongCue || NOT_TYPOS.has(word)) return [];
  // One character off, the first one right: 深川 → 深圳. The slip is a character that ends some
  // place's name (川 as in 银川); 宝宝, 本次, 怀孕, 普通 end none and are words (宝宝住院 ≠ 宝鸡).
  if (index.endsName[word.charCodeAt(1)] !== 1) return [];
  const near = (index.byFirst.get(word[0] as string) ?? []).filter((d) => {
    const s = shortName(d.name);
    return s.length === 2 && s[1] !== word[1];
  });
  return near.length <= 2 ? near : [];
}

/**
 * A three-character city name with one character off (哈尔兵 → 哈尔滨), only with a word after or
 * before it that follows only places (职工, 医保…). Never sure: the caller asks back. One city only.
 */
export function nearMissOfThree(word: string, strongCue: boolean): Division[] {
  if (!strongCue || !/^\p{Script=Han}{3}$/u.test(word) || NUMERAL.test(word)) return [];
  index ??= build();
  if (index.known.has(word)) return [];
  const near = (index.byFirst.get(word[0] as string) ?? []).filter((d) => {
    const s = shortName(d.name);
    if (s.length !== 3) return false;
    let same = 0;
    for (let k = 0; k < 3; k++) if (s[k] === word[k]) same++;
    return same === 2;
  });
  return near.length === 1 ? near : [];
}

/**
 * A homophone is sure when it keeps the name's first character as typed (苏洲 → 苏州: the input
 * method slipped on a later one), or when no other name of its length starts with the typed first
 * character (夏门 can only be 厦门). 长州 sounds like 常州 but 长 starts 长沙, 长春, 长治 (and 沧州,
 * 漳州 are near too): asked back, never assumed.
 */
export function typoIsSure(word: string, candidates: Division[]): boolean {
  if (candidates.length !== 1) return false;
  if (shortName((candidates[0] as Division).name)[0] === word[0]) return true;
  index ??= build();
  return !(index.byFirst.get(word[0] as string) ?? []).some((d) => shortName(d.name).length === word.length);
}

let latin: Map<string, Division[]> | undefined;

/** Toneless pinyin without spaces (suzhou, beijing) → the cities that read so. */
function buildLatin(): Map<string, Division[]> {
  const out = new Map<string, Division[]>();
  for (const [key, codes] of Object.entries(table.cities as Record<string, string[]>)) {
    const word = key.replace(/ /gu, "");
    const list = out.get(word) ?? [];
    for (const c of codes) {
      const d = divisionByCode(c);
      if (d && !list.includes(d)) list.push(d);
    }
    out.set(word, list);
  }
  return out;
}

/**
 * A city typed in pinyin with Latin letters (beijing, suzhou, "bei jing"), already lower-cased: the
 * cities it reads as — one is the place, two (苏州/宿州 = suzhou) are asked about, none is no place.
 */
export function latinCityCandidates(word: string): Division[] {
  latin ??= buildLatin();
  return latin.get(word) ?? [];
}
