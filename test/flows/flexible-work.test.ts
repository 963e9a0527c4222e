/** 灵活就业: most flexible workers join 职工医保; assumed, said, and open to change. */
import { describe, expect, it } from "vitest";
import { chat, estimateOf, textOf } from "./chat.ts";

const fundOf = (text: string | undefined) => /医保基金支付：([\d.]+) 元/u.exec(text ?? "")?.[1];

describe("灵活就业", () => {
  it("is estimated as 职工医保, said as an assumption with how to change it", () => {
    const text = estimateOf(chat(["我是灵活就业的 苏州参保 在上海住院花了3万"])[0]!);
    expect(text).toMatch(/^按：苏州职工医保/u);
    expect(text).toMatch(/（[^）]*职工医保[^）]*是我假设的）/u);
    expect(text).toContain("灵活就业");
    expect(text).toContain("换成居民医保");
    const employee = estimateOf(chat(["苏州职工医保 在职 在上海住院花了3万"])[0]!);
    expect(fundOf(text)).toBe(fundOf(employee));
  });

  it("a scheme said with it stands", () => {
    const text = estimateOf(chat(["灵活就业 交的居民医保 苏州参保 在上海住院花了3万"])[0]!);
    expect(text).toMatch(/^按：苏州居民医保/u);
  });

  it("换成居民医保 after it recomputes as 居民医保", () => {
    const all = chat(["我是灵活就业的 苏州参保 在上海住院花了3万", "换成居民医保"]);
    expect(estimateOf(all.at(-1)!)).toMatch(/^按：苏州居民医保/u);
  });

  it("asked step by step, the scheme is not asked but assumed and said", () => {
    const all = chat(["我是灵活就业的 苏州医保 想算算能报多少", "上海", "住院", "三级", "临时外出", "在职", "3万", "不知道", "不知道"]);
    expect(all.map(textOf).join("\n")).not.toContain("职工医保还是居民医保");
    expect(estimateOf(all.at(-1)!)).toContain("灵活就业");
  });
});
