/**
 * Figures the person quotes from elsewhere (a 起付线, what the fund paid): said back with the
 * estimate and compared with it, never computed on and never dropped.
 */
import { describe, expect, it } from "vitest";
import { chat, estimateOf, textOf } from "./chat.ts";

const fundOf = (text: string | undefined) => /医保基金支付：([\d.]+) 元/u.exec(text ?? "")?.[1];

describe("a quoted 起付线", () => {
  const plain = estimateOf(chat(["苏州职工 在上海三级医院住院 花了5万"])[0]!);
  const sourced = /起付线：(\d+) 元/u.exec(plain ?? "")?.[1];

  it("is said back, and a different one is set against the source's figure and date; the estimate keeps the source's", () => {
    const text = estimateOf(chat(["苏州职工 在上海三级医院住院 花了5万 起付线好像1200"])[0]!);
    expect(sourced).not.toBe("1200");
    expect(text).toContain("您说起付线 1200 元");
    expect(text).toContain(`您说的起付线 1200 元，我们的资料（`);
    expect(text).toContain(`是 ${sourced} 元，按资料算；如果您的单据不同，以单据为准`);
    expect(fundOf(text)).toBe(fundOf(plain));
  });

  it("the same figure as the source is said to agree, with no second line", () => {
    const text = estimateOf(chat([`苏州职工 在上海三级医院住院 花了5万 我们那起付线是${sourced}`])[0]!);
    expect(text).toContain(`您说起付线 ${sourced} 元（与资料一致）`);
    expect(text).not.toContain("以单据为准");
  });

  it("said while a question is pending, it comes back with the estimate", () => {
    const all = chat(["我们那起付线是1000", "苏州职工 在上海三级医院住院 花了5万", "临时外出", "在职", "不知道", "不知道"]);
    const text = estimateOf(all.at(-1)!);
    expect(text).toContain("您说的起付线 1000 元");
  });

  it("said alone after an estimate, the estimate is shown again with it", () => {
    const all = chat(["苏州职工 在上海三级医院住院 花了5万", "起付线是1000"]);
    const text = estimateOf(all.at(-1)!);
    expect(text).toContain("您说的起付线 1000 元");
    expect(fundOf(text)).toBe(fundOf(plain));
  });

  it("is not carried into another person's question", () => {
    const all = chat(["苏州职工 在上海三级医院住院 花了5万 起付线好像1200", "那我妈是南昌职工 在广州住院 花了3万"]);
    expect(textOf(all.at(-1)!)).not.toContain("1200");
  });
});
