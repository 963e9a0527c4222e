/**
 * The conventions of this assistant where no source speaks — the answers an estimate fills in,
 * the age from which a figure is flagged, the order in which a level borrows a figure — live in
 * national.yaml's `defaults:` block with their reasons, and the code reads them from there.
 */
import { describe, expect, it } from "vitest";
import { assumptions } from "../../flows/common.ts";
import { createPolicyBook } from "../../src/policy/book.ts";
import { evaluate } from "../../src/policy/evaluate.ts";
import { loadPolicyFiles } from "../../src/policy/load.ts";
import { Defaults } from "../../src/policy/schema.ts";

const files = loadPolicyFiles();
const defaults = files.national.defaults;

function withDefaults(change: (d: typeof defaults) => typeof defaults) {
  return createPolicyBook({ ...files, national: { ...files.national, defaults: change(structuredClone(defaults)) } });
}

describe("national.yaml defaults", () => {
  it("each default carries its reason", () => {
    expect(defaults.staleAfterMonths.months).toBe(24);
    expect(defaults.levelFallback.order).toEqual({ "1": ["1", "2", "3"], "2": ["2", "3", "1"], "3": ["3", "2", "1"] });
    for (const block of [defaults.assumptions, defaults.retiredMeansEmployee, defaults.staleAfterMonths, defaults.levelFallback]) expect(block.reason.length).toBeGreaterThan(20);
  });

  it("the schema refuses a default without its reason, or a level that does not look at itself first", () => {
    expect(Defaults.safeParse({ ...defaults, staleAfterMonths: { months: 24 } }).success).toBe(false);
    expect(Defaults.safeParse({ ...defaults, levelFallback: { ...defaults.levelFallback, order: { ...defaults.levelFallback.order, "2": ["3", "2", "1"] } } }).success).toBe(false);
    expect(Defaults.safeParse({ ...defaults, levelFallback: { ...defaults.levelFallback, order: { ...defaults.levelFallback.order, "2": ["2", "2", "1"] } } }).success).toBe(false);
    expect(Defaults.safeParse(defaults).success).toBe(true);
  });

  it("the flows fill in the assumed answers from it", () => {
    const a = defaults.assumptions;
    expect(assumptions()).toEqual({ scheme: a.scheme, status: a.status, level: a.hospitalLevel, visitor: a.visitor, classB: null, outOfCatalog: null });
  });

  it("the stand-in for unreadable data is national.yaml's own values, and the flows keep no copy", async () => {
    const { UNREADABLE_DEFAULTS, flowDefaultsOf } = await import("../../src/policy/defaults.ts");
    expect(UNREADABLE_DEFAULTS).toEqual(flowDefaultsOf(defaults));
    // A changed default shows up in what the flows get: nothing else decides it.
    const changed = flowDefaultsOf({ ...defaults, assumptions: { ...defaults.assumptions, hospitalLevel: 2 }, retiredMeansEmployee: { ...defaults.retiredMeansEmployee, value: false } });
    expect(changed).toMatchObject({ assumptions: { hospitalLevel: 2 }, retiredMeansEmployee: false });
    const { readFileSync } = await import("node:fs");
    const common = readFileSync(new URL("../../flows/common.ts", import.meta.url), "utf8");
    expect(common).not.toMatch(/hospitalLevel:\s*\d|visitor:\s*"temporary_other"|scheme:\s*"resident"/);
  });

  // 合肥 居民 gives 三级 figures only (test/policies/level-borrowed.test.ts); a copy with a made-up
  // 一级 figure as well shows the order at work (test data only, never a policy figure).
  const hefeiResident = { insured: { region: "合肥", scheme: "resident" }, treatment: { region: "上海", setting: "inpatient", hospitalLevel: 2, date: "2026-03-01" }, visitor: "long_term", costs: { total: "20000", classB: "0", outOfCatalog: "0" } };

  it("the evaluator borrows a level's figures in the book's order", () => {
    const copy = structuredClone(files);
    const hefei = copy.regions.find((r) => r.code === "340100")!;
    const v = hefei.schemes.resident!.versions.at(-1)!;
    v.inpatient!.deductible!.working["1"] = "500";
    (v.inpatient!.ratio.working as { byLevel: Record<string, number> }).byLevel["1"] = 80;
    const book = (order: ("1" | "2" | "3")[]) =>
      createPolicyBook({ ...copy, national: { ...copy.national, defaults: { ...defaults, levelFallback: { ...defaults.levelFallback, order: { ...defaults.levelFallback.order, "2": order } } } } });
    const higherFirst = evaluate(hefeiResident, book(["2", "3", "1"]));
    const lowerFirst = evaluate(hefeiResident, book(["2", "1", "3"]));
    if (!higherFirst.ok || !lowerFirst.ok) throw new Error("not estimated");
    expect(higherFirst.estimate.assumptions).toContainEqual({ kind: "level_borrowed", level: 2, from: 3 });
    expect(lowerFirst.estimate.assumptions).toContainEqual({ kind: "level_borrowed", level: 2, from: 1 });
    // (20000 − 1000) × 75% against (20000 − 500) × 80%.
    expect([higherFirst.estimate.fundPays, lowerFirst.estimate.fundPays]).toEqual(["14250.00", "15600.00"]);
  });

  it("the evaluator flags figures by the book's age limit", () => {
    const scenario = { insured: { region: "北京", scheme: "employee", status: "working" }, treatment: { region: "上海", setting: "inpatient", hospitalLevel: 3, date: "2026-03-01" }, visitor: "referral", costs: { total: "50000" } };
    const strict = evaluate(scenario, withDefaults((d) => ({ ...d, staleAfterMonths: { ...d.staleAfterMonths, months: 1 } })));
    const lenient = evaluate(scenario, withDefaults((d) => ({ ...d, staleAfterMonths: { ...d.staleAfterMonths, months: 120 } })));
    expect(strict.ok && lenient.ok).toBe(true);
    if (!strict.ok || !lenient.ok) return;
    const dated = (e: typeof strict.estimate) => e.dataAge.filter((x) => x.age === "old").length;
    expect(dated(strict.estimate)).toBeGreaterThan(dated(lenient.estimate));
    expect(strict.estimate.warnings).toContainEqual({ kind: "data_age", months: 1 });
  });
});
