/**
 * The hand check of the usual scenario (src/policy/quick-scenario.ts) never disagrees with the
 * schema: whatever it accepts, the schema accepts with the same value; it accepts the inputs
 * the front ends send (or it would save nothing); and whatever the schema refuses, it refuses.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quickScenario } from "../../src/policy/quick-scenario.ts";
import { Scenario } from "../../src/policy/scenario.ts";

const usual = {
  insured: { region: "苏州", scheme: "employee", status: "retired" },
  treatment: { region: "上海", setting: "inpatient", hospitalLevel: 3, date: "2026-03-01" },
  visitor: "referral",
  costs: { total: "20000", classB: "3000.5", outOfCatalog: "1000.25" },
  yearToDate: { admissions: 1, fundPaid: "100", deductiblePaid: "0" },
  maternity: false,
};

/** Values a field may take: valid ones, near misses and junk. */
const anyValue = fc.oneof(
  fc.constantFrom("苏州", " 苏州", "苏州 ", "", "x".repeat(64), "x".repeat(65), "employee", "resident", "working", "retired", "inpatient", "outpatient", "chronic_outpatient"),
  fc.constantFrom("long_term", "referral", "emergency", "temporary_other", "unregistered", "other"),
  fc.constantFrom("2026-03-01", "2024-02-29", "2025-02-29", "2026-13-01", "2026-3-1", "2026-03-01T00:00:00Z"),
  fc.constantFrom("0", "20000", "20000.5", "20000.55", "20000.555", "-1", " 100", "1e3", "1234567890123", "0.00", "100000"),
  fc.constantFrom(0, 1, 2, 3, 4, 1.5, -0, 365, 366, -1, 20000, Number.NaN),
  fc.constantFrom(true, false, null, undefined, [], {}),
);

/** The usual scenario with a few fields replaced, removed or added. */
const mutated = fc
  .array(
    fc.record({
      path: fc.constantFrom(
        ["insured", "region"], ["insured", "scheme"], ["insured", "status"], ["insured", "extra"],
        ["treatment", "region"], ["treatment", "setting"], ["treatment", "hospitalLevel"], ["treatment", "date"],
        ["visitor"], ["costs", "total"], ["costs", "classB"], ["costs", "outOfCatalog"], ["costs", "other"],
        ["yearToDate", "admissions"], ["yearToDate", "fundPaid"], ["yearToDate", "deductiblePaid"], ["yearToDate"],
        ["maternity"], ["extra"], ["insured"], ["costs"],
      ),
      value: anyValue,
      remove: fc.boolean(),
    }),
    { maxLength: 4 },
  )
  .map((changes) => {
    const x = structuredClone(usual) as Record<string, unknown>;
    for (const { path, value, remove } of changes) {
      let o = x;
      for (const k of path.slice(0, -1)) {
        if (typeof o[k] !== "object" || o[k] === null) o[k] = {};
        o = o[k] as Record<string, unknown>;
      }
      const last = path.at(-1)!;
      if (remove) delete o[last];
      else o[last] = value;
    }
    return x;
  });

describe("the hand check of the usual scenario", () => {
  it("accepts what the front ends send, with the schema's value", () => {
    expect(quickScenario(usual)).toEqual(Scenario.parse(usual));
    const bare = { insured: { region: "北京", scheme: "resident" }, treatment: usual.treatment, visitor: "emergency", costs: { total: "5000" } };
    expect(quickScenario(bare)).toEqual(Scenario.parse(bare));
  });

  it("gives a new object, not the caller's", () => {
    const q = quickScenario(usual)!;
    expect(q.insured).not.toBe(usual.insured);
    expect(q.costs).not.toBe(usual.costs);
  });

  it("never accepts what the schema refuses, nor gives another value", () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(fc.oneof(mutated, fc.anything()), (x) => {
        const quick = quickScenario(x);
        const schema = Scenario.safeParse(x);
        if (!schema.success) refused++;
        if (quick === undefined) return;
        accepted++;
        expect(schema.success).toBe(true);
        expect(quick).toStrictEqual(schema.data);
      }),
      { numRuns: 3000 },
    );
    // Both sides of the check were exercised.
    expect(accepted).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(100);
  });
});
