/** plans.ts: one plan per scenario shape, the bill's amounts left out of the shape and nothing else. */
import { describe, expect, it } from "vitest";
import { PLAN_CACHE_LIMIT, planFor, shapeOf } from "../../src/policy/plans.ts";
import { Scenario, type ScenarioInput } from "../../src/policy/scenario.ts";
import { fixtureBook } from "./helpers.ts";

const base: ScenarioInput = {
  insured: { region: "苏州", scheme: "employee", status: "working" },
  treatment: { region: "上海", setting: "inpatient", hospitalLevel: 3, date: "2026-03-01" },
  visitor: "long_term",
  costs: { total: "30000", classB: "5000", outOfCatalog: "100" },
  yearToDate: { admissions: 1 },
  maternity: false,
};
const key = (s: ScenarioInput) => JSON.stringify(shapeOf(Scenario.parse(s)));

describe("shapeOf", () => {
  it("ignores the amounts of the bill", () => {
    expect(key({ ...base, costs: { total: "99999.99", classB: "1", outOfCatalog: "0" } })).toBe(key(base));
  });

  const changes: [string, ScenarioInput][] = [
    ["insured region", { ...base, insured: { ...base.insured, region: "杭州" } }],
    ["scheme", { ...base, insured: { ...base.insured, scheme: "resident" } }],
    ["status", { ...base, insured: { ...base.insured, status: "retired" } }],
    ["status left out", { ...base, insured: { region: "苏州", scheme: "employee" } }],
    ["age", { ...base, insured: { ...base.insured, age: 60 } }],
    ["treatment region", { ...base, treatment: { ...base.treatment, region: "北京" } }],
    ["setting", { ...base, treatment: { ...base.treatment, setting: "outpatient" } }],
    ["level", { ...base, treatment: { ...base.treatment, hospitalLevel: 2 } }],
    ["date", { ...base, treatment: { ...base.treatment, date: "2026-03-02" } }],
    ["visitor", { ...base, visitor: "referral" }],
    ["maternity", { ...base, maternity: true }],
    ["maternity left out", { ...base, maternity: undefined }],
    ["乙类 zero", { ...base, costs: { ...base.costs, classB: "0.00" } }],
    ["乙类 left out", { ...base, costs: { total: "30000" } }],
    ["目录外 left out", { ...base, costs: { total: "30000", classB: "5000" } }],
    ["admissions", { ...base, yearToDate: { admissions: 2 } }],
    ["admissions left out", { ...base, yearToDate: {} }],
    ["year to date left out", { ...base, yearToDate: undefined }],
  ];
  it.each(changes)("tells a change of %s apart", (_what, changed) => {
    expect(key(changed)).not.toBe(key(base));
  });
  it("tells one age from another (an age band may start at any age)", () => {
    expect(key({ ...base, insured: { ...base.insured, age: 59 } })).not.toBe(key({ ...base, insured: { ...base.insured, age: 60 } }));
  });

  it("keeps no plan where money was already paid this year (amounts too)", () => {
    expect(shapeOf(Scenario.parse({ ...base, yearToDate: { fundPaid: "1000" } }))).toBeNull();
    expect(shapeOf(Scenario.parse({ ...base, yearToDate: { admissions: 1, deductiblePaid: "0" } }))).toBeNull();
  });

  it("covers every field of the scenario (a new field must join the shape or the amounts)", () => {
    // The fields the test above varies; if Scenario grows, this list and shapeKey must too.
    const shape = Scenario.parse(base);
    expect(Object.keys(shape).sort()).toEqual(["costs", "insured", "maternity", "treatment", "visitor", "yearToDate"]);
    expect(Object.keys(Scenario.shape.insured.shape).sort()).toEqual(["age", "region", "scheme", "status"]);
    expect(Object.keys(Scenario.shape.treatment.shape).sort()).toEqual(["date", "hospitalLevel", "region", "setting"]);
    expect(Object.keys(Scenario.shape.costs.shape).sort()).toEqual(["classB", "outOfCatalog", "total"]);
  });
});

describe("planFor", () => {
  it("returns the same plan for the same shape, and starts over past PLAN_CACHE_LIMIT plans", () => {
    const s = Scenario.parse({ ...base, insured: { region: "示例市", scheme: "employee", status: "working" } });
    const first = planFor(fixtureBook, s);
    const otherBill = planFor(fixtureBook, Scenario.parse({ ...s, costs: { total: "1", classB: "1", outOfCatalog: "0" } }));
    expect(first.ok && otherBill.ok && first.value === otherBill.value).toBe(true);
    // Fill the cache with other shapes (other dates): it starts over, and the first plan is made anew.
    for (let d = 1; d <= PLAN_CACHE_LIMIT; d++) {
      const date = new Date(Date.UTC(2026, 2, 1) + d * 86_400_000).toISOString().slice(0, 10);
      expect(planFor(fixtureBook, Scenario.parse({ ...base, insured: s.insured, treatment: { ...base.treatment, date } })).ok).toBe(true);
    }
    const later = planFor(fixtureBook, s);
    expect(first.ok && later.ok && first.value !== later.value).toBe(true);
  });
});
