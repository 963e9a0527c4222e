/**
 * The domain's words are defined once (src/policy/terms.ts): the schema, the scenario and the
 * flows' answers accept exactly the same values, and no other file of the rule layers keeps
 * its own copy of a list.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { Answers } from "../../flows/answers.ts";
import { Scenario } from "../../src/policy/scenario.ts";
import { NationalRules } from "../../src/policy/schema.ts";
import { Category, ClaimReason, jurisdictionBetween, Scheme, Setting, termOf, Visitor, visitorOf } from "../../src/policy/terms.ts";

const root = resolve(dirname(new URL(import.meta.url).pathname), "../..");

describe("terms", () => {
  it("the flows' answers take the same values as the terms, and nothing else", () => {
    for (const v of Visitor.options) expect(Answers.shape.visitor.safeParse(v).success).toBe(true);
    for (const c of Category.options) expect(Answers.shape.category.safeParse(c).success).toBe(true);
    for (const r of ClaimReason.options) expect(Answers.shape.why.safeParse(r).success).toBe(true);
    for (const s of Setting.options) expect(Answers.shape.setting.safeParse(s).success).toBe(true);
    expect(Answers.shape.visitor.safeParse("tourist").success).toBe(false);
    expect(Answers.shape.scheme.safeParse("commercial").success).toBe(false);
  });

  it("the scenario takes every visitor kind and scheme of the terms", () => {
    const base = { insured: { region: "苏州", scheme: "employee" }, treatment: { region: "上海", setting: "inpatient", hospitalLevel: 3, date: "2026-03-01" }, visitor: "long_term", costs: { total: "1000" } };
    for (const v of Visitor.options) expect(Scenario.safeParse({ ...base, visitor: v }).success).toBe(true);
    for (const s of Scheme.options) expect(Scenario.safeParse({ ...base, insured: { region: "苏州", scheme: s } }).success).toBe(true);
    expect(Scenario.safeParse({ ...base, visitor: "tourist" }).success).toBe(false);
  });

  it("national categories are keyed by the terms' categories", () => {
    expect(NationalRules.shape.categories.element.shape.id.options).toEqual(Category.options);
  });

  it("long-term categories settle as long_term, temporary ones as themselves (policy-facts §1.3)", () => {
    expect(visitorOf("retiree_relocated")).toBe("long_term");
    expect(visitorOf("long_term_resident")).toBe("long_term");
    expect(visitorOf("stationed_worker")).toBe("long_term");
    expect(visitorOf("referral")).toBe("referral");
    expect(visitorOf("emergency")).toBe("emergency");
    expect(visitorOf("temporary_other")).toBe("temporary_other");
    expect(termOf("stationed_worker")).toBe("long");
    expect(termOf("emergency")).toBe("temporary");
  });

  it("jurisdiction: one 统筹区, one province, or two (a municipality's districts are one 统筹区)", () => {
    expect(jurisdictionBetween("320500", "320500")).toBe("same_pool");
    expect(jurisdictionBetween("310000", "310115")).toBe("same_pool");
    expect(jurisdictionBetween("320500", "320100")).toBe("intra_province");
    expect(jurisdictionBetween("320500", "310000")).toBe("cross_province");
  });

  it("no other file of the policy, flow or conversation layers keeps its own copy of a list", () => {
    const lists = [/"long_term",\s*"referral"/, /"inpatient",\s*"outpatient"/, /"employee",\s*"resident"/, /"same_pool",\s*"intra_province"/, /"retiree_relocated",\s*"long_term_resident"/, /"unregistered",\s*"not_networked"/];
    const copies: string[] = [];
    for (const dir of ["src/policy", "src/conversation", "flows"]) {
      for (const f of readdirSync(join(root, dir), { recursive: true, encoding: "utf8" })) {
        if (!f.endsWith(".ts") || f === "terms.ts") continue;
        const text = readFileSync(join(root, dir, f), "utf8");
        for (const re of lists) if (re.test(text)) copies.push(`${dir}/${f}: ${re.source}`);
      }
    }
    expect(copies).toEqual([]);
  });
});
