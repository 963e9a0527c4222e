/**
 * The flows take the person's free words for their own questions: a choice named in words
 * (第三个), the kind of registration said in two words (临时的) or as a story (没转诊 就是自己去的),
 * "不知道" where the question names what to take when unsure (taken, and said as an assumption),
 * and no referral supposed after a referral's estimate. Nothing already said is asked again.
 */
import { describe, expect, it } from "vitest";
import { flowMessages as m } from "../../src/messages/flows.ts";
import { chat, estimateOf, textOf } from "./chat.ts";

const last = (inputs: string[]) => textOf(chat(inputs).at(-1)!);
const estimateAfter = (inputs: string[]) => estimateOf(chat(inputs).at(-1)!) ?? last(inputs);
const readBackOf = (text: string) => text.split("\n").find((l) => l.startsWith("按："))!;

const TO_LEVEL = ["/estimate", "成都", "职工医保", "北京", "住院"];
const TO_VISITOR = [...TO_LEVEL, "三级"];
const TO_CATEGORY = ["/eligibility", "大庆", "哈尔滨"];

describe("a choice named in words", () => {
  it.each([["第三个", "三级医院"], ["第二个", "二级医院"], ["选一", "一级医院"]])("%s picks that choice", (words, level) => {
    const t = estimateAfter([...TO_LEVEL, words, "转诊备案", "在职", "3万", "不知道", "不知道"]);
    expect(readBackOf(t)).toContain(`北京${level}`);
  });
});

describe("the kind of registration in free words", () => {
  it.each(["临时的", "就是临时的", "办的临时的吧"])("%s answers the estimate's question as 其他临时外出, not assumed", (words) => {
    const t = estimateAfter([...TO_VISITOR, words, "在职", "3万", "不知道", "不知道"]);
    expect(readBackOf(t)).toContain("其他临时外出备案");
    expect(readBackOf(t)).not.toContain("是我假设的");
  });
  it("长期的 answers the estimate's question as long-term", () => {
    const t = estimateAfter([...TO_VISITOR, "长期的", "在职", "3万", "不知道", "不知道"]);
    expect(readBackOf(t)).toContain("长期备案");
  });
  it.each(["没转诊 就是自己去的", "没有转诊，我自己过去的", "不是转诊 自己去看的"])("%s answers why the person is there: 其他临时外出", (words) => {
    const t = last([...TO_CATEGORY, words]);
    expect(t).toContain("其他临时外出就医");
    expect(t).not.toContain(m.problems.unclear);
  });
  it("临时的 at an estimate that assumed a short trip makes it the person's own answer", () => {
    const t = estimateAfter(["苏州职工在职 在上海三甲住院 花了3万", "临时的"]);
    expect(t).not.toContain(m.problems.unclear);
  });
});

describe("不知道 where the question says what to take when unsure", () => {
  it("the registration: 其他临时外出, said as an assumption, and the read-back says so", () => {
    const r = chat([...TO_VISITOR, "不知道"]).at(-1)!;
    expect(r[0]!.text).toBe(m.assumedAnswer(m.estimate.assumed.visitor!));
    const t = estimateAfter([...TO_VISITOR, "不清楚", "在职", "3万", "不知道", "不知道"]);
    expect(readBackOf(t)).toContain("其他临时外出备案是我假设的");
  });
  it("the hospital level: the default level, said as an assumption", () => {
    const r = chat([...TO_LEVEL, "不知道"]).at(-1)!;
    expect(r[0]!.text).toBe(m.assumedAnswer(m.estimate.assumed.level!));
    const t = estimateAfter([...TO_LEVEL, "不记得了", "转诊备案", "在职", "3万", "不知道", "不知道"]);
    expect(readBackOf(t)).toMatch(/三级医院.*是我假设的/u);
  });
  it("a place has no default: 不知道 is asked again, never guessed", () => {
    const t = last(["/estimate", "不知道"]);
    expect(t).toContain(m.ask.insured);
  });
});

describe("no referral supposed after a referral's estimate", () => {
  it.each(["要是不转诊直接去呢", "要是没转诊呢", "如果没走转诊 自己去的呢"])("%s recomputes as 其他临时外出", (words) => {
    const before = estimateAfter(["郑州居民医保 去北京住院 三甲 5万 转诊了"]);
    const t = estimateAfter(["郑州居民医保 去北京住院 三甲 5万 转诊了", words]);
    expect(readBackOf(t)).toContain("其他临时外出备案");
    expect(t).not.toBe(before);
    expect(textOf(chat(["郑州居民医保 去北京住院 三甲 5万 转诊了", words]).at(-1)!)).toContain("已改为");
  });
});

describe("not asked what was just said", () => {
  it.each([
    "手工报销要啥材料 我是广州职工 在北京住的院 没备案",
    "没备案 自己垫的钱 回来怎么报 我是杭州职工医保 在上海住院",
  ])("%s: the claim does not ask why the bill was not settled", (text) => {
    const t = last([text]);
    expect(t).not.toContain(m.ask.why);
    expect(t).toContain("费用明细清单");
  });
  it("生孩子 already says why a bill goes to a manual claim", () => {
    const t = last(["在外地生孩子 手工报销要啥材料 我是苏州职工 住院"]);
    expect(t).not.toContain(m.ask.why);
  });
  it.each(["这次在广州三甲又住了 花了2万 武汉职工退休", "武汉职工退休 已经出院了 在广州三甲 花了2万"])("%s: the setting is not asked", (text) => {
    const t = last([text]);
    expect(t).not.toContain(m.ask.setting);
  });
});
