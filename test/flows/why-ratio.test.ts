/**
 * "为什么是70%": the chat answers with the rule that gave the ratio of the person's estimate,
 * its source, date and grade, read from the evaluator's explanation; with no estimate yet, the
 * published 2017 example (70%) and why it is no ratio of today's rules.
 */
import { describe, expect, it } from "vitest";
import { sideTopic } from "../../src/language/topics.ts";
import { evaluate } from "../../src/conversation/policy-book.ts";
import { chat, NOW, textOf } from "./chat.ts";

const ESTIMATE = "我在石家庄交的职工医保，在职，在北京三级医院住院花了2万";

describe("the language layer hears the question", () => {
  it.each(["为什么是70%", "为啥只报70%", "怎么才百分之七十", "凭什么只给七成", "这个比例是怎么来的", "报销比例为什么这么低", "82%是怎么算的", "为什么是这个比例", "为啥按这个报销比例"])("%s", (text) => {
    expect(sideTopic(text)).toBe("why_ratio");
  });
  it.each(["报销比例是多少", "我花了70万", "异地报销比例会降吗", "按哪里的报销比例"])("not: %s", (text) => {
    expect(sideTopic(text)).not.toBe("why_ratio");
  });
});

describe("after an estimate", () => {
  it("names the rate, the rule, the source with its date and grade — the evaluator's own step", () => {
    const replies = chat([ESTIMATE, "为什么是82%"]);
    const answer = replies.at(-1)![0]!.text;
    // The same case through the evaluator: 石家庄 职工 三级 is 82% (M2, 2024-08-13), 京津冀 settles as at home.
    const r = evaluate({
      insured: { region: "石家庄", scheme: "employee", status: "working" },
      treatment: { region: "北京", setting: "inpatient", hospitalLevel: 3, date: "2025-08-01" },
      // The kind the chat assumes when none is said; 京津冀 keeps the ratio for it, and the rule says so.
      visitor: "temporary_other",
      costs: { total: "20000" },
    });
    expect(r.ok).toBe(true);
    const step = r.ok ? r.estimate.steps.find((s) => s.rates) : undefined;
    expect(step?.rates?.[0]?.applied).toBe("82");
    expect(answer).toContain("统筹基金按 82% 支付");
    expect(answer).toContain(step!.rule);
    expect(answer).toContain(`《${step!.source.title}》，2024年8月13日发布，可信度中`);
  });

  it("a visitor's cut is named with its own source", () => {
    const replies = chat(["我在苏州交的职工医保，在上海三甲医院住院花了3万，没备案", "为什么是72%"]);
    const answer = textOf(replies.at(-1)!);
    expect(answer).toMatch(/按正常比例的 0\.8 倍/);
    expect(answer).toContain("可信度低");
  });
});

describe("with no estimate yet", () => {
  it("the 2017 example: 25000 → 17500 is 70%, and why that is no ratio of today's rules", () => {
    const answer = textOf(chat(["为什么是70%"]).at(-1)!);
    expect(answer).toContain("25000");
    expect(answer).toContain("17500");
    expect(answer).toContain("基金占 70%");
    expect(answer).toContain("不是某条规定的报销比例");
    expect(answer).toContain("没有写医院级别");
    expect(NOW.getUTCFullYear() - 2017).toBeGreaterThan(2);
    expect(answer).toContain("多年前的示意");
  });
});
