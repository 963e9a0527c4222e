import { describe, expect, it } from "vitest";
import { DIVISIONS, PROVINCE_REGIONS, shortName } from "../../src/places/divisions.ts";
import { parse } from "../../src/language/index.ts";
import { findPlaces, citiesOf } from "../../src/language/places.ts";

/** Codes a parse points at: a filled region slot or the candidates of an ambiguity. */
function codes(text: string, expecting?: "treatmentRegion" | "insuredRegion"): string[] {
  const p = parse(text, expecting ? { expecting } : undefined);
  const out = [p.slots.treatmentRegion?.code, p.slots.insuredRegion?.code].filter((c): c is string => !!c);
  for (const a of p.ambiguities ?? []) for (const c of a.candidates) if (typeof c !== "string") out.push(c.code);
  return out;
}

// 海南 alone means 海南省; 青海's 海南藏族自治州 needs its full name or 海南州.
const PREFERRED_ELSEWHERE = new Set(["632500"]);

describe("every mainland province and prefecture-level division", () => {
  it("has the expected size (31 provinces + 333 prefecture-level)", () => {
    expect(DIVISIONS.filter((d) => d.level === "province")).toHaveLength(31);
    expect(DIVISIONS.length).toBeGreaterThan(330);
  });

  for (const d of DIVISIONS) {
    const short = shortName(d.name);
    // A province that is not one region (河北) is offered as its cities, capital first.
    const want = d.level === "province" && !PROVINCE_REGIONS.has(d.code) ? (citiesOf(d.code)[0]?.code as string) : d.code;
    it(`${d.name} (${d.code}) by full and short name`, () => {
      // 吉林 is also a city: the province itself stays among the candidates.
      const found = (list: string[]) => list.includes(want) || list.includes(d.code);
      expect(found(codes(d.name, "treatmentRegion"))).toBe(true);
      expect(found(codes(`医保在${d.name} 去外地住院`))).toBe(true);
      if (!PREFERRED_ELSEWHERE.has(d.code)) {
        expect(found(codes(short, "insuredRegion"))).toBe(true);
        expect(found(codes(`在${short}住院`))).toBe(true);
      }
    });
  }
});

describe("place reading", () => {
  it("gives a municipality or province named alone its province code, a city its city code", () => {
    expect(parse("上海", { expecting: "treatmentRegion" }).slots.treatmentRegion).toEqual({ code: "310000", name: "上海市", level: "province" });
    expect(parse("海南", { expecting: "treatmentRegion" }).slots.treatmentRegion?.code).toBe("460000");
    expect(parse("西藏", { expecting: "treatmentRegion" }).slots.treatmentRegion?.code).toBe("540000");
    const hebei = parse("河北", { expecting: "treatmentRegion" });
    expect(hebei.slots.treatmentRegion).toBeUndefined();
    expect(hebei.ambiguities?.[0]?.slot).toBe("treatmentRegion");
    expect((hebei.ambiguities?.[0]?.candidates as { code: string }[]).map((c) => c.code).slice(0, 3)).toEqual(["130100", "130200", "130300"]);
    expect(parse("苏州市", { expecting: "treatmentRegion" }).slots.treatmentRegion?.code).toBe("320500");
  });

  it("reads a province followed by its city as the city", () => {
    expect(findPlaces("江苏苏州").map((m) => m.candidates.map((c) => c.code))).toEqual([["320500"]]);
    expect(findPlaces("广东省深圳市").map((m) => m.candidates.map((c) => c.code))).toEqual([["440300"]]);
    expect(findPlaces("吉林省吉林市").map((m) => m.candidates.map((c) => c.code))).toEqual([["220200"]]);
  });

  it("prefers the longest match", () => {
    expect(findPlaces("大兴安岭地区").map((m) => m.text)).toEqual(["大兴安岭地区"]);
    expect(findPlaces("马鞍山市").map((m) => m.text)).toEqual(["马鞍山市"]);
  });

  it("reports 吉林 as ambiguous between province and city", () => {
    const p = parse("吉林", { expecting: "treatmentRegion" });
    expect(p.slots.treatmentRegion).toBeUndefined();
    expect(p.ambiguities?.[0]?.candidates.map((c) => (typeof c === "string" ? c : c.code))).toEqual(["220000", "220200"]);
  });

  it("reads one-character nicknames only with a locative cue", () => {
    expect(codes("在沪参保 在渝住院")).toEqual(expect.arrayContaining(["310000", "500000"]));
    expect(codes("京医保在津住院")).toEqual(expect.arrayContaining(["110000", "120000"]));
    expect(codes("在穗工作")).toContain("440100");
    expect(codes("鹏城", "treatmentRegion")).toEqual(["440300"]);
    expect(findPlaces("深夜突然肚子疼")).toEqual([]);
    expect(findPlaces("苏醒以后")).toEqual([]);
    expect(findPlaces("去京东买药")).toEqual([]);
    expect(findPlaces("在杭参保 在苏住院").map((m) => m.candidates[0]?.code)).toEqual(["330100", "320500"]);
  });

  it("does not read hospital names and idioms as places", () => {
    expect(findPlaces("上海中山医院").map((m) => m.text)).toEqual(["上海"]);
    expect(findPlaces("大同小异")).toEqual([]);
    expect(findPlaces("中山市").map((m) => m.candidates[0]?.code)).toEqual(["442000"]);
  });
});

describe("county-level names point at their prefecture", () => {
  it("counties.json is what the generator builds from the division package", async () => {
    const { buildCountyTable } = await import("../../src/language/data/generate-counties.ts");
    const { readFileSync } = await import("node:fs");
    const stored = JSON.parse(readFileSync(new URL("../../src/language/data/counties.json", import.meta.url), "utf8"));
    expect(stored).toEqual(buildCountyTable());
  });

  it.each([
    ["在昆山住院", "320500"], ["去义乌打工", "330700"], ["福建晋江", "350500"], ["上海浦东新区", "310000"],
    ["在浦东住院", "310000"], ["苏州吴中区", "320500"], ["常熟市", "320500"],
    // Districts people name like a city (most were county-level cities): read with a cue.
    ["医保是顺德的", "440600"], ["在萧山住院", "330100"], ["去番禺看病", "440100"], ["即墨的医保", "370200"],
  ])("%s → %s", (text, code) => {
    expect(findPlaces(text).map((m) => m.candidates[0]?.code)).toEqual([code]);
  });

  it("a district short name without a cue, or an everyday word among them, is no place", () => {
    expect(findPlaces("顺德菜很好吃")).toEqual([]);
    expect(findPlaces("在小店买药")).toEqual([]);
    expect(findPlaces("医生很高明的")).toEqual([]);
  });

  it("does not read everyday words that are also county names", () => {
    expect(findPlaces("农村合作医疗")).toEqual([]);
    expect(findPlaces("上海瑞金医院").map((m) => m.text)).toEqual(["上海"]);
  });
});

describe("a county named before its own city", () => {
  it("is two mentions, each with its role (医保江阴 无锡住院)", () => {
    const p = parse("医保在慈溪 宁波住院 花了2万");
    expect(p.slots.insuredRegion?.code).toBe("330200");
    expect(p.slots.treatmentRegion?.code).toBe("330200");
  });
  it("a city followed by its own district is still one place (苏州吴中区)", () => {
    const p = parse("苏州吴中区住院 医保在南通");
    expect(p.slots.treatmentRegion?.code).toBe("320500");
    expect(p.places ?? []).toEqual([]);
  });
});
