/**
 * Published examples and seed figures as tests (issue 11, "What to build" item 6): each case
 * quotes its source; the expected amounts follow from the quoted words.
 */
import { describe, expect, it } from "vitest";
import { getPolicyBook } from "../../src/policy/book.ts";
import { explainExample } from "../../src/policy/examples.ts";
import { evaluate, type ExplainedEstimate as Estimate } from "../../src/conversation/policy-book.ts";
import type { ScenarioInput } from "../../src/policy/scenario.ts";
import { exampleText } from "../../src/messages/policy.ts";

function estimate(input: ScenarioInput): Estimate {
  const result = evaluate(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.estimate;
}

describe("苏州: other temporary visitors at 80% of the normal ratio (S4, M1)", () => {
  // M1: "按原法定结付比例的80%结付"; S4: 苏州 insured at 上海 hospitals "按80%结付" without registration.
  it.each([
    ["上海", "temporary_other"],
    ["北京", "temporary_other"],
    ["上海", "unregistered"],
  ] as const)("in %s as %s every band's rate is 0.8 × the normal one", (treatment, visitor) => {
    const e = estimate({
      insured: { region: "苏州", scheme: "employee", status: "working" },
      treatment: { region: treatment, setting: "inpatient", hospitalLevel: 3, date: "2026-03-01" },
      visitor,
      costs: { total: "30000", classB: "0" },
      yearToDate: { admissions: 0 },
    });
    const rates = e.steps.find((s) => s.rates)?.rates ?? [];
    expect(rates.length).toBeGreaterThan(0);
    for (const r of rates) expect(Number(r.applied)).toBeCloseTo(Number(r.before) * 0.8, 10);
  });

  it("an emergency is exempt from the 80% (M1)", () => {
    const e = estimate({
      insured: { region: "苏州", scheme: "employee", status: "working" },
      treatment: { region: "北京", setting: "inpatient", hospitalLevel: 3, date: "2026-03-01" },
      visitor: "emergency",
      costs: { total: "30000", classB: "0" },
      yearToDate: { admissions: 0 },
    });
    for (const r of e.steps.find((s) => s.rates)?.rates ?? []) expect(r.applied).toBe(r.before);
  });
});

describe("大庆 outpatient pooling (G3)", () => {
  const run = (visitor: ScenarioInput["visitor"], status: "working" | "retired" = "working", treatment = "大庆"): Estimate =>
    estimate({
      insured: { region: "大庆", scheme: "employee", status },
      treatment: { region: treatment, setting: "outpatient", hospitalLevel: 1, date: "2026-03-01" },
      visitor,
      costs: { total: "1500", classB: "0" },
      yearToDate: { deductiblePaid: "0" },
    });

  // "一级及以下基层医疗机构支付比例为70%…退休人员按医疗机构级别相应提高5个百分点"; annual deductible 500.
  it("at home, level 1: (1500 − 500) × 70% = 700; retired 75%: 750", () => {
    expect(run("long_term").fundPays).toBe("700.00");
    expect(run("long_term", "retired").fundPays).toBe("750.00");
  });

  // "市域外门诊急诊治疗或办理转诊手续后在市域外普通门诊治疗…不分医疗机构级别，医保基金支付比例为40%".
  it("referred out of the city: (1500 − 500) × 40% = 400", () => {
    expect(run("referral", "working", "哈尔滨").fundPays).toBe("400.00");
  });

  // "未办理转诊手续在市域外普通门诊治疗发生的费用，不纳入医保基金支付范围".
  it("out of the city without referral: nothing", () => {
    expect(run("temporary_other", "working", "哈尔滨").fundPays).toBe("0.00");
  });
});

describe("the 2017 河北→海南 example (S5)", () => {
  const book = getPolicyBook();
  const x = explainExample(book, "hebei_hainan_2017", "2026-03-01");

  it("is read as published: 25000 → fund 17500, person 7500, 70%", () => {
    expect(x?.example).toMatchObject({ total: "25000", fundPaid: "17500", personPaid: "7500", year: 2017 });
    expect(x?.consistent).toBe(true);
    expect(x?.fundShare).toBe("70.00");
    expect(x?.source.title).toContain("易晓保");
  });

  it("explains why 70% is no ratio of today's rules", () => {
    expect(x?.reasons).toEqual(expect.arrayContaining(["hospital_level", "deductible", "out_of_catalog", "old_example"]));
    const text = exampleText.explain({ ...x!.example, fundShare: x!.fundShare, reasons: x!.reasons });
    expect(text).toContain("基金占 70%");
    expect(text).toContain("不是某条规定的报销比例");
    expect(text).toContain("没有写医院级别");
    expect(text).toContain("多年前的示意");
  });

  it("a new example is not called old", () => {
    expect(explainExample(book, "hebei_hainan_2017", "2018-06-01")?.reasons).not.toContain("old_example");
  });
});
