/**
 * The loader refuses what would make an estimate silently wrong or fail late: overlapping
 * versions, gaps, undeclared sources and grades that contradict confidence — naming the file,
 * the field and the line, for a user's --policy file as for the repository's.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPolicyFiles, PolicyFileError } from "../../src/policy/load.ts";
import { FIXTURES } from "./helpers.ts";

const dir = mkdtempSync(join(tmpdir(), "yidi-integrity-"));

const base = `code: "990800"
name: 校验市
sources:
  V1: { title: 校验市2022年待遇, published: "2022", retrieved: "2026-11-23", grade: B, confidence: medium }
  V2: { title: 校验市2025年待遇, published: "2025-03-01", retrieved: "2026-11-23", grade: A, confidence: high }
schemes:
  employee:
    versions:
      - version: "2022"
        from: 2022-01-01
        fromBasis: convention
        to: 2025-02-28
        inpatient:
          ratio: { source: V1, working: { byLevel: { "3": 80 } } }
      - version: "2025"
        from: 2025-03-01
        fromBasis: sourced
        inpatient:
          ratio: { source: V2, working: { byLevel: { "3": 85 } } }
`;

function problems(text: string): { file: string; lines: string[] } {
  const file = join(dir, `990800-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, text);
  try {
    loadPolicyFiles([file], FIXTURES);
  } catch (error) {
    if (!(error instanceof PolicyFileError)) throw error;
    expect(error.file).toBe(file);
    expect(error.message).toContain(file);
    return { file, lines: error.problems };
  }
  return { file, lines: [] };
}

describe("the loader's integrity rules", () => {
  it("loads the base file", () => {
    expect(problems(base).lines).toEqual([]);
  });

  it("refuses a 2025 version beside an old one left open, naming field and line", () => {
    // The case: a 2025 estimate silently used the old ratio.
    const { lines } = problems(base.replace("        to: 2025-02-28\n", ""));
    expect(lines).toHaveLength(1);
    // (the removed `to` line moves the 2025 version's `from` up to line 15)
    expect(lines[0]).toMatch(/^schemes\.employee\.versions\[1\]\.from（第 15 行）：与 versions\[0\]（2022-01-01 起，未设截止日）重叠/);
  });

  it("refuses versions that share days", () => {
    const { lines } = problems(base.replace("to: 2025-02-28", "to: 2025-03-01"));
    expect(lines.join("\n")).toContain("重叠");
  });

  it("refuses a gap inside the declared period", () => {
    const { lines } = problems(base.replace("to: 2025-02-28", "to: 2025-01-31"));
    expect(lines).toEqual(["schemes.employee.versions[1].from（第 16 行）：与 versions[0]（至 2025-01-31）之间有空档：2025-02-01 起没有生效的版本"]);
  });

  it("refuses an undeclared source id where it is cited", () => {
    const { lines } = problems(base.replace("ratio: { source: V2,", "ratio: { source: V9,"));
    expect(lines).toEqual(["schemes.employee.versions[1].inpatient.ratio.source（第 19 行）：来源 V9 未在 sources 中声明"]);
  });

  it("accepts a national source id without a copy (the book resolves it)", () => {
    expect(problems(base.replace("ratio: { source: V2,", "ratio: { source: N1,")).lines).toEqual([]);
  });

  it("refuses a grade that contradicts its confidence", () => {
    const { lines } = problems(base.replace("grade: A, confidence: high", "grade: C, confidence: high"));
    expect(lines).toEqual(["sources.V2.confidence（第 5 行）：等级 C 的来源可信度应为 low，这里是 high"]);
  });

  it("names the line of a schema error too", () => {
    const { lines } = problems(base.replace('"3": 85', '"3": 185'));
    expect(lines[0]).toMatch(/^schemes\.employee\.versions\[1\]\.inpatient\.ratio\.working.*（第 19 行）/);
  });
});

describe("the typical template rests on enough independent sources", () => {
  /** The fixtures with typical.yaml's basis promising `n` independent sources per figure. */
  function fixturesPromising(minSources: number | null): string {
    const copy = mkdtempSync(join(tmpdir(), "yidi-template-"));
    cpSync(FIXTURES, copy, { recursive: true });
    const file = join(copy, "typical.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^minSources: .*\n/m, minSources === null ? "" : `minSources: ${minSources}\n`));
    return copy;
  }

  function refusal(dir: string): PolicyFileError {
    try {
      loadPolicyFiles([], dir);
    } catch (error) {
      if (error instanceof PolicyFileError) return error;
      throw error;
    }
    throw new Error("the template was accepted");
  }

  it("refuses a figure with fewer sources than the basis promises, naming the figure, its line and its sources", () => {
    // Fixture regions: 990100 and 990200 give an employee inpatient cap (two pages), so 3 is too many.
    const error = refusal(fixturesPromising(3));
    expect(error.file).toMatch(/typical\.yaml$/);
    const cap = error.problems.find((p) => p.startsWith("schemes.employee.versions[0].inpatient.cap.amount"));
    expect(cap).toMatch(/（第 \d+ 行）：只有 \d 个独立来源（.+），少于 minSources 写明的最少 3 个/);
  });

  it("refuses a template that states no minimum", () => {
    const error = refusal(fixturesPromising(null));
    expect(error.problems).toEqual(["minSources（第 1 行）：缺少此字段"]);
  });

  it("counts one page cited by two regions once", async () => {
    const { collectFigures } = await import("../../src/policy/template.ts");
    const national = { sources: {} };
    const page = { title: "同一页", url: "http://example.org/a", published: "2025", retrieved: "2026-11-23", grade: "B" as const, confidence: "medium" as const };
    const region = (code: string, source: typeof page) => ({
      code, name: code, aliases: [], notes: [], sources: { P: source },
      schemes: { employee: { versions: [{ version: "1", from: "2025-01-01", fromBasis: "convention" as const, to: null, visitors: [], freeZones: [], rejected: [],
        outpatient: { ratio: { source: "P", working: { byLevel: { "1": 70 } } } } }] } },
    });
    const twoCopies = collectFigures([region("990901", page), region("990902", page)], national);
    expect(twoCopies.get("employee.outpatient.ratio.1")).toHaveLength(1);
    const twoPages = collectFigures([region("990901", page), region("990902", { ...page, url: "http://example.org/b" })], national);
    expect(twoPages.get("employee.outpatient.ratio.1")).toHaveLength(2);
  });
});
