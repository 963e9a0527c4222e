/**
 * A bill said between two bounds (三万多不到四万) is one figure, a range said back as such, not
 * two totals to choose from (QA5 Q95); a posting of months (派到上海三个月) is a trip, not 常驻
 * (QA5 Q80: a long-term record cannot be undone for 6 months, and 武汉 counts 派驻 from a year).
 */
import { describe, expect, it } from "vitest";
import { parse } from "../../src/language/index.ts";

describe("two bounds of one bill are a range", () => {
  it.each([
    ["北京职工 在职 上海住院 花了三万多不到四万", "35000", "30000", "40000"],
    ["医保南京 上海住院 两万多快三万", "25000", "20000", "30000"],
    ["苏州职工 在上海住院 3万多 不到4万吧", "35000", "30000", "40000"],
    ["武汉退休 广州住院 一万五到两万", "17500", "15000", "20000"],
  ])("%s → %s", (text, mid, low, high) => {
    const p = parse(text);
    expect(p.slots.amount).toBe(mid);
    expect(p.amountRange).toMatchObject({ low, high });
    expect((p.ambiguities ?? []).filter((a) => a.slot === "amount")).toEqual([]);
  });
  it("two figures far apart are still asked", () => {
    const p = parse("北京职工 上海住院 花了两万多 不到五万");
    expect(p.slots.amount).toBeUndefined();
    expect(p.amountRange).toBeUndefined();
  });
});

describe("a posting of months is a trip, of years a 常驻", () => {
  it.each([
    "我被公司派到上海三个月 医保在武汉 在上海住院 3万",
    "单位派我去北京两个月 医保在郑州 住院花了2万",
    "外派半年到广州 医保南京 住院 2万",
    "公司派他到深圳干几个月 医保长沙 在深圳住院",
  ])("%s → temporary", (text) => {
    expect(parse(text).slots.visitorType).toBe("temporary_other");
  });
  it.each([
    "公司派我到北京常驻两年 医保武汉",
    "单位派我去深圳工作 医保在长沙",
    "被派到上海十八个月了 医保在武汉 住院3万",
  ])("%s → stationed", (text) => {
    expect(parse(text).slots.visitorType).toBe("stationed_worker");
  });
});
