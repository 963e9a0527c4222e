/** Traditional characters are read as their simplified forms (QA3 A32, c209). */
import { describe, expect, it } from "vitest";
import { parse } from "../../src/language/index.ts";
import { toSimplified } from "../../src/language/traditional.ts";

describe("traditional characters", () => {
  it("我媽在廣州住院 醫保是長沙職工 退休 花了３万 要備案嗎 → 长沙 职工 insured, 广州 care", () => {
    const p = parse("我媽在廣州住院 醫保是長沙職工 退休 花了３万 要備案嗎");
    expect(p.slots.insuredRegion?.code).toBe("430100");
    expect(p.slots.treatmentRegion?.code).toBe("440100");
    expect(p.slots.scheme).toBe("employee");
    expect(p.slots.amount).toBe("30000");
  });
  it("folds only what it lists, and leaves simplified text as it is", () => {
    expect(toSimplified("長沙職工 備案")).toBe("长沙职工 备案");
    const plain = "我在苏州交的职工医保";
    expect(toSimplified(plain)).toBe(plain);
  });
  it("a receipt's capital numerals still read as money (參 is not folded first)", () => {
    expect(parse("住院花了參萬元").slots.amount).toBe("30000");
  });
});

/** A three-character name one character off (哈尔兵) is asked back, never dropped (QA3 A32, c64). */
describe("a city name one character off", () => {
  it("哈尔兵职工 去广洲住院 3.5w → 哈尔滨 offered as a typo to confirm", () => {
    const p = parse("哈尔兵职工 去广洲住院 3.5w");
    const amb = p.ambiguities?.find((a) => a.typo && (a.candidates as { code: string }[]).some((c) => c.code === "230100"));
    expect(amb).toBeTruthy();
    expect(p.slots.insuredRegion?.code).not.toBe("230100");
  });
  it("a real three-character city is not a typo", () => {
    expect(parse("哈尔滨职工 去广州住院 3.5w").ambiguities ?? []).toEqual([]);
  });
});
