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
