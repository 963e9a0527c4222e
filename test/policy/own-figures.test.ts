/**
 * "长沙职工 起付线多少" and a 长沙 estimate read the same figures (QA4 Q73): a city without a table of
 * its own uses its province's (湖南's unified 职工 table, policy-facts §7 长沙 [B-]) on both paths,
 * through one look-up (src/policy/setting-rules.ts), and the answer says whose figures they are.
 */
import { describe, expect, it } from "vitest";
import { getPolicyBook } from "../../src/policy/book.ts";
import { evaluate } from "../../src/policy/index.ts";
import { ownRules } from "../../src/policy/setting-rules.ts";
import { lastText } from "../flows/chat.ts";

const book = getPolicyBook();
const DATE = "2026-03-01";

function deductibleOfEstimate(city: string): string | null | undefined {
  const r = evaluate({ insured: { region: city, scheme: "employee", status: "working" }, treatment: { region: "北京", setting: "inpatient", hospitalLevel: 3, date: DATE }, visitor: "temporary_other", costs: { total: "30000" }, yearToDate: { admissions: 0 } } as never, book);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.estimate.steps.find((s) => s.kind === "deductible")?.amount;
}

describe("a city on its province's table", () => {
  it.each(["长沙", "衡阳", "湘潭"])("%s职工: the look-up finds 湖南's table", (city) => {
    const code = book.resolveRegion(city)!.code;
    const own = ownRules(book, code, "employee", "inpatient", DATE, false);
    expect(own?.province).toBe(true);
    expect(own?.policy.name).toBe("湖南省");
  });
  it("the figures answer says the 三级 起付线 the estimate charges", () => {
    const charged = deductibleOfEstimate("长沙");
    expect(charged).toMatch(/^1100(\.00)?$/);
    const t = lastText(["长沙职工 起付线多少"]);
    expect(t).toContain("三级医院 1100 元");
    expect(t).toContain("湖南省");
    expect(t).not.toContain("没有核实过的数据");
  });
  it("a city with no figures anywhere still says so, never the template's (沈阳职工)", () => {
    expect(lastText(["沈阳职工 起付线多少"])).toContain("没有核实过的数据");
  });
});
