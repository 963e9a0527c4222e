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

describe("what the fund reimbursed, as the person was told", () => {
  it("总共 names the bill; the fund's part is compared with the estimate, never taken for the bill", () => {
    const text = estimateOf(chat(["南昌职工 去广州住院 总共花了12万 医保报了8万 自己出了4万 对吗"])[0]!);
    expect(text).toContain("总费用 120000 元");
    expect(text).toMatch(/您说医保报了 80000 元，(和估算的 [\d.]+ 元接近|估算是 [\d.]+ 元，相差 [\d.]+ 元)/u);
    expect(text).not.toMatch(/错/u);
  });

  it("with no total said, the two parts added up are the bill, said as an assumption", () => {
    const text = estimateOf(chat(["南昌职工 去广州住院 医保报了2万 自己出了1万 对吗"])[0]!);
    expect(text).toContain("总费用 30000 元");
    expect(text).toContain("总费用按医保报的 20000 元 加自己出的 10000 元 算（您没说总共多少）");
    expect(text).toContain("您说医保报了 20000 元");
  });

  it("a figure far from the estimate gets the difference and the usual reasons", () => {
    const text = estimateOf(chat(["南昌职工 去广州三级医院住院 总共花了5万 医保报了1万 对吗"])[0]!);
    const fund = Number(fundOf(text));
    expect(text).toContain(`您说医保报了 10000 元，估算是 ${fundOf(text)} 元，相差 ${Math.abs(fund - 10000)} 元`);
    expect(text).toContain("目录外");
    expect(text).toContain("以结算单为准");
  });

  it("said alone (医保报了2万 对不对), the figure waits for the bill and comes back with the estimate", () => {
    const all = chat(["南昌职工 去广州住院 医保报了2万 对不对", "三级", "临时外出", "在职", "3万", "不知道", "不知道"]);
    const text = estimateOf(all.at(-1)!);
    expect(text).toContain("总费用 30000 元");
    expect(text).toContain("您说医保报了 20000 元");
  });
});
