import { describe, expect, it } from "vitest";
import { parse } from "../../src/language/index.ts";
import { toDecimal } from "../../src/language/amounts.ts";

const amount = (text: string, expecting = true) => parse(text, expecting ? { expecting: "amount" } : undefined);

describe("amounts", () => {
  it.each([
    ["3万", "30000"], ["2.5万", "25000"], ["两万五", "25000"], ["一万二", "12000"], ["3w", "30000"], ["3W", "30000"],
    ["￥18,600.50", "18600.50"], ["¥26,400", "26400"], ["6万8", "68000"], ["三千五", "3500"], ["1.2k", "1200"],
    ["5千", "5000"], ["３万", "30000"], ["十万", "100000"], ["十五万", "150000"], ["二十万", "200000"],
    ["一万八千六", "18600"], ["1w5", "15000"], ["4万2", "42000"], ["3000多", "3000"], ["八千块", "8000"],
    ["800元", "800"], ["18600", "18600"], ["一万零五百", "10500"], ["一万零五", "10005"], ["两千零八十", "2080"], ["0.5万", "5000"], ["12.34", "12.34"],
  ])("%s → %s", (text, want) => {
    expect(amount(text).slots.amount).toBe(want);
  });

  it("finds the bill inside a sentence, not ages, days, levels or hospital numbers", () => {
    expect(amount("我爸70岁 住院10天 三级医院 总共花了86000", false).slots.amount).toBe("86000");
    expect(amount("在北京301住院 二级", false).slots.amount).toBeUndefined();
    expect(amount("住院费用2万 自费药5千", false).slots.amount).toBe("20000");
    expect(amount("花了几十万", false).slots.amount).toBeUndefined();
    expect(amount("去三亚住院", false).slots.amount).toBeUndefined();
    expect(amount("一次三四百", false).slots.amount).toBeUndefined();
  });

  it("rejects negative and absurd figures with a reason", () => {
    expect(amount("-3元").rejectedAmount).toEqual({ text: "-3", reason: "negative" });
    expect(amount("花了-500元").rejectedAmount?.reason).toBe("negative");
    expect(amount("1e400").rejectedAmount?.reason).toBe("too_large");
    expect(amount("99999999999元").rejectedAmount?.reason).toBe("too_large");
    expect(amount("9".repeat(400)).rejectedAmount?.reason).toBe("too_large");
    expect(amount("-3元").slots.amount).toBeUndefined();
  });

  it("never turns money into a float", () => {
    expect(toDecimal("0.1")?.plus(toDecimal("0.2") ?? 0).toString()).toBe("0.3");
    expect(amount("1234567.89元").slots.amount).toBe("1234567.89");
  });

  it("reads a bare ID number or phone number as nothing", () => {
    expect(amount("身份证320502198805061234", false).slots.amount).toBeUndefined();
    expect(amount("电话13812345678", false).slots.amount).toBeUndefined();
  });
});
