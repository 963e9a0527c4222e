/**
 * What an estimate says about where its visitor cut comes from (QA findings A9, A5): the national
 * 10/20-point ceiling is the most a place may cut, never the insured place's rule, and it bounds
 * registered temporary visitors only; a place's own rule (不纳入, 不降) is said with its source.
 */
import { describe, expect, it } from "vitest";
import { explainEstimate } from "../../src/messages/explain.ts";
import { eligibility, evaluate, getPolicyBook, type Estimate } from "../../src/policy/index.ts";

const book = getPolicyBook();
const DATE = "2026-03-01";

function scenario(insured: string, treatment: string, visitor: string, setting = "inpatient") {
  return {
    insured: { region: insured, scheme: "employee", status: "working" },
    treatment: { region: treatment, setting, hospitalLevel: 3, date: DATE },
    visitor,
    costs: { total: "20000" },
  };
}

function estimate(input: unknown): Estimate {
  const r = evaluate(input, book);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.estimate;
}

const visitorCut = (e: Estimate) => e.steps.find((s) => s.params.kind === "visitor_cut")?.params;

describe("the national ceiling stands in for a missing cut, and says so", () => {
  it("上海 has no cut for temporary visitors: the step marks the ceiling and the assumption says 实际可能少降", () => {
    const e = estimate(scenario("上海", "杭州", "temporary_other"));
    expect(visitorCut(e)).toEqual({ kind: "visitor_cut", visitor: "temporary_other", cut: { points: 20, ceiling: true } });
    const worded = explainEstimate(e);
    expect(worded.steps.map((s) => s.rule).join()).toContain("按国家规定的上限降低 20 个百分点");
    expect(worded.assumptions.join()).toContain("按国家规定的上限（最多降 20 个百分点）算，实际可能少降");
  });

  it("a region that is all template (周口) carries the same assumption line", () => {
    const e = estimate(scenario("周口", "东莞", "temporary_other"));
    expect(e.assumptions.map((a) => a.kind)).toContain("visitor_unknown_rule");
    expect(visitorCut(e)).toMatchObject({ cut: { points: 20, ceiling: true } });
  });

  it("a place's own cut in points (溧阳 −20) is its rule, not the ceiling", () => {
    const e = estimate(scenario("溧阳", "上海", "temporary_other"));
    expect(visitorCut(e)).toMatchObject({ cut: { points: 20 } });
    expect(visitorCut(e)).not.toMatchObject({ cut: { ceiling: true } });
    expect(e.assumptions.map((a) => a.kind)).not.toContain("visitor_unknown_rule");
  });

  it("a place's own 'no cut' (南京 备案了的临时外出) is a step with its source", () => {
    const e = estimate(scenario("南京", "上海", "temporary_other"));
    const step = e.steps.find((s) => s.params.kind === "visitor_cut");
    expect(step?.params).toMatchObject({ cut: { same: true } });
    expect(step?.source.quote).toContain("和南京本地一样");
  });
});

describe("care not registered is never bounded by the ceiling", () => {
  it("石家庄 has no rule for it nor for temporary visitors: no figure, and why", () => {
    const r = evaluate(scenario("石家庄", "上海", "unregistered"), book);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]?.problem).toMatchObject({ kind: "no_unregistered_rule", name: "石家庄市" });
  });

  it("南京's own rule for it still gives a figure", () => {
    const e = estimate(scenario("南京", "上海", "unregistered"));
    expect(visitorCut(e)).toMatchObject({ cut: { points: 20 } });
    expect(visitorCut(e)).not.toMatchObject({ cut: { ceiling: true } });
  });
});

describe("eligibility reads the visitor rule of the care asked about", () => {
  const daqing = { insured: "230600", treatment: "230100", category: "temporary_other" as const, scheme: "employee" as const, date: DATE };

  it("大庆 职工 普通门诊 in 哈尔滨 without referral: 不纳入, nothing to settle, no ceiling line", () => {
    const e = eligibility(book, { ...daqing, setting: "outpatient" });
    expect(e.regionRule).toMatchObject({ rule: { kind: "not_covered" } });
    expect(e.regionRule !== "none" && e.regionRule?.source.title).toContain("大庆");
    expect(e.direct.possible).toBe(false);
    expect(e.direct.reason).toBe("not_covered");
    expect(e.cutCeiling).toBeUndefined();
  });

  it("inpatient care is still read as before", () => {
    const e = eligibility(book, { ...daqing, setting: "inpatient" });
    expect(e.direct.reason).not.toBe("not_covered");
  });
});
