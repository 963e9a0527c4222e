import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { earliestDay, monthsBefore, sourceAge } from "../../src/policy/age.ts";
import { createPolicyBook } from "../../src/policy/book.ts";
import { loadPolicyFiles } from "../../src/policy/load.ts";
import { evaluate, type ExplainedEstimate as Estimate } from "../../src/conversation/policy-book.ts";
import { FIXTURES, scenario } from "./helpers.ts";

describe("the age of a source on the treatment date", () => {
  it("counts a year or a month from its first day", () => {
    expect([earliestDay("2024"), earliestDay("2024-07"), earliestDay("2024-07-15"), earliestDay("unknown")]).toEqual(["2024-01-01", "2024-07-01", "2024-07-15", null]);
  });

  it("goes back by months, across years, and keeps the day", () => {
    expect(monthsBefore("2026-03-01", 24)).toBe("2024-03-01");
    expect(monthsBefore("2026-01-31", 1)).toBe("2025-12-31");
    expect(monthsBefore("2026-02-28", 26)).toBe("2023-12-28");
  });

  it("is old only past 24 months, by date and not by calendar year", () => {
    expect(sourceAge("2024-03-01", "2026-03-01", 24)).toBe("current");
    expect(sourceAge("2024-03-01", "2026-03-02", 24)).toBe("old");
    // Calendar years would call 2024-12-31 → 2026-01-01 two years; it is 12 months.
    expect(sourceAge("2024-12-31", "2026-01-01", 24)).toBe("current");
    // "2024" may mean 2024-01-01: on 2026-01-02 it may be older than 24 months.
    expect(sourceAge("2024", "2026-01-01", 24)).toBe("current");
    expect(sourceAge("2024", "2026-01-02", 24)).toBe("old");
    expect(sourceAge("unknown", "2026-01-01", 24)).toBe("unknown");
  });
});

describe("the estimate names the figures that may be outdated", () => {
  const dir = mkdtempSync(join(tmpdir(), "yidi-age-"));
  const file = join(dir, "990700-dated.yaml");
  writeFileSync(
    file,
    `code: "990700"
name: 日期市
sources:
  D1: { title: 日期市住院待遇通知, published: "2024-03-01", retrieved: "2026-11-23", grade: A, confidence: high }
  D2: { title: 日期市乙类说明, published: unknown, retrieved: "2026-11-23", dateNote: 约2023, grade: B, confidence: medium }
schemes:
  employee:
    versions:
      - version: "2024"
        from: 2024-03-01
        fromBasis: sourced
        classB: { share: 10, source: D2 }
        inpatient:
          deductible: { source: D1, working: { "3": 1000 } }
          ratio: { source: D1, working: { byLevel: { "3": 80 } } }
        visitors:
          - { visitor: long_term, rule: { kind: same }, source: D1 }
`,
  );
  const book = createPolicyBook(loadPolicyFiles([file], FIXTURES));
  function estimate(date: string, classB?: string): Estimate {
    const result = evaluate(scenario({ region: "990700", date, total: "10000", ...(classB ? { classB } : {}) }), book);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    return result.estimate;
  }

  it("says nothing while the figures are at most 24 months old and all dated", () => {
    const e = estimate("2026-03-01");
    expect(e.dataAge).toEqual([]);
    expect(e.warnings.join("")).not.toContain("日期市住院待遇通知");
  });

  it("names the source one day past 24 months", () => {
    const e = estimate("2026-03-02");
    expect(e.dataAge).toEqual([{ source: "D1", title: "日期市住院待遇通知", published: "2024-03-01", age: "old" }]);
    expect(e.warnings.join("")).toContain("《日期市住院待遇通知》（2024年3月1日发布）");
  });

  it("names an undated source whose figure was used, whatever the date", () => {
    const e = estimate("2026-03-01", "2000");
    expect(e.dataAge.map((x) => [x.source, x.age])).toEqual([["D2", "unknown"]]);
    expect(e.warnings.join("")).toContain("《日期市乙类说明》（发布日期不明）");
  });
});
