/**
 * Builds `city-pinyin.json`: what the typo reader (place-typos.ts) needs from `pinyin-pro`,
 * computed once here so that the parser never loads that package (it costs more start-up
 * time than the rest of the parser together).
 *
 * - `cities`: the toneless pinyin of every city short name of two or three characters, read as a
 *   word (厦门 = xia men) and character by character (sha men), → the division codes, in
 *   division order.
 * - `syllables`: for each syllable that occurs in those readings, every Han character whose own
 *   reading is that syllable. A character not listed cannot be part of a name that sounds like a
 *   city, so the table is exact for the only question asked of it.
 *
 * Run: node --import tsx src/language/data/generate-city-pinyin.ts  (a test checks it is current).
 */
import { createRequire } from "node:module";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DIVISIONS, shortName } from "../../places/divisions.ts";

const require = createRequire(import.meta.url);

export interface CityPinyinTable {
  cities: Record<string, string[]>;
  syllables: Record<string, string>;
}

/** Every code point Unicode gives the Han script (up to the last CJK extension plane). */
const LAST_HAN = 0x323af;
const HAN = /^\p{Script=Han}$/u;

export function buildCityPinyinTable(): CityPinyinTable {
  const { pinyin } = require("pinyin-pro") as { pinyin: (s: string, o: { toneType: "none"; type: "array" }) => string[] };
  const read = (s: string) => pinyin(s, { toneType: "none", type: "array" });
  const one = (c: string) => read(c)[0] ?? c;
  const cities: Record<string, string[]> = {};
  for (const d of DIVISIONS) {
    const short = shortName(d.name);
    if (short.length < 2 || short.length > 3) continue;
    for (const key of new Set([read(short).join(" "), Array.from(short, one).join(" ")])) {
      (cities[key] ??= []).push(d.code);
    }
  }
  const used = new Set(Object.keys(cities).flatMap((k) => k.split(" ")));
  const syllables: Record<string, string> = {};
  for (const s of [...used].sort()) syllables[s] = "";
  for (let cp = 0; cp <= LAST_HAN; cp++) {
    const c = String.fromCodePoint(cp);
    if (!HAN.test(c)) continue;
    const s = one(c);
    if (used.has(s)) syllables[s] += c;
  }
  return { cities, syllables };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = new URL("./city-pinyin.json", import.meta.url);
  writeFileSync(out, `${JSON.stringify(buildCityPinyinTable())}\n`);
  console.log(`wrote ${fileURLToPath(out)}`);
}
