/**
 * A place name typed while the insured place is unknown is that place, whatever question is
 * pending (QA3 B1): the claim flow asks why and the setting before the insured place, yet its
 * first answer says "告诉我您在哪里参保"; a side answer at the menu says the same. "北京" then is
 * the answer the bot asked for, never 没看懂.
 */
import { describe, expect, it } from "vitest";
import { chat, textOf } from "./chat.ts";

const last = (inputs: string[]) => textOf(chat(inputs).at(-1)!);

describe("a place typed while 参保地 is unknown", () => {
  it.each([
    [["手工报销要啥材料", "北京"], "北京"],
    [["4", "上海"], "上海"],
    [["4", "没有备案", "北京"], "北京"],
    [["4", "2", "武汉"], "武汉"],
    [["4", "4", "广州"], "广州"],
  ])("%j → 参保地 %s, the pending question asked again", (inputs, place) => {
    const t = last(inputs);
    expect(t).not.toContain("没看懂");
    expect(t).toContain(`参保地${place}`);
  });

  it("the claim then goes on without asking the place again", () => {
    const t = last(["4", "上海", "1", "住院"]);
    expect(t).not.toContain("您在哪里参保");
    expect(t).toContain("上海参保");
  });

  it.each([
    [["手机上能办不", "北京"], "北京"],
    [["我在外地旅游 急诊了 备案怎么办", "杭州"], "杭州"],
  ])("at the menu after a side answer: %j → 参保地 %s", (inputs, place) => {
    const t = last(inputs);
    expect(t).not.toContain("没看懂");
    expect(t).toContain(place);
    expect(t).not.toMatch(/您在哪里参保/u);
  });

  it("医院在广州 typed at the 参保地 question is where the care is, not the 参保地 (QA4 Q66)", () => {
    const t = last(["4", "1", "1", "医院在广州"]);
    expect(t).not.toContain("广州参保");
    expect(t).toContain("您在哪里参保");
  });

  it("a place typed once 参保地 is known is still where the care is", () => {
    const t = last(["4", "上海", "1", "北京"]);
    expect(t).not.toContain("参保地北京");
  });
});
