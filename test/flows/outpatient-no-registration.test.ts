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
