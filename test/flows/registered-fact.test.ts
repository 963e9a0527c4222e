/**
 * 备案了 / 长期备案了 typed after an answer is a fact about the person (QA5 Q91): the estimate
 * stands (or is worked out again for the kind said), the category answer says what it brings —
 * never the registration's steps, nor the reason asked again.
 */
import { describe, expect, it } from "vitest";
import { flowMessages as m } from "../../src/messages/flows.ts";
import { saysRegisteredOnly } from "../../src/language/registered-fact.ts";
import { chat, estimateOf, textOf } from "./chat.ts";

const readBack = (t: string | undefined) => t?.split("\n").find((l) => l.startsWith("按："));
// c685: the estimate assumed 其他临时外出 (过冬住半年 was not read as a reason).
const ESTIMATE = ["我爸", "医保大连", "退休", "三亚", "过冬住半年", "住院", "三万"];
// c443: the category answer for someone living there.
const CATEGORY = ["我妈", "哈尔滨", "退休", "三亚", "长期住"];

describe("a registration said to be done, and nothing else", () => {
  it.each(["备案了", "长期备案了", "已经备案了", "已备案", "办好备案了", "备过案了", "她已经办了长期备案", "备案办好了", "嗯 备案了"])("%s", (t) => {
    expect(saysRegisteredOnly(t)).toBe(true);
  });
  it.each(["备案了吗", "没备案", "还没备案", "备案怎么办", "备案要带什么", "备案了 能报多少"])("not: %s", (t) => {
    expect(saysRegisteredOnly(t)).toBe(false);
  });
});

describe("备案了 after an estimate", () => {
  it.each(["备案了", "已经备案了", "备案办好了"])("%s: the estimate stands, its assumed kind said — no reason asked, no steps", (said) => {
    const r = chat([...ESTIMATE, said]).at(-1)!;
    const text = textOf(r);
    expect(r[0]!.text).toBe(m.registered.estimate("其他临时外出就医"));
    expect(text).not.toContain("为什么在就医地看病");
    expect(text).not.toContain("第 1/");
  });
  it("长期备案了 after an assumed temporary one: worked out again as long-term", () => {
    const line = readBack(estimateOf(chat([...ESTIMATE, "长期备案了"]).at(-1)!));
    expect(line).toContain("长期备案");
    expect(line).not.toContain("其他临时外出");
  });
  it("备案了 after 没备案: registered now, 其他临时外出 assumed and said so, figures again", () => {
    const before = estimateOf(chat(["南昌职工 在上海住院 3万 没备案"]).at(-1)!)!;
    const after = estimateOf(chat(["南昌职工 在上海住院 3万 没备案", "备案了"]).at(-1)!)!;
    expect(readBack(before)).toContain("没有备案");
    expect(readBack(after)).toMatch(/其他临时外出备案.*是我假设的/);
  });
  it("a stated kind: the estimate stands, nothing said assumed", () => {
    const r = chat(["武汉职工 退休 在广州住院 3万 办了临时备案", "备案了"]).at(-1)!;
    expect(r[0]!.text).toBe(m.registered.estimate());
  });
});

describe("备案了 after the category answer", () => {
  it.each(["备案了", "长期备案了", "已经办好备案了"])("%s: what it brings at the hospital, not the steps", (said) => {
    const r = chat([...CATEGORY, said]).at(-1)!;
    expect(r[0]!.text).toContain(m.registered.eligibility("三亚"));
    expect(textOf(r)).not.toContain("第 1/");
  });
  it("then 住院 三万: the estimate for the long-term record", () => {
    const line = readBack(estimateOf(chat([...CATEGORY, "备案了", "住院", "三万"]).at(-1)!));
    expect(line).toContain("长期备案");
  });
});
