/**
 * The 起付线 line of an estimate states the deductible of the policy, not the part of this bill that
 * fell under it (QA5 Q10: "北京职工 在职 门诊 花了800" was told "年度起付线：800 元" while 北京's is
 * 1800), and a fund line with no band in it is no broken bracket ("（；临时外出不降比例）").
 */
import { describe, expect, it } from "vitest";
import { chat, estimateOf } from "./chat.ts";

const estimate = (inputs: string[]) => estimateOf(chat(inputs).at(-1)!) ?? "";
const deductibleOf = (text: string) => /起付线：([\d.]+) 元/u.exec(text)?.[1];

describe("a bill below the deductible", () => {
  const big = estimate(["北京职工 在职 上海三级医院 没住院 只是看门诊 花了3000"]);
  const full = deductibleOf(big);

  it.each(["花了800", "花了500", "花了1200"])("%s: the line says the policy's deductible, and that the whole bill is under it", (spent) => {
    const text = estimate([`北京职工 在职 上海三级医院 没住院 只是看门诊 ${spent}`]);
    expect(full).toBeTruthy();
    expect(deductibleOf(text)).toBe(full);
    const amount = spent.replace("花了", "");
    expect(text).toMatch(new RegExp(`起付线：${full} 元（[^）]*这次 ${amount} 元都在起付线内`, "u"));
  });

  it("no line opens a bracket with a separator", () => {
    const text = estimate(["北京职工 在职 上海三级医院 没住院 只是看门诊 花了800"]);
    expect(text).not.toMatch(/（；/u);
    expect(text).not.toMatch(/（）/u);
  });

  it("a bill above it keeps the plain line", () => {
    expect(big).not.toContain("都在起付线内");
  });
});
