/**
 * Two rules of the insured place that change what the answer may promise:
 * - 杭州's 长住外地备案 is not for 少年儿童 (policy-facts §2.11 [B-]): a child is never told to file a long-term category (QA4 Q41).
 * - 苏州→上海 免备案 pays 80% of the normal ratio (S4); a long-term resident's registration pays the local
 *   standard (national principle, M11): both are said, never "免备案即可" alone (QA4 Q7).
 */
import { describe, expect, it } from "vitest";
import { getPolicyBook } from "../../src/policy/book.ts";
import { directSettlement } from "../../src/policy/direct.ts";
import { eligibility } from "../../src/policy/eligibility.ts";
import { registrationGuide } from "../../src/policy/registration.ts";
import { chat, textOf } from "../flows/chat.ts";

const book = getPolicyBook();
const DATE = "2026-03-01";
const HANGZHOU = "330100";
const SUZHOU = "320500";
const SHANGHAI = "310000";

describe("杭州: 少年儿童 may not file a long-term category", () => {
  it("a 10-year-old is excluded, with the source and the age reading", () => {
    const e = eligibility(book, { insured: HANGZHOU, treatment: SHANGHAI, category: "long_term_resident", scheme: "resident", age: 10, date: DATE });
    expect(e.excluded?.who).toBe("少年儿童");
    expect(e.excluded?.source.quote).toContain("少年儿童");
    expect(e.facts.map((f) => f.key)).not.toContain("two_way_benefits");
    expect(registrationGuide(book, { insured: HANGZHOU, treatment: SHANGHAI, category: "long_term_resident", scheme: "employee", age: 10, date: DATE }).excluded).toBeTruthy();
  });
  it("an adult, a temporary category or an age not said decides nothing", () => {
    expect(eligibility(book, { insured: HANGZHOU, treatment: SHANGHAI, category: "long_term_resident", age: 40, date: DATE }).excluded).toBeUndefined();
    expect(eligibility(book, { insured: HANGZHOU, treatment: SHANGHAI, category: "temporary_other", age: 10, date: DATE }).excluded).toBeUndefined();
    expect(eligibility(book, { insured: HANGZHOU, treatment: SHANGHAI, category: "long_term_resident", date: DATE }).excluded).toBeUndefined();
  });
  it("the chat does not tell a 10-year-old in 杭州 to file 长期备案 (c240)", () => {
    const t = textOf(chat(["杭州 孩子10岁 少儿医保 长期在上海住 能办长期备案吗"]).at(-1)!);
    expect(t).toContain("少年儿童不能办");
    expect(t).not.toContain("办的是长期备案");
  });
});

describe("苏州→上海: 免备案 at ×0.8, or a long-term registration at the normal ratio", () => {
  it("a long-term resident: the zone does not decide, and both rules come with their sources", () => {
    const d = directSettlement(book, { insured: SUZHOU, treatment: SHANGHAI, visitor: "long_term", scheme: "employee", date: DATE });
    expect(d.reason).toBe("registered");
    expect(d.zoneAside?.zone.rule).toEqual({ kind: "multiplier", factor: 0.8 });
    expect(d.zoneAside?.registered?.rule).toEqual({ kind: "same" });
  });
  it("another temporary visitor: the zone decides as before", () => {
    expect(directSettlement(book, { insured: SUZHOU, treatment: SHANGHAI, visitor: "temporary_other", date: DATE }).reason).toBe("free_zone");
  });
  it("the registration answer for a long-term resident says both (c178), not 免备案 alone", () => {
    const replies = chat(["1", "苏州", "上海", "2", "1"]);
    const t = textOf(replies.at(-1)!);
    expect(t).toContain("80%");
    expect(t).toContain("办了这类备案");
    expect(t).not.toContain("就医免备案，在联网定点医院可以直接结算。下面是到其他地方");
  });
});

describe("沈阳 免申即享: temporary visitors' 住院 needs no registration, on every path (QA4 Q6)", () => {
  it("an estimate for a 沈阳 temporary visitor says no registration is needed, not 备案后", async () => {
    const { evaluate } = await import("../../src/policy/index.ts");
    const r = evaluate({ insured: { region: "沈阳", scheme: "resident" }, treatment: { region: "北京", setting: "inpatient", hospitalLevel: 3, date: DATE }, visitor: "temporary_other", costs: { total: "10000" } } as never, book);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.estimate.directSettlement.kind).toBe("no_registration");
  });
  it("the eligibility answer for 其他临时外出 and for 转诊 says the same; a long-term resident still registers", () => {
    for (const category of ["temporary_other", "referral"] as const) {
      expect(eligibility(book, { insured: "210100", treatment: "460000", category, date: DATE }).direct.reason).toBe("no_registration");
    }
    expect(eligibility(book, { insured: "210100", treatment: "460000", category: "long_term_resident", date: DATE }).direct.reason).toBe("registered");
  });
});

describe("成都 普通门诊 needs no registration (M8): the national −20 ceiling is no figure for it (QA4 M8)", () => {
  it("the estimate uses 成都's own ratio and says the cut is unknown, never 按国家上限降 20 个百分点", async () => {
    const { evaluate } = await import("../../src/policy/index.ts");
    for (const visitor of ["temporary_other", "unregistered"] as const) {
      const r = evaluate({ insured: { region: "成都", scheme: "employee", status: "working" }, treatment: { region: "北京", setting: "outpatient", hospitalLevel: 3, date: DATE }, visitor, costs: { total: "800" } } as never, book);
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      expect(r.estimate.assumptions.map((a) => a.kind)).toContain("no_registration_unknown_cut");
      expect(r.estimate.assumptions.map((a) => a.kind)).not.toContain("visitor_unknown_rule");
    }
  });
  it("the eligibility answer for outpatient care gives no national ceiling line; inpatient care keeps it", () => {
    expect(eligibility(book, { insured: "510100", treatment: "110000", category: "temporary_other", setting: "outpatient", date: DATE }).cutCeiling).toBeUndefined();
    expect(eligibility(book, { insured: "510100", treatment: "110000", category: "temporary_other", setting: "inpatient", date: DATE }).cutCeiling?.points).toBe(20);
  });
});
