/**
 * A level without its own figure borrows the nearest level's (合肥 居民 lists only 三级: its file says other
 * levels reuse it). The deductible step names the asked level, so the estimate must say the figure is borrowed.
 */
import { describe, expect, it } from "vitest";
import { evaluate, type ExplainedEstimate as Estimate } from "../../src/conversation/policy-book.ts";

function hefeiResident(level: 1 | 2 | 3): Estimate {
  const result = evaluate({
    insured: { region: "合肥", scheme: "resident" },
    treatment: { region: "上海", setting: "inpatient", hospitalLevel: level, date: "2026-03-01" },
    visitor: "long_term",
    costs: { total: "30000" },
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.estimate;
}

describe("a figure borrowed from another hospital level is stated", () => {
  it("合肥 居民 at a 二级 hospital: the 三级 figures are used, and said so", () => {
    const two = hefeiResident(2);
    expect(two.fundPays).toBe(hefeiResident(3).fundPays);
    expect(two.assumptions).toContain("参保地没有单列二级医院的数字，按三级医院的数字算");
  });

  it("nothing is said where the level has its own figure", () => {
    expect(hefeiResident(3).assumptions.join("\n")).not.toContain("没有单列");
  });
});
