/**
 * A reading of a source that the figures rest on is said in the estimate (policy-facts gives
 * two columns and the file uses one): on the block for everyone who uses it, `retiredAssumption`
 * for retirees only, on a visitor entry wherever that rule is used away from home.
 */
import { describe, expect, it } from "vitest";
import { createPolicyBook } from "../../src/policy/book.ts";
import { evaluate } from "../../src/policy/evaluate.ts";
import { loadPolicyFiles } from "../../src/policy/load.ts";
import type { PolicyBook } from "../../src/policy/book.ts";

const files = loadPolicyFiles();
const book = createPolicyBook(files);

function readings(region: string, scheme: "employee" | "resident", status: "working" | "retired" | undefined, visitor: string, on: PolicyBook = book): string[] {
  const r = evaluate(
    {
      insured: { region, scheme, ...(status ? { status } : {}) },
      treatment: { region: "北京", setting: "inpatient", hospitalLevel: 3, date: "2026-03-01" },
      visitor,
      costs: { total: "20000", classB: "0", outOfCatalog: "0" },
    },
    on,
    { cache: false },
  );
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.estimate.assumptions.flatMap((a) => (a.kind === "reading" ? [a.text] : []));
}

describe("readings the figures rest on are said", () => {
  it("上海 职工: the 2001 retirement cut-off of the deductible, for retirees only", () => {
    expect(readings("上海", "employee", "retired", "long_term").join()).toContain("2001年1月1日以后退休");
    expect(readings("上海", "employee", "working", "long_term").join()).not.toContain("退休");
  });
  it("海口 职工: the conditions of the retirees' 90%, for retirees only", () => {
    expect(readings("海口", "employee", "retired", "long_term").join()).toContain("缴费年限男满30年女满25年");
    expect(readings("海口", "employee", "working", "long_term")).toEqual([]);
  });
  it("天津 居民 低档, 上海 居民 under 60, 哈尔滨 居民 adults, 北京 居民 三级 75%", () => {
    expect(readings("天津", "resident", undefined, "long_term").join()).toContain("低档");
    expect(readings("上海", "resident", undefined, "long_term").join()).toContain("60周岁以下");
    expect(readings("哈尔滨", "resident", undefined, "referral").join()).toContain("成人");
    expect(readings("北京", "resident", undefined, "long_term").join()).toContain("区属三级");
  });
  it("大庆 转外: the visitor rule's reading is said where the rule is used, not for a long-term resident", () => {
    expect(readings("大庆", "employee", "working", "referral").join()).toContain("灵活就业");
    expect(readings("大庆", "employee", "working", "long_term").join()).not.toContain("灵活就业");
  });
  it("the data decides: without the field the line goes", () => {
    const copy = structuredClone(files);
    const tj = copy.regions.find((r) => r.code === "120000")!;
    for (const v of tj.schemes.resident!.versions) if (v.inpatient) delete v.inpatient.ratio.assumption;
    expect(readings("天津", "resident", undefined, "long_term", createPolicyBook(copy)).join()).not.toContain("低档");
  });
});
