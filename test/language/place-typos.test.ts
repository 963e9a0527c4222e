import { describe, expect, it } from "vitest";
import { readdirSync } from "node:fs";
import { parse } from "../../src/language/index.ts";
import { COUNTY_REGIONS, PROVINCE_REGIONS } from "../../src/places/divisions.ts";
import { mayStartTypo, typoCandidates } from "../../src/language/place-typos.ts";
import fc from "fast-check";

const code = (p?: { code: string }) => p?.code;

describe("typos of city names", () => {
  it("homophones and one-character slips are read when one city fits", () => {
    expect(code(parse("苏洲职工 去上海住院").slots.insuredRegion)).toBe("320500");
    expect(code(parse("深川住院 医保东莞").slots.treatmentRegion)).toBe("440300");
    expect(code(parse("夏门医保 在福州住院").slots.insuredRegion)).toBe("350200");
    expect(code(parse("杭洲", { expecting: "treatmentRegion" }).slots.treatmentRegion)).toBe("330100");
  });
  it("苏洲 sounds like 苏州 and 宿州: the one sharing a typed character wins", () => {
    expect(typoCandidates("苏洲").map((d) => d.code)).toEqual(["320500"]);
  });
  it("words one character off a city are not cities", () => {
    for (const text of ["十万", "去上学", "自费的两千五", "在本地住院", "去南方看病", "在家里住院", "宝宝住院 花了3万", "本次住院花了2万", "怀孕住院了", "普通住院 在广州", "自己住院 花了2万", "平时看病 医保在哪"]) {
      const p = parse(text);
      expect(p.slots.insuredRegion ?? p.slots.treatmentRegion, text).toBeUndefined();
      expect((p.ambiguities ?? []).filter((a) => a.slot !== "amount"), text).toEqual([]);
    }
    expect(parse("十万", { expecting: "amount" }).slots.amount).toBe("100000");
  });
  it("a slip is a character that ends some place's name; one that ends none makes a word (宝宝 ≠ 宝鸡)", () => {
    expect(typoCandidates("深川", true).map((d) => d.code)).toEqual(["440300"]);
    for (const word of ["宝宝", "本次", "怀孕", "自己", "开刀", "合适", "周末"]) expect(typoCandidates(word, true), word).toEqual([]);
  });
  it("a county-level name is a place of its own, never a slip for a city (普宁 is not 普洱)", () => {
    expect(typoCandidates("普宁", true)).toEqual([]);
    expect(typoCandidates("江阴", true)).toEqual([]);
    expect(parse("医保是普宁的 广州住院").slots.insuredRegion?.code).not.toBe("530800");
  });
  it("a slip that fits two cities is asked, not assumed", () => {
    expect(typoCandidates("延州", true).map((d) => d.code).sort()).toEqual(["222400", "610600"]);
    const p = parse("延州医保 去上海住院");
    expect(p.slots.insuredRegion).toBeUndefined();
    expect(p.ambiguities?.find((a) => a.slot === "insuredRegion")?.candidates).toHaveLength(2);
  });
});

describe("regions that are not prefectures", () => {
  it("a county-level region with its own policy file is read as itself", () => {
    expect(code(parse("溧阳职工 去南京住院 花了4万").slots.insuredRegion)).toBe("320481");
    expect(code(parse("杭锦后旗的医保 去呼和浩特住院").slots.insuredRegion)).toBe("150826");
  });
  it("every county-level policy file is in the list (and nothing else)", () => {
    const files = readdirSync(new URL("../../policies/regions/", import.meta.url))
      .map((f) => f.slice(0, 6))
      .filter((c) => /^\d{6}$/u.test(c) && !c.endsWith("00"));
    expect(COUNTY_REGIONS.map((c) => c.code).sort()).toEqual(files.sort());
  });
  it("海南 and 西藏 are regions (备案到省); 河北 alone offers its cities, capital first", () => {
    expect(PROVINCE_REGIONS.has("460000")).toBe(true);
    expect(code(parse("海南的医保 去广州住院").slots.insuredRegion)).toBe("460000");
    const p = parse("河北的 在北京住院");
    expect(p.slots.insuredRegion).toBeUndefined();
    expect(code(p.slots.treatmentRegion)).toBe("110000");
    const amb = p.ambiguities?.find((a) => a.slot === "insuredRegion");
    expect((amb?.candidates as { code: string }[])[0]?.code).toBe("130100");
    expect(amb?.text).toBe("河北省");
  });
  it("a province with one of its cities is the city", () => {
    expect(code(parse("江苏苏州的医保").slots.insuredRegion)).toBe("320500");
  });
});

describe("the precomputed pinyin of city names", () => {
  it("city-pinyin.json is what the generator builds from pinyin-pro", async () => {
    const { buildCityPinyinTable } = await import("../../src/language/data/generate-city-pinyin.ts");
    const { readFileSync } = await import("node:fs");
    const stored = JSON.parse(readFileSync(new URL("../../src/language/data/city-pinyin.json", import.meta.url), "utf8"));
    expect(stored).toEqual(buildCityPinyinTable());
  }, 120_000);

  it("the quick test before typo matching never hides a word that is a typo of a city", async () => {
    const table = (await import("../../src/language/data/city-pinyin.json", { with: { type: "json" } })).default as {
      cities: Record<string, string[]>;
      syllables: Record<string, string>;
    };
    const keys = Object.keys(table.cities);
    const charsOf = (s: string) => Array.from(table.syllables[s] ?? "");
    // Words that sound like a city, typed with any characters of those sounds (苏洲, 夏门, 杭洲…),
    // and words one character off a two-character name (深川).
    const homophone = fc
      .constantFrom(...keys)
      .chain((key) => fc.tuple(...key.split(" ").map((s) => fc.constantFrom(...charsOf(s)))).map((cs) => cs.join("")));
    const names = keys.flatMap((k) => table.cities[k] ?? []).length;
    expect(names).toBeGreaterThan(300);
    // A slip is read only as a character some place name ends with (深川: 川 as in 银川).
    const { DIVISIONS, shortName } = await import("../../src/places/divisions.ts");
    const endings = [...new Set(DIVISIONS.map((d) => shortName(d.name)).filter((n) => n.length >= 2 && n.length <= 3).map((n) => n.at(-1) as string))];
    const oneOff = fc.tuple(fc.constantFrom(...Array.from("深杭苏南北上广长大东西")), fc.constantFrom(...endings))
      .map(([a, b]) => a + b);
    let typos = 0;
    fc.assert(
      fc.property(fc.oneof(homophone, oneOff), fc.constantFrom("", "医保", "住院"), (word, after) => {
        const found = typoCandidates(word, after !== "");
        if (found.length > 0) typos++;
        if (found.length > 0) expect(mayStartTypo(word + after, 0), word).toBe(true);
      }),
      { numRuns: 5000 },
    );
    // The property was exercised, not vacuous.
    expect(typos).toBeGreaterThan(500);
  });
});

describe("homophones that keep no character as typed are words, not typos", () => {
  it("住了院 is not 辽源", () => {
    const p = parse("在外地住了院 出院后才发现没有备案");
    expect(p.places ?? []).toEqual([]);
    expect(p.slots.insuredRegion).toBeUndefined();
    expect(p.slots.setting).toBe("inpatient");
  });
  it("a homophone that keeps one character is still read", () => {
    expect(typoCandidates("郑洲").map((d) => d.code)).toEqual(["410100"]);
  });
});
