/**
 * General questions are answered first, from the national rules with their source, and only then
 * is anything asked (fresh-user findings B1): 长期和临时有啥区别, 备案需要什么条件, 出院两个月了还能报吗,
 * 手工报销要哪些材料, 多久能到账 — each in several phrasings people type.
 */
import { describe, expect, it } from "vitest";
import { chat, textOf } from "./chat.ts";

const replies = (text: string) => chat([text])[0]!;
const firstText = (text: string) => replies(text)[0]!.text;
const HELD = /^(您在哪里参保|为什么没能在医院直接结算|您在哪里看病|没看懂)/u;

describe("answered before any question", () => {
  it.each([
    "长期备案和临时备案有啥区别 哪个划算",
    "长期和临时有啥区别",
    "临时备案跟长期备案有什么不同",
    "办长期的还是临时的划算",
  ])("%s → both kinds, their validity and ratio, and how to tell which", (text) => {
    const t = firstText(text);
    expect(t).not.toMatch(HELD);
    expect(t).toContain("长期备案：");
    expect(t).toContain("临时备案：");
    expect(t).toContain("不少于6个月");
    expect(t).toContain("最多降20个百分点");
    expect(t).toMatch(/（来源：[^）]+）/u);
  });

  it.each(["异地备案需要什么条件", "办异地就医备案有啥要求", "什么条件才能办异地备案", "哪些人可以办备案"])("%s → who may register", (text) => {
    const t = firstText(text);
    expect(t).not.toMatch(HELD);
    expect(t).toContain("可以办异地就医备案的有两类");
  });

  it.each([
    ["出院两个月了 还能报吗 在外地住的院 没备案 医保是武汉职工", "武汉的具体期限暂无数据"],
    ["出院一个多月了还来得及报销吗", "告诉我您在哪里参保"],
    ["出院很久了 还能不能报", "告诉我您在哪里参保"],
  ])("%s → the claim deadline first", (text, local) => {
    const t = firstText(text);
    expect(t).not.toMatch(HELD);
    expect(t).toContain("手工报销期限");
    expect(t).toContain("补办备案");
    expect(t).toContain(local);
  });

  it("the place said with it is kept for what comes next", () => {
    expect(textOf(replies("出院两个月了 还能报吗 医保是武汉职工"))).toContain("参保地武汉");
  });

  it.each(["手工报销要哪些材料", "回去报销需要准备什么材料", "垫付的钱回老家报销要带啥材料"])("%s → the national list first, then the question the local list needs", (text) => {
    const r = replies(text);
    const t = r[0]!.text;
    expect(t).not.toMatch(HELD);
    expect(t).toContain("医疗费用发票");
    expect(t).toContain("参保地医保经办机构");
    expect(t).toContain("告诉我您在哪里参保");
    expect(textOf(r.slice(1))).toContain("为什么没能在医院直接结算");
  });

  it.each(["报销多久能到账", "手工报销的钱什么时候能打过来", "回款要多长时间"])("%s → no national time limit, said so, and where to ask", (text) => {
    const t = firstText(text);
    expect(t).not.toMatch(HELD);
    expect(t).toContain("没有全国统一的时限数据");
    expect(t).toContain("参保地医保经办机构");
  });

  it("with a bill in it, a claim question is a case: the estimate is not replaced", () => {
    const t = textOf(replies("苏州职工在职 在上海三甲住院花了3万 出院了还能报吗"));
    expect(t).not.toContain("手工报销期限");
  });
});
