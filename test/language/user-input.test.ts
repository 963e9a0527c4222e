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
