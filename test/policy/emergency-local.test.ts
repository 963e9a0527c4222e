/**
 * An insured place's own emergency rule beats the national 视同已备案 (QA4 Q80): 东莞 "急诊人员先就诊的，
 * 需在入院10日内且出院之前补办备案" (policy-facts §1.5, 东莞本地宝 [B]); 重庆 "市外突发疾病临时住院…最迟应在
 * 出院前完成备案手续" (policy-facts §6 重庆 [B-]). Every path — the direct-settlement decision, the
 * eligibility answer, the estimate's warning, the side answer — reads the same data.
 */
import { describe, expect, it } from "vitest";
import { getPolicyBook } from "../../src/policy/book.ts";
import { directSettlement } from "../../src/policy/direct.ts";
import { eligibility } from "../../src/policy/eligibility.ts";
import { emergencyRegistrationFor } from "../../src/policy/emergency.ts";
import { evaluate } from "../../src/policy/index.ts";
import { lastText } from "../flows/chat.ts";

const book = getPolicyBook();
const DATE = "2026-03-01";
const DONGGUAN = "441900";
const CHONGQING = "500000";
const GUANGZHOU = "440100";
const BEIJING = "110000";
const SUZHOU = "320500";

describe("the insured place's emergency rule (data)", () => {
  it("东莞: register within 10 days of admission and before discharge, with its source", () => {
    const r = emergencyRegistrationFor(book, DONGGUAN, "employee", DATE);
    expect(r?.withinDays).toBe(10);
    expect(r?.source.quote).toContain("入院10日内且出院之前补办备案");
  });
  it("重庆: before discharge, no day count (the source gives none)", () => {
    const r = emergencyRegistrationFor(book, CHONGQING, "resident", DATE);
    expect(r?.source.quote).toContain("最迟应在出院前完成备案手续");
    expect(r?.withinDays).toBeUndefined();
  });
  it("a place without such a rule has none (苏州: the national 视同已备案 holds)", () => {
    expect(emergencyRegistrationFor(book, SUZHOU, undefined, DATE)).toBeUndefined();
  });
});

describe("every path reads it", () => {
  it("direct settlement: the emergency must still register (not 视同已备案)", () => {
    const d = directSettlement(book, { insured: DONGGUAN, treatment: GUANGZHOU, visitor: "emergency", date: DATE });
    expect(d).toMatchObject({ possible: true, mustRegister: true, reason: "emergency_register" });
    expect(d.source?.quote).toContain("10日");
    expect(directSettlement(book, { insured: SUZHOU, treatment: BEIJING, visitor: "emergency", date: DATE }).reason).toBe("emergency");
  });
  it("eligibility: the local rule instead of the national 视同已备案 fact", () => {
    const e = eligibility(book, { insured: CHONGQING, treatment: BEIJING, category: "emergency", date: DATE });
    expect(e.emergencyRegistration?.source.quote).toContain("出院前");
    expect(e.facts.map((f) => f.key)).not.toContain("emergency_as_registered");
  });
  it("the estimate's warning names the insured place's rule", () => {
    const r = evaluate({ insured: { region: "东莞", scheme: "employee", status: "working" }, treatment: { region: "北京", setting: "inpatient", hospitalLevel: 3, date: DATE }, visitor: "emergency", costs: { total: "30000" } } as never, book);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.estimate.warnings).toContainEqual({ kind: "emergency", insuredRule: { name: "东莞", withinDays: 10 } });
    expect(r.estimate.directSettlement.kind).toBe("emergency_register");
  });
});

describe("the chat says it (QA4 Q80 c412, c631)", () => {
  it("东莞 急诊 多久内要补 → the 10-day rule, never 不用另交材料", () => {
    const t = lastText(["东莞职工 在广州急诊住院了 没备案 多久内要补"]);
    expect(t).toContain("入院10日内");
    expect(t).not.toContain("不用另交材料");
  });
  it("重庆 急诊 要备案吗 → before discharge, never 不用另交材料", () => {
    const t = lastText(["重庆职工 在北京急诊住院了 要备案吗"]);
    expect(t).toContain("出院之前补办备案");
    expect(t).not.toContain("不用另交材料");
  });
});

describe("a city's own rule in a two-question answer (QA4 Q69 c345)", () => {
  it("广州 在职 长期 要备案吗 有效期多久 → 广州's ≤5年, as when asked alone", () => {
    const t = lastText(["广州职工 在职 长期在北京工作 公司派的 要备案吗 有效期多久"]);
    expect(t).toContain("不超过5年");
  });
});
