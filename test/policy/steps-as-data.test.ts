/**
 * The evaluator decides and records; it does not word (issue 11). Its estimate carries each
 * step, assumption and warning as a kind with figures, and src/messages/explain.ts words them.
 */
import { describe, expect, it } from "vitest";
import { explainEstimate } from "../../src/messages/explain.ts";
import { evaluate, getPolicyBook, type Estimate } from "../../src/policy/index.ts";

const book = getPolicyBook();

function estimate(input: unknown): Estimate {
  const r = evaluate(input, book);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.estimate;
}

const unregisteredRetiree = {
  insured: { region: "南京", scheme: "employee", status: "retired" },
  treatment: { region: "上海", setting: "inpatient", hospitalLevel: 3, date: "2026-03-01" },
  visitor: "unregistered",
  costs: { total: "20000" },
};

describe("steps as data", () => {
  it("an estimate's steps, assumptions and warnings are kinds with figures, not sentences", () => {
    const e = estimate(unregisteredRetiree);
    for (const s of e.steps) {
      expect(Object.keys(s).sort()).toEqual(expect.arrayContaining(["kind", "amount", "params", "source"]));
      expect(s).not.toHaveProperty("what");
      expect(s).not.toHaveProperty("rule");
    }
    expect(e.assumptions.length).toBeGreaterThan(0);
    for (const a of [...e.assumptions, ...e.warnings]) expect(typeof a.kind).toBe("string");
    expect(e.assumptions.map((a) => a.kind)).toEqual(expect.arrayContaining(["class_b_amount", "out_of_catalog_amount"]));
    expect(e.warnings.map((w) => w.kind)).toContain("unregistered");
    expect(e.directSettlement).toEqual({ possible: false, kind: "unregistered" });
    const summary = e.steps.at(-1)!;
    expect(summary.params).toEqual({ kind: "summary", fund: e.fundPays, serious: null, you: e.youPay });
  });

  it("the catalogue words each of them, with the figures of the data", () => {
    const e = estimate(unregisteredRetiree);
    const worded = explainEstimate(e);
    expect(worded.steps).toHaveLength(e.steps.length);
    const summary = worded.steps.at(-1)!;
    expect(summary.what).toBe("合计");
    expect(summary.rule).toBe(`基金支付 ${e.fundPays} 元，个人负担 ${e.youPay} 元`);
    expect(worded.assumptions).toContain("未提供乙类金额，按 0 元计算；如有乙类药品或项目，个人负担会更高");
    expect(worded.directSettlement.reason).toContain("未备案不能直接结算");
    expect(worded.warnings).toHaveLength(e.warnings.length);
  });

  it("an input it cannot estimate says why as data", () => {
    const r = evaluate({ ...unregisteredRetiree, insured: { region: "不存在市", scheme: "employee" } }, book);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual([{ field: "insured.region", problem: { kind: "unknown_region", which: "insured", text: "不存在市" } }]);
  });
});
