/**
 * Every region file × scheme × setting × visitor × level × kind of trip, on each version's
 * first day, through the real evaluator: no throw (an undeclared source would throw in the
 * explanation), parts that add up to the bill, no negative share, every step cited, and every
 * regional source of a figure used that may be older than the age limit on that day, or has no
 * date, named in the estimate's dataAge (issue #11: no old or undated figure without a warning).
 */
import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { DIVISIONS } from "../../src/places/divisions.ts";
import { evaluate, getPolicyBook, type ExplainedEstimate as Estimate } from "../../src/conversation/policy-book.ts";
import type { RegionPolicy } from "../../src/policy/schema.ts";
import type { ScenarioInput } from "../../src/policy/scenario.ts";
import { sourceAge } from "../../src/policy/age.ts";

const book = getPolicyBook();
const MONTHS = book.national.defaults.staleAfterMonths.months;
const VISITORS = ["long_term", "referral", "emergency", "temporary_other", "unregistered"] as const;
const SETTINGS = ["inpatient", "outpatient", "chronic_outpatient"] as const;

/** A treatment place for each kind of trip: the same pool, elsewhere in the province, another province. */
function places(code: string): string[] {
  const province = code.slice(0, 2);
  const sibling = DIVISIONS.find((d) => d.level === "city" && d.code.slice(0, 2) === province && d.code !== code);
  const far = province === "11" ? "310000" : "110000";
  return [code, ...(sibling ? [sibling.code] : []), far];
}

/** Steps citing a regional source that may be past the age limit on `date`, or undated, without the estimate saying so. */
function unflaggedAge(e: Estimate, region: RegionPolicy, date: string): string[] {
  const flagged = new Set(e.dataAge.map((d) => d.title));
  // National rules (the principles, the cut ceilings) are the framework's, dated with each step, not warned about.
  const national = (s: Estimate["steps"][number]) => s.kind === "jurisdiction" || s.kind === "out_of_catalog" || (s.source.id in book.national.sources && !region.sources[s.source.id]);
  return e.steps.filter((s) => !national(s) && sourceAge(s.source.published, date, MONTHS) !== "current" && !flagged.has(s.source.title)).map((s) => `${s.kind} ${s.source.id}`);
}

describe("no old or undated figure without a warning, on a treatment date of 2026", () => {
  for (const region of book.regions.values()) {
    it(`${region.code} ${region.name}`, () => {
      for (const scheme of Object.keys(region.schemes) as ("employee" | "resident")[]) {
        for (const setting of SETTINGS) {
          for (const visitor of VISITORS) {
            for (const level of [1, 2, 3] as const) {
              const input: ScenarioInput = {
                insured: { region: region.code, scheme, ...(scheme === "employee" ? { status: "retired" as const } : {}) },
                treatment: { region: "上海", setting, hospitalLevel: level, date: "2026-03-01" },
                visitor,
                costs: { total: "50000", classB: "5000", outOfCatalog: "1000" },
                yearToDate: { admissions: 1 },
              };
              const result = evaluate(input, book);
              if (result.ok) expect(unflaggedAge(result.estimate, region, "2026-03-01"), JSON.stringify(input)).toEqual([]);
            }
          }
        }
      }
    });
  }
});

describe("every region file through the evaluator", () => {
  for (const region of book.regions.values()) {
    it(`${region.code} ${region.name}`, () => {
      let runs = 0;
      for (const [scheme, entry] of Object.entries(region.schemes) as ["employee" | "resident", { versions: { from: string }[] }][]) {
        for (const version of entry.versions) {
          for (const treatment of places(region.code)) {
            for (const setting of SETTINGS) {
              for (const visitor of VISITORS) {
                for (const level of [1, 2, 3] as const) {
                  for (const status of scheme === "employee" ? (["working", "retired"] as const) : ([undefined] as const)) {
                    const input: ScenarioInput = {
                      insured: { region: region.code, scheme, ...(status ? { status } : {}) },
                      treatment: { region: treatment, setting, hospitalLevel: level, date: version.from },
                      visitor,
                      costs: { total: "123456.78", classB: "23456.78", outOfCatalog: "3456.78" },
                      yearToDate: { admissions: 1 },
                    };
                    const result = evaluate(input, book);
                    const label = JSON.stringify(input);
                    if (!result.ok) {
                      // The only acceptable refusals: no data at all for this setting, anywhere; or care not
                      // registered where the place has no rule for it (the national ceilings do not bound it).
                      const unregistered = visitor === "unregistered" && result.errors.every((e) => e.field === "visitor");
                      if (!unregistered) expect(result.errors.map((e) => e.field), label).toEqual(["treatment.setting"]);
                      continue;
                    }
                    runs++;
                    const e = result.estimate;
                    const sum = new Decimal(e.fundPays).plus(e.seriousIllnessPays).plus(e.youPay);
                    expect(sum.toFixed(2), label).toBe(e.total);
                    for (const part of [e.fundPays, e.seriousIllnessPays, e.youPay]) expect(new Decimal(part).isNegative(), label).toBe(false);
                    for (const step of e.steps) expect(step.source.title.length, label).toBeGreaterThan(0);
                    expect(unflaggedAge(e, region, version.from), label).toEqual([]);
                    expect(e.policy.region).toBe(region.code);
                  }
                }
              }
            }
          }
        }
      }
      if (Object.keys(region.schemes).length > 0) expect(runs).toBeGreaterThan(0);
    });
  }
});
