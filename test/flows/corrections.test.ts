/**
 * Correct anything, any time, in words: the one answer changes, the result is worked out again
 * at once with one line saying what changed; a statement that contradicts an earlier answer is
 * asked about first; a new question does not silently reuse the old one's answers.
 */
import { describe, expect, it } from "vitest";
import { flowMessages as m } from "../../src/messages/flows.ts";
import { chat, estimateOf, lastText, textOf } from "./chat.ts";

const ASKED = ["/estimate", "苏州", "职工", "上海", "住院", "三甲", "其他临时外出就医", "退休", "3万", "不知道", "不知道"];
const readBack = (t: string | undefined) => t?.split("\n").find((l) => l.startsWith("按："));
const fund = (t: string | undefined) => t?.match(/医保基金支付：([\d.]+) 元/)?.[1];

describe("a correction in words recomputes at once, in one line", () => {
  const base = estimateOf(chat(ASKED).at(-1)!);
  it.each([
    ["改成二级医院", "二级医院", /上海二级医院住院/],
    ["换成居民医保", "居民医保", /苏州居民医保/],
    ["要是急诊呢", "急诊抢救", /、急诊、/],
    ["那在北京呢", "就医地北京", /北京三级医院住院/],
    ["如果没备案呢", "没有备案", /没有备案/],
    ["金额是3万5不是3万", "总费用 35000 元", /总费用 35000 元/],
    ["那如果是5万呢", "总费用 50000 元", /总费用 50000 元/],
  ])("%s", (words, said, line) => {
    const r = chat([...ASKED, words]).at(-1)!;
    expect(r[0]!.text).toBe(m.change.changed(said));
    const t = estimateOf(r);
    expect(readBack(t)).toMatch(line);
    expect(t).not.toBe(base);
  });
  it("其实他已经退休了 after 在职 changes the status and the figures", () => {
    const working = [...ASKED.slice(0, 7), "在职", ...ASKED.slice(8)];
    const before = estimateOf(chat(working).at(-1)!);
    const r = chat([...working, "其实他已经退休了"]).at(-1)!;
    expect(r[0]!.text).toBe(m.change.changed("退休"));
    expect(readBack(estimateOf(r))).toContain("、退休、");
    expect(fund(estimateOf(r))).not.toBe(fund(before));
  });
  it("a one-message estimate's assumed level is replaced without a question", () => {
    const r = chat(["我在苏州交的职工医保，在上海住院花了3万，能报多少", "改成二级医院"]).at(-1)!;
    expect(r[0]!.text).toBe(m.change.changed("二级医院"));
    expect(readBack(estimateOf(r))).not.toContain("二级医院是我假设的");
  });
  it("works in the eligibility flow too: the result is given again for the new kind", () => {
    const r = chat(["/eligibility", "杭州", "成都", "4", "要是急诊呢"]).at(-1)!;
    expect(r[0]!.text).toBe(m.change.changed("急诊抢救"));
    expect(textOf(r)).toContain("急诊");
  });
});

describe("a statement that contradicts an earlier answer is asked, never applied silently", () => {
  it("他还在厂里上班 after 退休: a question with two buttons, the figures unchanged", () => {
    const r = chat([...ASKED, "他还在厂里上班"]).at(-1)!;
    expect(r).toHaveLength(1);
    expect(r[0]!.text).toBe(m.change.confirm("退休", "在职"));
    expect(r[0]!.choices?.map((c) => c.label)).toEqual([m.change.yes("在职"), m.change.no("退休")]);
  });
  it("keeping the old answer says so and changes nothing", () => {
    const r = chat([...ASKED, "他还在厂里上班", "2"]).at(-1)!;
    expect(r[0]!.text).toBe(m.change.kept("退休"));
    const again = chat([...ASKED, "他还在厂里上班", "2", "改一个答案"]).at(-1)!;
    expect(again[0]!.choices?.map((c) => c.label)).toContain("在职/退休：退休");
  });
  it("confirming (button or typed 是) applies it with the one line", () => {
    for (const yes of ["1", "是的", "#cf:y"]) {
      const r = chat([...ASKED, "他还在厂里上班", yes]).at(-1)!;
      expect(r[0]!.text).toBe(m.change.changed("在职"));
      expect(readBack(estimateOf(r))).toContain("、在职、");
    }
  });
});

describe("a statement that agrees with the answers changes nothing, and says so", () => {
  it("他以前在厂里上班 after 退休 is past work: not asked back as 在职, the figures unchanged", () => {
    const r = chat([...ASKED, "他以前在厂里上班"]).at(-1)!;
    expect(r[0]!.text).toBe(m.change.same("职工医保"));
    expect(r[0]!.choices).toBeUndefined();
    expect(textOf(r)).not.toContain("在职");
    // Still retired: the next change keeps 退休 in the read-back.
    expect(readBack(estimateOf(chat([...ASKED, "他以前在厂里上班", "改成二级医院"]).at(-1)!))).toContain("、退休、");
  });
  it("金额是3万5不是3万 when the total already is 35000: one line that nothing changed, not the estimate again", () => {
    const asked = [...ASKED.slice(0, 8), "3万5", ...ASKED.slice(9)];
    const r = chat([...asked, "金额是3万5不是3万"]).at(-1)!;
    expect(r[0]!.text).toBe(m.change.same("总费用 35000 元"));
    expect(textOf(r)).not.toContain("医保基金支付");
  });
  it("a real change still recomputes (the same message at 30000)", () => {
    const r = chat([...ASKED, "金额是3万5不是3万"]).at(-1)!;
    expect(r[0]!.text).toBe(m.change.changed("总费用 35000 元"));
  });
});

