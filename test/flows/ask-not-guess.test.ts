/**
 * Where the dialogue asks instead of guessing: figures that could each be the bill
 * ("花了6万 总共7万"), a question read below the confidence threshold (the likeliest readings
 * as buttons), and 退休 said beside 居民医保. A restated figure ("6万多 大概6万2") is not asked
 * about: it wins.
 */
import { describe, expect, it } from "vitest";
import { flowMessages as m } from "../../src/messages/flows.ts";
import { parse, CANDIDATE_THRESHOLD } from "../../src/language/index.ts";
import { chat, estimateOf, textOf } from "./chat.ts";

const readBack = (t: string | undefined) => t?.split("\n").find((l) => l.startsWith("按："));
const ONE = "南昌职工 在广州中山一院住院 花了6万 总共7万";

describe("a later, more precise figure wins", () => {
  it.each([
    ["南昌职工 在广州中山一院住院 花了6万多 大概6万2", "总费用 62000 元"],
    ["苏州职工医保 在上海住院 总共花了5万左右 准确说是5万3", "总费用 53000 元"],
    ["杭州居民医保在北京住院花了3万 不对 是3万5", "总费用 35000 元"],
  ])("%s", (text, said) => {
    const r = chat([text]).at(-1)!;
    expect(readBack(estimateOf(r))).toContain(said);
  });
});

describe("two figures that could each be the bill are asked about", () => {
  it("asks which is the total, with a button for each, before any figure", () => {
    const r = chat([ONE]).at(-1)!;
    expect(r).toHaveLength(1);
    expect(r[0]!.text).toBe(m.whichAmount("60000 元、70000 元"));
    expect(r[0]!.choices?.map((c) => c.id)).toEqual(["amt:60000", "amt:70000"]);
    expect(estimateOf(r)).toBeUndefined();
  });
  it("says before the pick that the figure not picked is not counted, and how to give it a role", () => {
    const text = chat([ONE]).at(-1)![0]!.text;
    expect(text).toContain("没选的金额不计入");
    expect(text).toMatch(/乙类|自费/);
  });
  it("the button picked is the bill, and the other facts of the message are kept", () => {
    const r = chat([ONE, "#amt:70000"]).at(-1)!;
    const line = readBack(estimateOf(r));
    expect(line).toContain("总费用 70000 元");
    expect(line).toContain("南昌职工医保");
    expect(line).toContain("广州");
  });
  it("typing the number or the choice's number works too", () => {
    expect(readBack(estimateOf(chat([ONE, "总共7万"]).at(-1)!))).toContain("总费用 70000 元");
    expect(readBack(estimateOf(chat([ONE, "1"]).at(-1)!))).toContain("总费用 60000 元");
  });
  it("inside an estimate, two figures answering the total question are asked about too", () => {
    const asked = ["/estimate", "苏州", "职工", "上海", "住院", "三甲", "其他临时外出就医", "在职"];
    const r = chat([...asked, "3万 4万"]).at(-1)!;
    expect(r[0]!.choices?.map((c) => c.id)).toEqual(["amt:30000", "amt:40000"]);
    const after = chat([...asked, "3万 4万", "#amt:40000", "不知道", "不知道"]).at(-1)!;
    expect(readBack(estimateOf(after))).toContain("总费用 40000 元");
  });
  it("a new question does not carry the old total when it names figures of its own", () => {
    const r = chat(["苏州职工在上海住院花了3万", "我妈在北京住院 花了6万 总共7万"]).at(-1)!;
    expect(textOf(r)).not.toContain("30000");
  });
});

describe("below the confidence threshold, the likeliest readings as buttons", () => {
  // 报销的流程 alone may be the claim's or the registration's steps.
  const text = "报销的流程";
  it("回参保地 names the claim: 回参保地报销的流程 is not unsure", () => {
    const p = parse("回参保地报销的流程");
    expect(p.intent).toBe("manual_claim");
    expect(p.confidence).toBeGreaterThanOrEqual(CANDIDATE_THRESHOLD);
  });
  it("the parse is unsure and names its candidates", () => {
    const p = parse(text);
    expect(p.confidence).toBeLessThan(CANDIDATE_THRESHOLD);
    expect(p.candidates?.slice(0, 2)).toEqual(["manual_claim", "registration_howto"]);
  });
  it("the dialogue offers them instead of starting the first", () => {
    const r = chat([text]).at(-1)!;
    expect(r[0]!.text).toBe(m.unsure);
    expect(r[0]!.choices?.map((c) => c.id)).toEqual(["i:manual_claim", "i:registration_howto"]);
  });
  it("pressing one answers that question", () => {
    const claim = chat([text, "#i:manual_claim"]).at(-1)!;
    expect(textOf(claim)).toContain(m.ask.why);
    const reg = chat([text, "2"]).at(-1)!;
    expect(textOf(reg)).toContain(m.ask.insured);
    expect(textOf(reg)).not.toContain(m.ask.why);
  });
});

describe("退休 with 居民医保 is never an impossible pair", () => {
  const RESIDENT = "杭州居民医保 在上海住院花了3万";
  it("其实他已经退休了 after 居民医保: asked whether it is 职工医保, the figures unchanged", () => {
    const r = chat([RESIDENT, "其实他已经退休了"]).at(-1)!;
    expect(r).toHaveLength(1);
    expect(r[0]!.text).toBe(m.change.retiredResident("居民医保", "职工医保，退休"));
    expect(r[0]!.choices?.map((c) => c.id)).toEqual(["cf:y", "cf:n"]);
    expect(estimateOf(r)).toBeUndefined();
  });
  it.each(["#cf:y", "是的"])("yes (%s): recomputed as 职工医保 退休, and the line says both changed", (yes) => {
    const before = estimateOf(chat([RESIDENT]).at(-1)!);
    const r = chat([RESIDENT, "其实他已经退休了", yes]).at(-1)!;
    expect(r[0]!.text).toBe(m.change.changed("职工医保，退休"));
    const t = estimateOf(r);
    expect(readBack(t)).toContain("杭州职工医保、退休、");
    expect(t).not.toBe(before);
  });
  it("no: stays 居民医保, and 退休 is not stored beside it", () => {
    const r = chat([RESIDENT, "其实他已经退休了", "2", "改成二级医院"]).at(-1)!;
    expect(readBack(estimateOf(r))).toContain("杭州居民医保、");
    expect(readBack(estimateOf(r))).not.toContain("退休");
  });
  it("said in one message with 居民医保: the read-back says 退休 does not apply, not silence", () => {
    const t = estimateOf(chat(["杭州居民医保 我退休了 在上海住院花了3万"]).at(-1)!);
    expect(readBack(t)).toContain(m.readBack.retiredResident);
  });
});

describe("two figures answering the 乙类 question are not taken for the bill", () => {
  it("the total stays, and no 'which is the total' question is asked", () => {
    const asked = ["/estimate", "苏州", "职工", "上海", "住院", "三甲", "其他临时外出就医", "在职", "3万"];
    const r = chat([...asked, "5000 6000"]).at(-1)!;
    expect(r.some((x) => x.choices?.some((c) => c.id.startsWith("amt:")))).toBe(false);
  });
});
