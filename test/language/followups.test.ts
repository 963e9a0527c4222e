/** Issue 10's follow-up gaps, as the parser reads them (the chat's side: test/flows/followups.test.ts). */
import { describe, expect, it } from "vitest";
import { parse } from "../../src/language/index.ts";

describe("in hospital without a registration", () => {
  it.each(["没备案 在广州住院了", "没备案在广州住院", "没有备案 人在广州住院", "还没备案 在广州住了院", "在广州住着院呢 还没备案"])("%s → making it up while in hospital", (text) => {
    const p = parse(text);
    expect(p.intent).toBe("makeup_registration");
    expect(p.topic).toBe("makeup_in_hospital");
    expect(p.slots.visitorType).toBe("unregistered");
  });

  it.each([
    ["没备案 在广州住院花了3万 医保是清远的", "estimate"],
    ["没备案的话 去北京住院能报多少", "estimate"],
    ["急诊住院了没备案", "emergency"],
  ])("%s → %s, not the in-hospital answer", (text, intent) => {
    const p = parse(text);
    expect(p.intent).toBe(intent);
    expect(p.topic).not.toBe("makeup_in_hospital");
  });

  it("already discharged is the after-discharge rule", () => {
    expect(parse("没备案 在广州住院 出院半个月了").topic).toBe("makeup_after_discharge");
  });
});

describe("a city typed wrong as the answer to the place question", () => {
  it.each([
    ["深川", "insuredRegion", ["440300"]],
    ["深川市", "treatmentRegion", ["440300"]],
    ["在深川", "insuredRegion", ["440300"]],
    ["延州", "insuredRegion", ["222400", "610600"]],
  ] as const)("%s (%s) → offered, never filled", (text, expecting, codes) => {
    const p = parse(text, { expecting });
    expect(p.slots[expecting]).toBeUndefined();
    const amb = p.ambiguities?.find((a) => a.slot === expecting);
    expect(amb?.typo).toBe(true);
    expect((amb?.candidates as { code: string }[]).map((c) => c.code).sort()).toEqual([...codes].sort());
  });

  it.each(["职工", "不知道", "不对", "住院", "老家", "好的", "取消"])("%s is no city typed wrong", (text) => {
    expect(parse(text, { expecting: "insuredRegion" }).ambiguities?.some((a) => a.typo) ?? false).toBe(false);
  });

  it.each([["苏洲", "320500"], ["杭洲", "330100"]])("%s sounds like one city and keeps a character as typed: taken", (text, code) => {
    expect(parse(text, { expecting: "insuredRegion" }).slots.insuredRegion?.code).toBe(code);
  });
});
