/**
 * City names typed wrong: a homophone from pinyin input (苏洲 → 苏州, 夏门 → 厦门) or one
 * character off (深川 → 深圳). Only read where a place is expected (在/去/到… before it, or
 * 医保/住院/看病… after it, or the name alone), only when one city fits; two fitting cities are
 * reported as a real ambiguity, more are no match at all (南方 is not seven cities).
 * The pinyin table is loaded and the index built on the first lookup, not at start-up.
 */
import { createRequire } from "node:module";
import { DIVISIONS, shortName, type Division } from "../places/divisions.ts";

const require = createRequire(import.meta.url);

/** Everyday two-character words one character away from a city (本地 ~ 本溪, 南方 ~ 南充…). */
const NOT_TYPOS = new Set(["本地", "外地", "当地", "异地", "老家", "南方", "北方", "这边", "那边", "市里", "省里", "城里", "本市", "外省", "本省", "省外", "市外", "县里", "镇上", "乡下", "村里", "家里", "附近", "上班", "大城", "大医", "省城", "北边", "南边", "东边", "西边", "上面", "下面", "长期", "临时", "安置", "定居", "常住", "其他", "别的", "哪里", "那里", "这里", "医院", "门诊", "住院", "急诊"]);

interface Index {
  byPinyin: Map<string, Division[]>;
  byFirst: Map<string, Division[]>;
  known: Set<string>;
  toPinyin: (s: string) => string;
}

let index: Index | undefined;

function build(): Index {
  const { pinyin } = require("pinyin-pro") as { pinyin: (s: string, o: { toneType: "none"; type: "array" }) => string[] };
  // Character by character, each looked up once: a parse then costs a map lookup per character.
  const syllables = new Map<string, string>();
  const syllable = (c: string) => {
    let v = syllables.get(c);
    if (v === undefined) {
      v = pinyin(c, { toneType: "none", type: "array" })[0] ?? c;
      if (syllables.size < 20000) syllables.set(c, v);
    }
    return v;
  };
  const toPinyin = (s: string) => Array.from(s, syllable).join(" ");
  const byPinyin = new Map<string, Division[]>();
  const byFirst = new Map<string, Division[]>();
  const known = new Set<string>();
  for (const d of DIVISIONS) {
    const short = shortName(d.name);
    if (short.length < 2 || short.length > 3) continue;
    known.add(short);
    // The name read as a word (厦门 = xia men) and character by character (sha men), as typed words are.
    for (const key of new Set([pinyin(short, { toneType: "none", type: "array" }).join(" "), toPinyin(short)])) {
      byPinyin.set(key, [...(byPinyin.get(key) ?? []), d]);
    }
    const first = short[0] as string;
    byFirst.set(first, [...(byFirst.get(first) ?? []), d]);
  }
  return { byPinyin, byFirst, known, toPinyin };
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
  const homophones = (index.byPinyin.get(index.toPinyin(word)) ?? []).filter((d) => shortName(d.name).length === word.length);
  if (homophones.length > 0) {
    // 苏洲 sounds like 苏州 and 宿州: the one that shares a character as typed is meant.
    const shared = (d: Division) => [...shortName(d.name)].filter((c, k) => word[k] === c).length;
    const best = Math.max(...homophones.map(shared));
    const top = homophones.filter((d) => shared(d) === best);
    return top.length <= 2 ? top : [];
  }
  if (word.length !== 2 || !strongCue || NOT_TYPOS.has(word)) return [];
  // One character off, the first one right: 深川 → 深圳.
  const near = (index.byFirst.get(word[0] as string) ?? []).filter((d) => {
    const s = shortName(d.name);
    return s.length === 2 && s[1] !== word[1];
  });
  return near.length <= 2 ? near : [];
}
