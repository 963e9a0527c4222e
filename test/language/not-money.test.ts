/**
 * Numbers that are not money never fill an amount: a hotline to call (12393, 12345), a year, a
 * count of days, a hospital level, an age. The same figures with money words stay money.
 */
import { describe, expect, it } from "vitest";
import { parse } from "../../src/language/index.ts";

const MONEY = ["amount", "classB", "outOfCatalog", "deposit", "yearToDate", "quotedDeductible"] as const;
const moneyOf = (text: string, expecting?: "amount") => {
  const s = parse(text, expecting ? { expecting } : undefined).slots;
  return MONEY.filter((k) => s[k] !== undefined).map((k) => s[k]);
};

describe("a number to call is not a bill", () => {
  it.each(["12393能打通吗", "12393是免费的吗", "打12345有用吗", "12345能投诉吗", "拨12393转人工", "医保热线12393打不通", "12333能问异地备案吗", "12393"])("%s", (text) => {
    expect(moneyOf(text)).toEqual([]);
    expect(parse(text).intent).toBe("hotline");
  });
  it("not even while a figure is asked, when the words say it is dialled", () => {
    expect(moneyOf("12393能打通吗", "amount")).toEqual([]);
    expect(moneyOf("打了12345没人接", "amount")).toEqual([]);
  });
  it.each([
    ["花了12345元", "12345"],
    ["总共12393块", "12393"],
    ["住院费12000 能报多少", "12000"],
    ["12000能报多少", "12000"],
  ])("with money words it is money: %s", (text, value) => {
    expect(moneyOf(text)).toEqual([value]);
  });
});

describe("years, days, levels and ages are not money", () => {
  it.each([
    ["2023年在上海住院花了3万能报多少", ["30000"]],
    ["我爸80岁了 在北京住院住了3天 花了两万", ["20000"]],
    ["二级医院住了十天 一共8000", ["8000"]],
    ["去年12月在杭州住院 花了5万", ["50000"]],
  ])("%s", (text, money) => {
    expect(moneyOf(text)).toEqual(money);
  });
});
