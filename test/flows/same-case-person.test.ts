/**
 * The same case said of the person it is about (QA5 Q13/Q93, Q99, Q100): only the fact that differs
 * changes; the places and the bill stay. And a value read again from other words is no contradiction.
 */
import { describe, expect, it } from "vitest";
import { flowMessages as m } from "../../src/messages/flows.ts";
import { chat, estimateOf, textOf } from "./chat.ts";

const readBack = (t: string | undefined) => t?.split("\n").find((l) => l.startsWith("按："));

describe("another person named, only their own facts differ", () => {
  it.each([
    // c210, c109, c368, and variants
    [["北京职工在职 上海住院 3万", "我妈也一样 不过她退休了"], "退休", /^按：北京职工医保、退休、上海.*总费用 30000 元/],
    [["郑州职工 在北京住院 花了两万", "他是我爸 退休好多年了"], "退休", /^按：郑州职工医保、退休、北京.*总费用 20000 元/],
    [["我爸在上海住院", "医保北京的", "退休", "花了4万", "不对 是我妈 不是我爸 她没退休"], "在职", /^按：北京职工医保、在职、上海.*总费用 40000 元/],
    [["北京职工在职 上海住院 3万", "我爸也是 他已经退休了"], "退休", /^按：北京职工医保、退休、上海/],
  ])("%j: 已改为 %s, places and bill kept", (inputs, changed, line) => {
    const r = chat(inputs as string[]).at(-1)!;
    expect(r[0]!.text).toBe(m.change.changed(changed as string));
    expect(textOf(r)).not.toContain(m.change.fresh);
    expect(readBack(estimateOf(r))).toMatch(line as RegExp);
  });
  it("another person with other places is still a new question", () => {
    const r = chat(["北京职工在职 上海住院 3万", "那我妈呢 她在天津住院 医保在天津"]).at(-1)!;
    expect(r[0]!.text).toContain(m.change.fresh);
  });
});

describe("a value read again from other words is the same value (c595, c479)", () => {
  it("学生, then 在北京上大学: no 「学生」/「学生」 question; 北京 taken as where the care is", () => {
    const all = chat(["我儿子医保在郑州", "学生 居民医保", "在北京上大学", "住院", "一万"]);
    for (const r of all) expect(textOf(r)).not.toContain("这次说的是「学生」");
    expect(readBack(estimateOf(all.at(-1)!))).toMatch(/^按：郑州居民医保、学生、北京/);
  });
  it("孩子是大学生 after 学生: not asked which", () => {
    expect(textOf(chat(["郑州居民 学生 在北京住院 1万", "孩子是大学生"]).at(-1)!)).not.toContain("按哪个算");
  });
});

describe("the claim's 没有备案 goes with the estimate it offers (c577)", () => {
  it("the registration is not asked again; the estimate is for someone not registered", () => {
    const all = chat(["手工报销", "1", "医保在南昌", "住院", "1", "职工", "上海", "三级", "退休", "3万", "不知道", "不知道"]);
    for (const r of all.slice(5)) expect(textOf(r)).not.toContain(m.ask.visitor);
    expect(readBack(estimateOf(all.at(-1)!))).toContain("没有备案");
  });
});
