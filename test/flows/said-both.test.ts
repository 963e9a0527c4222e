/**
 * A fact said and denied in one message (转诊…但其实没转诊, 备案了 哦不对还没备案, 退休了 不对还没退休)
 * is asked back with two buttons before anything is computed, never settled by an assumption; the
 * rest of the message is kept and used once the person picks. Contradictory amounts are asked
 * too, and a correction with nothing to correct, or of something the flow does not use, says so.
 */
import { describe, expect, it } from "vitest";
import { flowMessages as m } from "../../src/messages/flows.ts";
import { chat, estimateOf } from "./chat.ts";

const readBack = (t: string | undefined) => t?.split("\n").find((l) => l.startsWith("按："));

describe("a fact said and denied in one message is asked, not assumed", () => {
  it.each([
    ["苏州职工 转诊去上海住院花了5万 但其实没转诊", "医院转诊过去", "没转诊"],
    ["苏州职工 备案了 哦不对还没备案 在上海住院5万", "已备案", "还没备案"],
    ["苏州职工 退休了 不对还没退休 在上海住院5万", "退休", "还没退休"],
  ])("%s", (text, affirmed, denied) => {
    const r = chat([text]).at(-1)!;
    expect(r).toHaveLength(1);
    expect(r[0]!.text).toBe(m.saidBoth(affirmed, denied));
    expect(r[0]!.choices?.map((c) => c.label)).toEqual([affirmed, denied]);
    expect(estimateOf(r)).toBeUndefined();
  });

  // Two values of one slot with nothing to tell them apart (QA5 Q85): asked the same way.
  it.each([
    ["北京 退休 在职 上海住院 3万", "退休", "在职"],
    ["北京 职工 居民 上海住院 3万", "职工医保", "居民"],
    ["北京职工在职 上海 三级 二级 住院 3万", "三级医院（含三甲）", "二级"],
  ])("two values: %s", (text, first, second) => {
    const r = chat([text]).at(-1)!;
    expect(r[0]!.text).toBe(m.saidBoth(first, second));
    expect(estimateOf(r)).toBeUndefined();
  });
  it("二级 picked of 三级 二级: the estimate is at a 二级 hospital, not assumed", () => {
    const line = readBack(estimateOf(chat(["北京职工在职 上海 三级 二级 住院 3万", "2"]).at(-1)!))!;
    expect(line).toContain("上海二级医院住院");
    expect(line).not.toMatch(/二级医院[^（]*是我假设的/);
  });

  it("the pick is applied with the rest of the message: 退休 → a retiree's estimate at once", () => {
    const r = chat(["苏州职工 退休了 不对还没退休 在上海住院5万", "#sb:status:retired"]).at(-1)!;
    expect(readBack(estimateOf(r))).toMatch(/^按：苏州职工医保、退休、上海三级医院住院、.*总费用 50000 元/);
  });
  it("还没退休 picked: in work, and not listed as an assumption", () => {
    const line = readBack(estimateOf(chat(["苏州职工 退休了 不对还没退休 在上海住院5万", "#sb:status:working"]).at(-1)!))!;
    expect(line).toContain("、在职、");
    expect(line).not.toMatch(/在职[^（]*是我假设的/);
  });
  it("还没备案 picked: not registered, with what that means for paying at the hospital", () => {
    const t = estimateOf(chat(["南昌职工 备案了 哦不对还没备案 在广州住院5万", "2"]).at(-1)!)!;
    expect(readBack(t)).toContain("没有备案");
    expect(t).toContain("全额垫付");
  });
  it("没转诊 picked: no referral; the kind of registration is then an assumption, said as one", () => {
    const line = readBack(estimateOf(chat(["苏州职工 转诊去上海住院花了5万 但其实没转诊", "2"]).at(-1)!))!;
    expect(line).not.toContain("转诊");
    expect(line).toMatch(/其他临时外出备案是我假设的/);
  });
  it("asked mid-flow: the question stays open, and nothing was stored for the fact", () => {
    const asked = ["/estimate", "苏州", "职工", "上海", "住院", "三甲"];
    const r = chat([...asked, "转诊 不对 没转诊"]).at(-1)!;
    expect(r[0]!.text).toBe(m.saidBoth("医院转诊过去", "没转诊"));
    const after = chat([...asked, "转诊 不对 没转诊", "2"]).at(-1)!;
    expect(after.at(-1)!.text).toBe(m.ask.visitor);
    const picked = chat([...asked, "转诊 不对 没转诊", "1", "退休", "5万", "不知道", "不知道"]).at(-1)!;
    expect(readBack(estimateOf(picked))).toContain("转诊备案");
  });
  it("a button of an older question is refused as expired", () => {
    const r = chat(["苏州职工 退休了 不对还没退休 在上海住院5万", "#sb:status:retired", "#sb:status:working"]).at(-1)!;
    expect(r[0]!.text).toBe(m.expired);
  });
});

describe("contradictory amounts are asked about", () => {
  it.each([
    ["苏州职工 在上海住院 花了3万 总共5万", m.whichAmount("30000 元、50000 元")],
    // A part larger than the total: the question says why it is asked.
    ["苏州职工 在上海住院 花了3万 乙类5万", m.whichAmountOver("30000 元", "50000 元")],
  ])("%s: which is the total, before any figure", (text, asked) => {
    const r = chat([text]).at(-1)!;
    expect(r[0]!.text).toBe(asked);
    expect(estimateOf(r)).toBeUndefined();
  });
});

describe("a correction that has nothing to correct says so", () => {
  it("at the menu: nothing to change yet", () => {
    expect(chat(["改成居民医保"]).at(-1)![0]!.text).toContain(m.change.nothing);
  });
  it("of a fact the registration flow does not use: kept, and said it is not used here", () => {
    expect(chat(["/register", "苏州", "上海", "金额改成5万"]).at(-1)![0]!.text).toBe(m.change.unused("总费用 50000 元"));
    expect(chat(["/register", "苏州", "上海", "改成二级医院"]).at(-1)![0]!.text).toBe(m.change.unused("二级医院"));
  });
});
