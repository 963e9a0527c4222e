/**
 * 海南 is one 统筹区 (policies/regions/460000-hainan.yaml): whichever Hainan name the person
 * types as the insured place — 海南, 海口, 三亚, 儋州 — the estimate uses the same sourced
 * figures, never the typical template (QA3 A15); and care in another Hainan city is care
 * inside the insured 统筹区, not 省内异地 (QA3 A3).
 */
import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/conversation/policy-book.ts";
import { jurisdictionBetween } from "../../src/policy/terms.ts";
import { chat, estimateOf } from "./chat.ts";
import { workedScenario } from "../policies/worked-case.ts";

const fundOf = (text: string | undefined) => text?.match(/医保基金支付：([\d.]+) 元/u)?.[1];

describe("海南 pools at province level", () => {
  it.each(["海南", "海口", "三亚", "儋州"])("%s职工 去广州住院 花了2万 → 海南's own figures", (place) => {
    const t = estimateOf(chat([`${place}职工 去广州住院 花了2万`])[0]!);
    expect(t).not.toContain("典型估算");
    expect(t).not.toContain("典型模板");
    // 起付800 (M15, 在职), 三级 85% − 20 points (national ceiling, no Hainan cut found): 19200 × 65% = 12480.
    expect(t).toContain("起付线：800 元");
    expect(fundOf(t)).toBe("12480");
  });

  it.each(["海南", "三亚"])("the evaluator: %s as insured is 460000's file", (place) => {
    const r = evaluate(workedScenario({ insured: place, treatment: "广州", level: 2, total: "20000" }, "2025-08-01"));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    // 起付800, 88%: 19200 × 88% = 16896.
    expect(r.estimate.fundPays).toBe("16896.00");
    expect(r.estimate.policy).toMatchObject({ region: "460000", typical: false });
  });

  it("海口 → 三亚 is inside one 统筹区", () => {
    expect(jurisdictionBetween("460100", "460200")).toBe("same_pool");
    expect(jurisdictionBetween("460000", "460200")).toBe("same_pool");
    // Any other province's cities stay 统筹区 of their own.
    expect(jurisdictionBetween("210100", "210200")).toBe("intra_province");
  });
});

/**
 * 石家庄→北京 is in a zone that settles every visitor as at home (京津冀 免备案, rule same): how
 * or whether the person registered changes nothing, so it is not asked (QA3 B20); a zone that
 * cuts the unregistered (苏州→上海 ×0.8) still asks, as a long-term registrant is paid more.
 */
describe("free zones that settle everyone as at home skip the registration question", () => {
  it("我爸脑梗 在北京天坛住院 医保是石家庄的居民 要准备多少钱 → not 您为什么在就医地看病", () => {
    const replies = chat(["我爸脑梗 在北京天坛住院 医保是石家庄的居民 要准备多少钱"]);
    const t = replies.flat().map((r) => r.text).join("\n");
    expect(t).not.toContain("您为什么在就医地看病");
    expect(t).toContain("免备案");
  });

  it("石家庄居民 在北京住院 花了3万 能报多少 → the estimate, 免备案, no registration question", () => {
    const replies = chat(["石家庄居民医保 在北京住院 三甲 能报多少", "3万", "1", "1"]);
    expect(replies.flat().map((r) => r.text).join("\n")).not.toContain("您为什么在就医地看病");
    const est = estimateOf(replies.at(-1)!);
    expect(est).toContain("免备案");
  });

  it("苏州→上海 (×0.8 for the unregistered) still asks", () => {
    const t = chat(["苏州居民医保 在上海住院 要准备多少钱"]).flat().map((r) => r.text).join("\n");
    expect(t).toContain("您为什么在就医地看病");
  });
});
