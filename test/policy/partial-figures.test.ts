/**
 * A region whose sources give some of a table's figures and not the rest (QA5 Q7, Q43, Q49): every
 * sourced figure is used, only the missing ones come from the typical template, and the estimate
 * says exactly which figure is the template's.
 *
 * Figures (shared/policy-facts.md):
 * - 昆明 KM-102 [A-mirror, 昆政办〔2019〕102号]: "每次定点医疗机构住院起付标准三级定点医疗机构为880元、二级…550元、一级及其以下…400元";
 *   "合计统筹基金最高支付限额41万" (职工). No A/B ratio.
 * - 呼和浩特 HH-DD [B-, 2023-02-11]: "首次住院三甲医院为1000元…二次住院治疗起付标准降低30%，第三次及以后住院的不设起付标准";
 *   "基本医疗保险统筹基金一个年度内最高支付限额为19万元". No A/B ratio. 临时外出 "降低10%" (read as 10 points).
 * - 深圳 SZ-SC [B, 深圳之窗]: "居民医保：在一级以下医院支付比例为92%，二级医院支付比例为91%，三级医院支付比例为90%"; 起付 C only.
 *   G1 [A, 358号令 第四十条]: 其他临时外出 "按照市内就医支付比例的80%支付".
 * - 湖南 HN-JZ [B-, 2023]: 居民 "二级医疗机构800元；三级医疗机构1200元…第二次及以上起付标准按50%计算"; HN-CC2 [B-, 2022-04-16]
 *   "城乡居民基本医疗保险…累计最高支付限额为15万元". No A/B ratio. HN-CB [B-]: 其他临时外出 跨省 "降低10个百分点".
 * - 哈尔滨 HRB-MC [B, 2023-02-07]: 职工 "异地自由转诊就医人员住院起付线标准为1500元，住院报销比例为政策范围内支付50%".
 * Template (policies/typical.yaml): 职工 三级 起付 900, 85%, 限额 30万; 居民 三级 起付 900, 60%, 限额 19万.
 */
import { describe, expect, it } from "vitest";
import { getPolicyBook } from "../../src/policy/book.ts";
import { evaluate } from "../../src/policy/index.ts";
import type { Estimate, ScenarioInput } from "../../src/policy/scenario.ts";
import { lastText } from "../flows/chat.ts";

const book = getPolicyBook();

function estimate(insured: string, scheme: "employee" | "resident", treatment: string, visitor: ScenarioInput["visitor"], total: string, status?: "working" | "retired"): Estimate {
  const r = evaluate(
    {
      insured: { region: insured, scheme, ...(status ? { status } : {}) },
      treatment: { region: treatment, setting: "inpatient", hospitalLevel: 3, date: "2026-03-01" },
      visitor,
      costs: { total },
      yearToDate: { admissions: 0, fundPaid: "0" },
    },
    book,
  );
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.estimate;
}

const step = (e: Estimate, kind: string) => e.steps.find((s) => s.params.kind === kind);
const parts = (e: Estimate) => e.warnings.flatMap((w) => (w.kind === "partly_typical" ? [w.parts] : []));