describe("a correction with nothing to correct, or of something the flow does not use", () => {
  it("at the start: says there is nothing to change yet, with an example", () => {
    const r = chat(["改成二级医院"]).at(-1)!;
    expect(r[0]!.text).toContain(m.change.nothing);
  });
  it("改一下 without what, mid-flow: asks what to change and repeats the question", () => {
    const t = lastText(["/claim", "改一下"]);
    expect(t).toContain(m.change.what);
    expect(t).toContain(m.ask.why);
  });
  it("an amount in the manual-claim flow: kept, and said that it is not used here", () => {
    const r = chat(["/claim", "没备案", "住院", "哈尔滨", "金额改成5万"]).at(-1)!;
    expect(r[0]!.text).toBe(m.change.unused("总费用 50000 元"));
  });
});

describe("a new question is a new question", () => {
  it("another person and other places: nothing reused silently, the amount kept is said", () => {
    const r = chat(["我在苏州交的职工医保，在上海三甲医院住院花了3万，能报多少", "那我妈在北京住院呢，她是天津的居民医保"]).at(-1)!;
    expect(r[0]!.text).toBe(`${m.change.fresh}${m.change.carried("总费用 30000 元")}`);
    const line = readBack(estimateOf(r))!;
    expect(line).toMatch(/^按：天津居民医保、北京三级医院住院、/);
    // The old level (三甲, said for the other person) is not reused: it is an assumption again.
    expect(line).toMatch(/三级医院.*是我假设的/);
  });
  it("both places new, with an amount of its own: nothing carried", () => {
    const r = chat(["我在苏州交的职工医保，在上海三甲医院住院花了3万，能报多少", "我在南京交的职工医保，在北京住院花了5万呢"]).at(-1)!;
    expect(r[0]!.text).toBe(m.change.fresh);
    expect(readBack(estimateOf(r))).toMatch(/^按：南京职工医保、在职、北京三级医院住院、其他临时外出备案、总费用 50000 元（在职、三级医院、其他临时外出备案是我假设的）$/);
  });
  // The old bill's 乙类/目录外 are parts of the old total: a new total is a new bill.
  const SHARES = "我是苏州职工 在上海三级医院住院 花了3万 乙类5000 自费2000";
  it.each([
    "我妈是南京居民医保 在北京住院 总共花了8万",
    "那我爸呢 他是杭州的职工医保 在上海住院 花了6万",
    "我在南京交的职工医保，在北京住院花了5万呢",
    "我老公 天津居民医保 去北京看病住院 十万",
  ])("a new question with its own total does not keep the old shares: %s", (words) => {
    const r = chat([SHARES, words]).at(-1)!;
    expect(r[0]!.text).toBe(m.change.fresh);
    const line = readBack(estimateOf(r));
    expect(line).not.toMatch(/乙类 5000|自费 2000/);
  });
  it("a new question without a total keeps the amounts and says so", () => {
    const r = chat([SHARES, "那我妈在北京住院呢，她是天津的居民医保"]).at(-1)!;
    expect(r[0]!.text).toBe(`${m.change.fresh}${m.change.carried("总费用 30000 元，乙类 5000 元，目录外 2000 元")}`);
  });
});

describe("没看懂 gets a simpler rewording, then another strategy, never the same block", () => {
  it("at an estimate: the figures in one sentence, then the menu with an example", () => {
    const r = chat([...ASKED, "没看懂", "没看懂", "没看懂"]);
    const first = textOf(r[ASKED.length]!);
    const second = textOf(r[ASKED.length + 1]!);
    expect(first).toMatch(/^简单说：这次医保大约付 [\d.]+ 元，您自己大约付 [\d.]+ 元。/);
    expect(first).not.toContain(m.problems.unclear);
    expect(second).toContain(m.rephrase.again);
    // One example sentence in the message, not the strategy's and the menu's both.
    expect(second).not.toContain(m.menuExample);
    expect(second).not.toBe(first);
    // A third time: what works here, not the second block again.
    const third = textOf(r[ASKED.length + 2]!);
    expect(third).toContain(m.help);
    expect(third).not.toContain(m.rephrase.again);
  });
  it("a third 没看懂 after a side answer at the menu is not the second block again", () => {
    const r = chat(["出院两个月了还来得及吗", "没看懂", "没看懂", "没看懂"]);
    expect(textOf(r[3]!)).not.toBe(textOf(r[2]!));
    expect(textOf(r[3]!)).toContain(m.help);
  });
  it("twice at a question: another way (simple answer, the way out), the question stays", () => {
    const r = chat(["/estimate", "没看懂", "没看懂"]);
    expect(textOf(r[2]!)).toContain(m.rephrase.againInFlow);
    expect(textOf(r[2]!)).toContain(m.ask.insured);
    expect(textOf(r[2]!)).not.toBe(textOf(r[1]!));
  });
  it("at a question: what is expected, then the question", () => {
    const t = lastText(["/estimate", "没看懂"]);
    expect(t).toContain(m.explain.insured);
    expect(t).toContain(m.ask.insured);
  });
  it("after a side answer: its first sentence", () => {
    const t = lastText(["备案有效期多久", "啥意思"]);
    expect(t).toMatch(/^简单说：[^\n]+。\n/);
  });
  it("twice unclear at an estimate: how to change it, not the same closing question", () => {
    const r = chat([...ASKED, "嗯嗯啊啊", "哦哦哦哦"]);
    expect(textOf(r.at(-1)!)).toContain(m.estimate.afterStuck);
  });
});
