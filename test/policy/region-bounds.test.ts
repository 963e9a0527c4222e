/** Regions a client sends are bounded and trimmed before any cache: junk and padding make no new keys. */
import { describe, expect, it } from "vitest";
import { evaluate, getPolicyBook } from "../../src/conversation/policy-book.ts";

const scenario = (insured: string, treatment = "上海") => ({
  insured: { region: insured, scheme: "employee", status: "working" },
  treatment: { region: treatment, setting: "inpatient", hospitalLevel: 3, date: "2026-03-01" },
  visitor: "long_term",
  costs: { total: "30000" },
});

describe("region strings", () => {
  it("longer than 64 characters (after trimming) are refused with a Chinese message naming the field", () => {
    const long = "苏".repeat(65);
    for (const [input, field] of [
      [scenario(long), "insured.region"],
      [scenario("苏州", long), "treatment.region"],
    ] as const) {
      const out = evaluate(input);
      expect(out.ok).toBe(false);
      if (!out.ok) expect(out.errors).toEqual([{ field, message: "地区名称过长（最多 64 个字符）" }]);
    }
    // 64 is allowed: not a region, but not refused for its length.
    const at64 = evaluate(scenario("苏".repeat(64)));
    expect(at64.ok).toBe(false);
    if (!at64.ok) expect(at64.errors[0]?.message).not.toContain("过长");
  });

  it("are trimmed: a padded name gives the same estimate as the name", () => {
    const plain = evaluate(scenario("苏州"));
    const padded = evaluate(scenario(`  苏州${" ".repeat(5000)}`, `\t上海${" ".repeat(3000)}`));
    expect(plain.ok && padded.ok).toBe(true);
    expect(padded).toEqual(plain);
  });

  it("only blanks is an empty region", () => {
    const out = evaluate(scenario("   "));
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.errors[0]).toMatchObject({ field: "insured.region", message: "请填写地区（地级市名称或 6 位区划代码）" });
  });

  it("the book's look-up trims, and refuses what is longer than any name before looking", () => {
    const book = getPolicyBook();
    expect(book.resolveRegion(`  苏州${" ".repeat(1000)}`)).toEqual(book.resolveRegion("苏州"));
    expect(book.resolveRegion("苏州")?.code).toBe("320500");
    expect(book.resolveRegion(`苏州${"市".repeat(80)}`)).toBeUndefined();
  });
});
