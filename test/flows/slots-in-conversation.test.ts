/**
 * Slots in whole conversations: a figure on top of another is asked about with the two added up
 * offered, a deposit is said back as not the bill, a part larger than the total is a question
 * that says why, a correction of a place changes the answer that held the old place, and a whole
 * estimate asked inside another flow is answered.
 */
import { describe, expect, it } from "vitest";
import { flowMessages as m } from "../../src/messages/flows.ts";
import { chat, estimateOf, textOf } from "./chat.ts";

const readBack = (t: string | undefined) => t?.split("\n").find((l) => l.startsWith("按："));
const fund = (t: string | undefined) => t?.match(/医保基金支付：([\d.]+) 元/)?.[1];
const CASE = "无锡职工 在职 在上海三级医院住院 临时外出备案了";

describe("a figure on top of another (另外/还有/加上)", () => {
  const first = chat([`${CASE} 花了4万 另外还有6000的药`]).at(-1)!;
  it("is asked about: the two added up or the first alone, never the added one as the bill", () => {
    expect(first[0]!.text).toBe(m.whichAmountAdded("40000 元", "6000 元", "46000 元"));
    expect(first[0]!.choices?.map((c) => c.id)).toEqual(["amt:46000", "amt:40000"]);
  });
  it("picking the sum counts both and leaves nothing out", () => {
    const r = chat([`${CASE} 花了4万 另外还有6000的药`, "#amt:46000"]).at(-1)!;
    const line = readBack(estimateOf(r));
    expect(line).toContain("总费用 46000 元");
    expect(line).not.toContain("未计入");
  });
  it("picking the first says the other is not counted", () => {
    const line = readBack(estimateOf(chat([`${CASE} 花了4万 另外还有6000的药`, "#amt:40000"]).at(-1)!));
    expect(line).toContain("总费用 40000 元");
    expect(line).toContain(m.readBack.leftOut("6000 元"));
  });
  it("said alone after an estimate, it is offered on top of the total already known", () => {
    const r = chat([`${CASE} 花了4万`, "另外还有3000的检查费"]).at(-1)!;
    expect(r[0]!.text).toBe(m.whichAmountAdded("40000 元", "3000 元", "43000 元"));
    const after = estimateOf(chat([`${CASE} 花了4万`, "另外还有3000的检查费", "#amt:43000"]).at(-1)!);
    expect(readBack(after)).toContain("总费用 43000 元");
  });
});

describe("a deposit is said back, never taken for the bill", () => {
  it("押金 beside the total: on the read-back line, the figures from the total alone", () => {
    const withDeposit = estimateOf(chat([`${CASE} 总共8万 押金交了2万`]).at(-1)!);
    const without = estimateOf(chat([`${CASE} 总共8万`]).at(-1)!);
    expect(readBack(withDeposit)).toContain(m.readBack.deposit("20000 元"));
    expect(readBack(withDeposit)).toContain("总费用 80000 元");
    expect(fund(withDeposit)).toBe(fund(without));
  });
  it("stays on the line after a correction", () => {
    const r = chat([`${CASE} 总共8万 押金交了2万`, "改成二级医院"]).at(-1)!;
    expect(readBack(estimateOf(r))).toContain(m.readBack.deposit("20000 元"));
  });
  it.each([
    ["交了两万押金", "20000 元"],
    ["住院押金交了1万5", "15000 元"],
    ["医院让先交3万押金", "30000 元"],
    ["预交金交了8000了", "8000 元"],
  ])("said alone at the menu (%s), it is kept for the estimate that follows", (said, figure) => {
    const r = chat([said, `${CASE} 总共8万`]).at(-1)!;
    const line = readBack(estimateOf(r));
    expect(line).toContain(m.readBack.deposit(figure));
    expect(line).toContain("总费用 80000 元");
  });
  it("kept at the menu, it goes with the estimate asked step by step, and not past a restart", () => {
    const steps = ["/estimate", "无锡", "职工", "上海", "住院", "三级", "其他临时外出就医", "在职", "8万", "不知道", "不知道"];
    expect(readBack(estimateOf(chat(["交了两万押金", ...steps]).at(-1)!))).toContain(m.readBack.deposit("20000 元"));
    expect(readBack(estimateOf(chat(["交了两万押金", "重新开始", `${CASE} 总共8万`]).at(-1)!))).not.toContain("押金");
  });
});

