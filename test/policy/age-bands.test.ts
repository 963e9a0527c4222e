/**
 * An age said picks the policy's age band where the source has one (QA5 Q7, Q8): the figure is
 * worked out at that band's ratio, not at the under-60 one with a note that the person is older.
 *
 * - 深圳 SZ-SC [B, 深圳之窗]: 居民 "三级医院支付比例为90%；年满60周岁及以上的人员，支付比例为95%"; 起付 C only
 *   (the template's 900); G1 [A, 358号令 第四十条] 其他临时外出 "按照市内就医支付比例的80%支付".
 * - 上海 SH-SM20 [B-, 2020-07-30]: 居民 "60周岁及以上人员的报销比例为…三级医疗机构70%；60周岁以下的…三级医疗机构60%";
 *   SH-DT: 三级 起付 300.
 */
import { describe, expect, it } from "vitest";
import { getPolicyBook } from "../../src/policy/book.ts";
import { evaluate } from "../../src/policy/index.ts";
import { lastText } from "../flows/chat.ts";

const book = getPolicyBook();

function fund(region: string, treatment: string, age: number | undefined, visitor: "temporary_other" | "long_term"): string {
  const r = evaluate(
    {
      insured: { region, scheme: "resident", ...(age !== undefined ? { age } : {}) },
      treatment: { region: treatment, setting: "inpatient", hospitalLevel: 3, date: "2026-03-01" },
      visitor,
      costs: { total: "30000" },
    },
    book,
  );
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.estimate.fundPays;
}

describe("age bands of a ratio", () => {
  it("深圳居民 60岁 北京 三级 3万 其他临时外出: (30000 − 900) × 95% × 0.8 = 22116.00 (was 20952.00 at 90%)", () => {
    expect(fund("深圳", "北京", 60, "temporary_other")).toBe("22116.00");
    expect(fund("深圳", "北京", 59, "temporary_other")).toBe("20952.00");
    expect(fund("深圳", "北京", undefined, "temporary_other")).toBe("20952.00");
  });
  it("上海居民 70岁 长期居住 三级 3万: (30000 − 300) × 70% = 20790.00 (was 17820.00 at the under-60 60%)", () => {
    expect(fund("上海", "北京", 70, "long_term")).toBe("20790.00");
    expect(fund("上海", "北京", 45, "long_term")).toBe("17820.00");
  });
  it("the same shape with another age is not served a cached plan of the first", () => {
    expect([fund("上海", "北京", 45, "long_term"), fund("上海", "北京", 70, "long_term")]).toEqual(["17820.00", "20790.00"]);
  });
});

describe("the chat uses the age typed", () => {
  it("深圳居民 60岁 在北京住院 3万: 22116, and no 按60周岁以下 line", () => {
    const text = lastText(["深圳居民 60岁 在北京住院 3万"]);
    expect(text).toContain("医保基金支付：22116 元");
    expect(text).not.toContain("按60周岁以下的比例计算");
  });
  it("上海居民 在杭州住院 3万 70岁: (30000 − 300) × (70 − 20)% = 14850 (was 11880 at the under-60 60%; QA5 c251)", () => {
    const text = lastText(["上海居民 在杭州住院 3万 70岁"]);
    expect(text).not.toContain("下面按60周岁以下的比例计算");
    expect(text).toContain("医保基金支付：14850 元");
  });
});
