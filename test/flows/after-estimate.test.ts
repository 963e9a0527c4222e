/**
 * Follow-ups under an estimate and facts that must not be guessed (QA4 Q27, Q25, Q53, Q97): the
 * ratio asked is the one used, with its source; another kind of registration supposed is worked
 * out again; staying with family asks long or short; a monthly spend is a year of outpatient
 * care, said so; a retiree without retirees' figures is told so once, plainly.
 */
import { describe, expect, it } from "vitest";
import { chat, estimateOf, textOf } from "./chat.ts";

const last = (inputs: string[]) => textOf(chat(inputs).at(-1)!);

describe("the ratio asked right after an estimate", () => {
  it.each(["报销比例是百分之多少", "按多少比例报的", "报几成啊", "比例是多少"])("%s → the ratio used, with its source", (input) => {
    const t = last(["北京职工 在上海住院 3万", input]);
    expect(t).toContain("× 85%");
    expect(t).toMatch(/依据：《[^》]+》/u);
    expect(t).not.toContain("想改哪一项");
    expect(t).not.toMatch(/^简单说/u);
  });
});

describe("another kind of registration supposed", () => {
  it.each(["那长期的呢", "改成长期", "那长期备案呢", "要是长期的呢"])("%s after a temporary estimate → worked out as long-term", (input) => {
    const t = last(["武汉职工 在北京住院 3万", input]);
    expect(estimateOf(chat(["武汉职工 在北京住院 3万", input]).at(-1)!)).toMatch(/^按：[^\n]*长期备案/mu);
    expect(t).not.toContain("有效期");
  });

  it("改成长期 while the amount is asked: applied, the amount still asked", () => {
    const t = last(["武汉职工 在北京住院 3万", "改成门诊", "改成长期"]);
    expect(t).toContain("长期备案");
    expect(t).toContain("这次总共花了多少钱");
    expect(t).not.toContain("有效期");
  });

  it("那临时的呢 after a long-term estimate → 其他临时外出", () => {
    expect(estimateOf(chat(["武汉职工 在北京住院 3万 长期备案", "那临时的呢"]).at(-1)!)).toMatch(/^按：[^\n]*其他临时外出/mu);
  });
});

describe("staying with family, for how long not said", () => {
  it.each([
    ["医保在洛阳", "退休", "在郑州我哥家住", "住院了 花了一万多"],
    ["洛阳退休职工", "现在跟着女儿住 在郑州", "住院花了2万"],
    ["洛阳职工 退休", "在郑州我姐那边住", "住院花了3万"],
  ])("%s … → asks which registration, not 其他临时外出 assumed", (...inputs) => {
    const replies = chat(inputs);
    const t = textOf(replies.at(-1)!);
    expect(t).toContain("您办的是哪种异地就医备案");
    expect(estimateOf(replies.at(-1)!)).toBeUndefined();
  });
});

describe("a monthly spend", () => {
  it.each(["一个月500", "每个月大概500", "每月500块"])("%s at the outpatient amount → a year of it, said so", (input) => {
    const t = last(["南昌退休职工 在深圳住院 3万", "那门诊呢", input]);
    expect(t).toContain("总费用 6000 元（您说每月 500 元，按一年 12 个月算）");
    expect(t).toContain("普通门诊");
  });

  it("一个月500 said with the case at once → outpatient, a year of it", () => {
    const t = estimateOf(chat(["北京职工 在上海看门诊 一个月500"])[0]!);
    expect(t).toContain("总费用 6000 元（您说每月 500 元，按一年 12 个月算）");
  });

  it("住了一个月 花了3万 is one stay's bill", () => {
    const t = estimateOf(chat(["北京职工 在上海住院 住了一个月 花了3万"])[0]!);
    expect(t).toContain("总费用 30000 元");
    expect(t).not.toContain("每月");
  });
});

describe("a retiree where the data has no retirees' figures", () => {
  it("says it once, plainly, naming the place", () => {
    const t = estimateOf(chat(["荆州退休职工 在广州住院 5万"])[0]!)!;
    expect(t).toContain("荆州市没有退休人员单独的数据，按在职的比例算");
    expect(t).not.toContain("没有退休人员的数据，按在职算");
  });
});
