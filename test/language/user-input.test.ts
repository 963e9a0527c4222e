/** Answers people typed while testing the chat that the parser read wrongly. */
import { describe, expect, it } from "vitest";
import { parse } from "../../src/language/index.ts";

describe("amount answers", () => {
  it.each(["一半", "一半吧", "大概一半"])("%s is not 1 元", (text) => {
    expect(parse(text, { expecting: "amount" }).slots.amount).toBeUndefined();
  });
  it("a half after a real figure is still not a figure of its own, and plain amounts still read", () => {
    expect(parse("3万", { expecting: "amount" }).slots.amount).toBe("30000");
    expect(parse("一万", { expecting: "amount" }).slots.amount).toBe("10000");
  });
});

describe("side topics inside an intent", () => {
  it.each([
    ["备案后能回老家看病吗", "two_way"],
    ["备案了还能在老家看病报销吗", "two_way"],
    ["办理了异地安置 回原籍看病还能报吗", "two_way"],
    ["双向享受待遇是什么意思", "two_way"],
    ["承诺书是什么 备案要签吗", "commitment"],
    ["承诺制", "commitment"],
    ["异地就医用的是哪里的药品目录", "principle"],
    ["报销比例按参保地还是就医地", "principle"],
    ["就医地目录参保地政策是啥意思", "principle"],
  ])("%s → %s", (text, topic) => {
    expect(parse(text).topic).toBe(topic);
  });
  it.each(["备案能撤销吗 我要回老家了", "回老家过年 需要备案吗", "比例会降低吗", "公积金承诺", "备案怎么办"])("%s has no side topic", (text) => {
    expect(parse(text).topic).toBeUndefined();
  });
  it("the topic does not change the intent", () => {
    expect(parse("备案以后回参保地看病还能报吗").intent).toBe("eligibility");
  });
});

describe("places on a trip", () => {
  it("出差在成都 is where the person is treated, even while the insured place is asked", () => {
    const p = parse("出差在成都急诊住院了没备案怎么办", { expecting: "insuredRegion" });
    expect(p.slots.treatmentRegion?.code).toBe("510100");
    expect(p.slots.insuredRegion).toBeUndefined();
  });
});

describe("a zero amount", () => {
  it("is rejected as zero, not as unreadable", () => {
    expect(parse("0", { expecting: "amount" }).rejectedAmount?.reason).toBe("zero");
  });
});
