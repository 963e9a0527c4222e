/**
 * 没备案 and 备案了 in one message with nothing to say which came later (issue 10, bad input: a
 * negated and an affirmed cue in one sentence): neither is taken, the person is asked — in either
 * order. Said as later (后来备案了, 昨天补办了, 已经备案了) the registration stands, as before.
 */
import { describe, expect, it } from "vitest";
import { parse } from "../../src/language/index.ts";

describe("没备案 then a bare 备案了", () => {
  it.each(["北京职工 在上海住院 没备案 备案了 3万", "没备案 备案了", "没有备案 备过案", "没备案，备案了 在上海住院"])("%s → asked, neither value taken", (text) => {
    const p = parse(text);
    expect(p.slots.visitorType).toBeUndefined();
    expect(p.ambiguities?.some((a) => a.slot === "visitorType")).toBe(true);
  });

  it("the other order is asked too (as before)", () => {
    expect(parse("备案了 没备案 3万").ambiguities?.some((a) => a.slot === "visitorType")).toBe(true);
  });

  it.each(["没备案 后来备案了", "之前没备案 昨天补办了", "没备案 现在已经备案了", "没备案 然后备案了"])("%s: registered later, no question", (text) => {
    const p = parse(text);
    expect(p.ambiguities?.some((a) => a.slot === "visitorType") ?? false).toBe(false);
    expect(p.slots.visitorType).not.toBe("unregistered");
  });
});
