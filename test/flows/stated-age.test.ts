/**
 * A stated age (我妈65岁, 孩子8岁, 在上大学) against the age band the policy data computes with
 * (QA3 A10): the data holds one band's figures, the other only in words; an age outside the band
 * used is said before the figures, never left in a list of assumptions.
 */
import { describe, expect, it } from "vitest";
import { chat, estimateOf } from "./chat.ts";
import { ageOf } from "../../src/language/age.ts";

const estimate = (inputs: string[]) => estimateOf(chat(inputs).at(-1)!) ?? "";

describe("the age said", () => {
  it("is read in digits and in words, and a student as a student", () => {
    expect(ageOf("我妈65岁 在杭州住院")).toEqual({ years: 65 });
    expect(ageOf("我爸七十三岁了")).toEqual({ years: 73 });
    expect(ageOf("孩子8岁")).toEqual({ years: 8 });
    expect(ageOf("孩子在北京上大学")).toEqual({ student: true });
    expect(ageOf("住了8天 花了3万")).toBeUndefined();
    expect(ageOf("学生医保 在上海住院")).toBeUndefined();
  });

  it("65 where the data has a 60+ band: worked out at that band, not said against the under-60 one (QA5 Q8)", () => {
    // 上海 SH-SM20: 60周岁及以上 三级 70%; (30000 − 300) × (70 − 20)% = 14850 (was 11880 at 60%).
    const text = estimate(["上海居民医保 我妈65岁 在杭州住院 3万 临时外出 备案了"]);
    const lines = text.split("\n");
    expect(lines[0]).toContain("65岁");
    expect(text).not.toContain("60周岁以下");
    expect(text).toContain("医保基金支付：14850 元");
  });

  it("a child of 8 against an adult's 起付线: said before the figures", () => {
    const text = estimate(["北京居民医保 孩子8岁 在天津三级医院住院 1万"]);
    expect(text.split("\n")[1]).toContain("您说8岁，下面按老年人和劳动年龄内居民的起付线计算");
  });

  it("an age inside the band used: the band is no assumption any more", () => {
    const text = estimate(["上海居民医保 我45岁 在杭州住院 3万 临时外出 备案了"]);
    expect(text).not.toContain("60周岁以下");
    expect(text).not.toContain("您说45岁，下面");
  });
});
