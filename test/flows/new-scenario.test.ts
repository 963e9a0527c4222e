/**
 * A new scenario after an estimate (QA3 A25, B22): "那门诊呢" after a stay is another bill, so
 * its amount is asked rather than the stay's re-costed as outpatient care; a new trip keeps the
 * amount only saying so.
 */
import { describe, expect, it } from "vitest";
import { chat, estimateOf, textOf } from "./chat.ts";

describe("那门诊呢 after an inpatient estimate", () => {
  it("asks the outpatient amount instead of re-costing the stay's", () => {
    const all = chat(["我爸苏州退休的 在上海住院了 花了1.2w 能报多少", "那门诊呢"]);
    const text = textOf(all.at(-1)!);
    expect(estimateOf(all.at(-1)!)).toBeUndefined();
    expect(text).toContain("普通门诊");
    expect(text).toContain("这次总共花了多少钱");
    const next = chat(["我爸苏州退休的 在上海住院了 花了1.2w 能报多少", "那门诊呢", "800"]);
    expect(estimateOf(next.at(-1)!)).toContain("总费用 800 元");
  });

  it("a setting said wrong (不对 是门诊) is the same bill: kept", () => {
    const all = chat(["我爸苏州退休的 在上海住院了 花了1.2w 能报多少", "不对 是门诊 不是住院"]);
    expect(estimateOf(all.at(-1)!)).toContain("总费用 12000 元");
  });
});

describe("a new trip after an estimate", () => {
  it("keeps the amount, and says so", () => {
    const all = chat(["杭州职工 在上海 住院 3万 长期居住 备案了", "那我去北京旅游突然住院呢"]);
    const text = textOf(all.at(-1)!);
    expect(text).toContain("金额沿用刚才的 30000 元");
    expect(estimateOf(all.at(-1)!)).toContain("总费用 30000 元");
  });

  it("a new amount said with it is no carried amount", () => {
    const all = chat(["杭州职工 在上海 住院 3万 长期居住 备案了", "那我去北京旅游突然住院 花了5万呢"]);
    expect(textOf(all.at(-1)!)).not.toContain("金额沿用");
  });
});
