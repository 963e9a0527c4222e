/**
 * 成都's own note (M8): outside 西南片区, "异地普通门诊、门诊统筹、'两病'…门诊特殊疾病就医及药店购药无需
 * 办理异地就医备案手续" — only 住院 needs a registration. The data says so once
 * (`noRegistration` in policies/regions/510100-chengdu.yaml), and both the side answer (要备案吗)
 * and the estimate read it (QA3 A9): no "要先办异地就医备案" for an outpatient visit, and an
 * estimate instead of "没法估算".
 */
import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/conversation/policy-book.ts";
import { directSettlement, getPolicyBook } from "../../src/policy/index.ts";
import { chat, estimateOf, textOf } from "./chat.ts";

const book = getPolicyBook();
const DATE = "2025-08-01";

describe("the data: 成都 普通门诊 needs no registration anywhere", () => {
  it("outpatient in 北京: no registration, settles directly, with 成都's source", () => {
    const d = directSettlement(book, { insured: "510100", treatment: "110000", setting: "outpatient", date: DATE });
    expect(d).toMatchObject({ mustRegister: false, possible: true, reason: "no_registration" });
    expect(d.source?.title).toContain("成都");
  });

  it("inpatient in 北京 still needs one; a place without the rule too", () => {
    expect(directSettlement(book, { insured: "510100", treatment: "110000", setting: "inpatient", date: DATE }).mustRegister).toBe(true);
    expect(directSettlement(book, { insured: "320500", treatment: "110000", setting: "outpatient", date: DATE }).mustRegister).toBe(true);
  });

  it("the estimate of an unregistered outpatient visit is the other-temporary one, settled directly", () => {
    const scenario = (visitor: "unregistered" | "temporary_other") => ({
      insured: { region: "成都", scheme: "employee" as const, status: "working" as const },
      treatment: { region: "北京", setting: "outpatient" as const, hospitalLevel: 3 as const, date: DATE },
      visitor,
      costs: { total: "2000", classB: "0" },
    });
    const unregistered = evaluate(scenario("unregistered"));
    const temporary = evaluate(scenario("temporary_other"));
    if (!unregistered.ok || !temporary.ok) throw new Error(JSON.stringify([unregistered, temporary]));
    expect(unregistered.estimate.fundPays).toBe(temporary.estimate.fundPays);
    expect(unregistered.estimate.directSettlement).toMatchObject({ possible: true, kind: "no_registration" });
    // No "未备案…先全额垫付" warning: not registering is what the place asks here.
    expect(unregistered.estimate.warnings.join()).not.toContain("全额垫付");
  });
});

describe("the chat", () => {
  it("成都职工 在北京看普通门诊 要备案吗 → 不用备案, 住院 does", () => {
    const t = textOf(chat(["成都职工 在北京看普通门诊 要备案吗"])[0]!);
    expect(t).toContain("不用备案");
    expect(t).not.toContain("要先办异地就医备案");
    expect(t).toMatch(/来源：[^）]*成都/u);
  });

  it("成都职工 在北京看普通门诊 花了2000 没备案 能报多少 → an estimate, not 没法估算", () => {
    const replies = chat(["成都职工 在北京看普通门诊 花了2000 没备案 能报多少"])[0]!;
    const t = estimateOf(replies);
    expect(t).toMatch(/医保基金支付：\d+/u);
    expect(textOf(replies)).not.toContain("没法估算");
    expect(textOf(replies)).not.toContain("出院");
  });
});

/** 沈阳 (SY-QE): "临时外出人员在异地住院就医时，无需办理备案，免申即享" — the same rule for 住院 (QA4 Q6). */
describe("沈阳 住院 needs no registration for temporary visitors", () => {
  it("the data and the estimate", () => {
    const d = directSettlement(book, { insured: "210100", treatment: "460000", setting: "inpatient", date: DATE });
    expect(d).toMatchObject({ mustRegister: false, possible: true, reason: "no_registration" });
    const r = evaluate({
      insured: { region: "沈阳", scheme: "employee", status: "retired" },
      treatment: { region: "海南", setting: "inpatient", hospitalLevel: 3, date: DATE },
      visitor: "unregistered",
      costs: { total: "30000", classB: "0" },
    });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.estimate.directSettlement).toMatchObject({ possible: true, kind: "no_registration" });
  });

  it("老人医保在沈阳 退休职工 在海南过冬 住院了 没备案 要备案吗 → 不用备案, never 要先全额垫付", () => {
    const t = textOf(chat(["医保在沈阳 退休职工 在海南住院了 要备案吗"])[0]!);
    expect(t).toContain("不用备案");
    expect(t).not.toContain("要先全额垫付");
    expect(t).not.toContain("住院才要先备案");
    const how = textOf(chat(["老人医保在沈阳 退休职工 在海南过冬 住院了 没备案 要怎么弄"])[0]!);
    expect(how).toContain("不用备案");
    expect(how).not.toContain("要先全额垫付");
  });
});