describe("amounts that contradict each other are a question", () => {
  it("乙类 larger than the total says why it asks", () => {
    const r = chat([`${CASE} 总费用5万 乙类6万`]).at(-1)!;
    expect(r[0]!.text).toBe(m.whichAmountOver("50000 元", "60000 元"));
    expect(r[0]!.choices?.map((c) => c.id)).toEqual(["amt:50000", "amt:60000"]);
    expect(textOf(r)).not.toContain("医保基金支付");
  });
  it("two totals: which is the bill, nothing computed", () => {
    const r = chat([`${CASE} 花了3万 总共4万`]).at(-1)!;
    expect(r[0]!.text).toBe(m.whichAmount("30000 元、40000 元"));
    expect(textOf(r)).not.toContain("医保基金支付");
  });
});

describe("a corrected place changes the answer that held it", () => {
  // Registered (转诊), so every place in the table has a figure: care not registered has none where the insured place has no rule for it.
  const START = "三亚职工医保 退休 转诊到北京三甲医院住院 花了6万";
  it.each([
    ["从三亚改成杭州", m.change.changed("参保地杭州"), /^按：杭州职工医保、退休、北京/],
    ["医保其实是在无锡", m.change.changed("参保地无锡"), /^按：无锡职工医保、退休、北京/],
    ["从北京改成上海", m.change.changed("就医地上海"), /^按：三亚职工医保、退休、上海/],
    ["那在上海看呢", m.change.changed("就医地上海"), /^按：三亚职工医保、退休、上海/],
  ])("%s", (words, said, line) => {
    const r = chat([START, words]).at(-1)!;
    expect(r[0]!.text).toBe(said);
    expect(readBack(estimateOf(r))).toMatch(line);
  });
});

describe("a whole estimate asked inside another flow is answered", () => {
  it("while the registration steps ask the insured place", () => {
    const asked = chat(["/register"]).at(-1)!;
    expect(textOf(asked)).toContain("参保");
    const r = chat(["/register", "医保在深圳 在广州住院花了2万"]).at(-1)!;
    expect(readBack(estimateOf(r))).toMatch(/^按：深圳.*广州.*住院.*总费用 20000 元/);
  });
});

describe("a place name that fits several places is offered as buttons", () => {
  it("a slip that fits two cities (延州): the question for that place lists both, nothing assumed", () => {
    const r = chat(["延州医保 去上海住院 花了3万"]).at(-1)!;
    const asked = r.at(-1)!;
    expect(asked.text).toContain(m.problems.ambiguous);
    expect(asked.choices?.map((c) => c.id).sort()).toEqual(["p:222400", "p:610600"]);
    expect(textOf(r)).not.toContain("医保基金支付");
  });
  // One rule for the choices, whether the name came with the first message or answers the question.
  it.each([
    ["吉林的医保 在北京住院花了3万", ["/estimate", "吉林"]],
    ["我是吉林的 在北京住院", ["/estimate", "吉林"]],
    ["吉林医保 去上海看病", ["/register", "吉林"]],
  ])("the same choices in the same order, said at once (%s) or as the answer", (first, answered) => {
    const ids = (r: ReturnType<typeof chat>[number]) => r.at(-1)!.choices?.map((c) => c.id);
    const atOnce = ids(chat([first]).at(-1)!);
    expect(atOnce).toEqual(ids(chat(answered).at(-1)!));
    // A city first: a city is what the question asks for; the province leads to its cities.
    expect(atOnce?.[0]).toBe("p:220200");
  });
});