describe("a region's partial figures sit on the template's table (QA5 Q7, Q43, Q49)", () => {
  it("昆明居民 上海 三级 5万 转诊: 起付 880 (KM-102), the ratio and cap typical — 24560.00, was 24550.00 at the template's 900", () => {
    const e = estimate("昆明", "resident", "上海", "referral", "50000");
    const d = step(e, "deductible")!;
    expect(d.params.kind === "deductible" && d.params.amount).toBe("880.00");
    expect(d.source.id).toBe("KM-102");
    // (50000 − 880) × (60 − 10)%: the template's 三级 60%, the national ceiling −10 for a referral.
    expect(e.fundPays).toBe("24560.00");
    expect(parts(e)).toEqual([["ratio", "cap"]]);
  });

  it("昆明职工: 起付 880 and the 41万 合计 cap are 昆明's, only the ratio is typical", () => {
    const e = estimate("昆明", "employee", "上海", "temporary_other", "30000", "working");
    // (30000 − 880) × (85 − 20)%.
    expect(e.fundPays).toBe("18928.00");
    expect(step(e, "cap")?.source.id).toBe("KM-102");
    expect(parts(e)).toEqual([["ratio"]]);
  });

  it("呼和浩特职工 在职 临时备案 北京 5万: 三甲 起付 1000 (HH-DD), 85% − 10 — 36750.00, was 36825.00", () => {
    const e = estimate("呼和浩特", "employee", "北京", "temporary_other", "50000", "working");
    expect(e.fundPays).toBe("36750.00");
    expect(step(e, "deductible")?.source.id).toBe("HH-DD");
    expect(parts(e)).toEqual([["ratio"]]);
    // 三级 read as 三甲: said, since 三乙 starts at 800.
    expect(e.assumptions.some((a) => a.kind === "reading" && a.text.includes("三乙"))).toBe(true);
  });

  it("呼和浩特: the second stay 700 (−30%), the third none", () => {
    const second = evaluate({ insured: { region: "呼和浩特", scheme: "employee", status: "working" }, treatment: { region: "北京", setting: "inpatient", hospitalLevel: 3, date: "2026-03-01" }, visitor: "temporary_other", costs: { total: "50000" }, yearToDate: { admissions: 1, fundPaid: "0" } }, book);
    const third = evaluate({ insured: { region: "呼和浩特", scheme: "employee", status: "working" }, treatment: { region: "北京", setting: "inpatient", hospitalLevel: 3, date: "2026-03-01" }, visitor: "temporary_other", costs: { total: "50000" }, yearToDate: { admissions: 2, fundPaid: "0" } }, book);
    expect(second.ok && second.estimate.fundPays).toBe("36975.00");
    expect(third.ok && third.estimate.fundPays).toBe("37500.00");
  });

  it("深圳居民 北京 三级 3万 其他临时外出: 深圳's 90% (SZ-SC) × 0.8 on the template's 起付 900 — 20952.00, was 13968.00", () => {
    const e = estimate("深圳", "resident", "北京", "temporary_other", "30000");
    expect(e.fundPays).toBe("20952.00");
    const ratio = step(e, "ratio")!;
    expect(ratio.source.id).toBe("SZ-SC");
    expect(step(e, "deductible")?.source.id).toBe("TYP");
    expect(parts(e)).toEqual([["deductible", "cap"]]);
  });

  it("长沙居民 广州 三级 3万 其他临时外出: 湖南's 起付 1200 and 15万 cap, the template's 60% − 10 — 14400.00, was 14550.00", () => {
    const e = estimate("长沙", "resident", "广州", "temporary_other", "30000");
    expect(e.fundPays).toBe("14400.00");
    expect(step(e, "deductible")?.source.id).toBe("HN-JZ");
    expect(parts(e)).toEqual([["ratio"]]);
  });

  it("哈尔滨职工 退休 三亚 2万: the 自由转诊 schedule 1500/50% is 哈尔滨's — only the cap is the template's", () => {
    const e = estimate("哈尔滨", "employee", "三亚", "temporary_other", "20000", "retired");
    expect(e.fundPays).toBe("9250.00");
    expect(parts(e)).toEqual([["cap"]]);
  });

  it("a region with no figures at all still names all three as typical (长春职工)", () => {
    const e = estimate("长春", "employee", "北京", "temporary_other", "30000", "working");
    expect(parts(e)).toEqual([["deductible", "ratio", "cap"]]);
  });
});

describe("the chat says exactly which figure is typical", () => {
  it("深圳居民 60岁 在北京住院 3万: the 比例 is 深圳's, the 起付线 and 限额 typical (was: no 起付线、报销比例 data)", async () => {
    const text = await lastText(["深圳居民 在北京住院 3万"]);
    expect(text).toMatch(/没有深圳市?居民医保的起付线和年度限额数据，按各地中位数粗估；报销比例是深圳市?的：/u);
    expect(text).toContain("20952");
  });
  it("哈尔滨职工 退休 三亚 2万: only 年度限额 is said to be typical", async () => {
    const text = await lastText(["哈尔滨职工退休 去三亚 住院 2万"]);
    expect(text).toMatch(/没有哈尔滨市?职工医保的年度限额数据，按各地中位数粗估；起付线和报销比例是哈尔滨市?的：/u);
  });
  it("长沙居民: the 起付线 and 限额 are said to be 湖南省's, the province's file they come from", async () => {
    const text = await lastText(["长沙居民 在广州住院 3万"]);
    expect(text).toMatch(/没有长沙市?居民医保的报销比例数据，按各地中位数粗估；起付线和年度限额是湖南省的：/u);
  });
});
