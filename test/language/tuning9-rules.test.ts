/**
 * Rules added from tuning9's first pass, each on sentences of their own (not the set's): a
 * question next to another (补备案 beside 直接结算, 回去报销 beside 结算, 提前备案 beside 能不能),
 * what a word means (起付线是啥意思), thanks and acknowledgements, the tax deduction for serious
 * illness, students' insurance, and the likeliest readings offered for a vague short question.
 */
import { describe, expect, it } from "vitest";
import { parse, readReply, isThanks } from "../../src/language/index.ts";

describe("a question next to its neighbour", () => {
  it.each([
    // making up the registration is asked; the settlement words say what for
    ["都出院了 补办备案以后还能直接报吗", "makeup_registration"],
    ["补上备案的话 结账能直接刷卡吗", "makeup_registration"],
    ["住着院呢 备案能补办不", "makeup_registration"],
    ["忘记备案了 人已经在医院躺着了 怎么弄", "makeup_registration"],
    // but with an emergency the emergency rule answers it
    ["急诊进去的 出院前要补备案吗", "emergency"],
    // the claim back home, whatever was said about the counter
    ["医院说结算不了 回去报销得带哪些东西", "manual_claim"],
    ["没能直接结算 回老家怎么报", "manual_claim"],
    ["刷不了卡 只能自己回去报 流程是啥", "manual_claim"],
    ["回单位报销都要准备些什么", "manual_claim"],
    // not a bill stated with both places: that is an estimate
    ["没法直接结算的话能报多少", "estimate"],
    // whether one has to register (not whether one is eligible)
    ["去杭州住院用不用提前备案", "need_register"],
    ["是不是得事先备案才行", "need_register"],
    ["必须先备案才能看病吗", "need_register"],
    // 取消 or 变更 of a registration
    ["备案不用了 能撤掉吗", "cancel_change"],
    ["换了单位去别的城市了 备案要重新改吗", "cancel_change"],
    ["搬回老家了 备案要不要注销", "cancel_change"],
    // how long ago, and whether it is still possible
    ["单子搁了半年多了 还行吗", "claim_deadline"],
    ["出院快三个月了 现在报还来得及吗", "claim_deadline"],
    // … unless the registration is what is late
    ["出院一个月了 没备案 现在补来得及吗", "makeup_registration"],
    // which people a kind means
    ["异地长期居住人员 指的是哪类人", "who_can_register"],
    // using it on the spot
    ["进了医院怎么刷异地医保", "at_hospital"],
  ])("%s → %s", (text, intent) => {
    expect(parse(text).intent).toBe(intent);
  });
  it("备案补充材料 is not making up the registration", () => {
    expect(parse("备案补充材料要交什么").intent).not.toBe("makeup_registration");
  });
  it("备案被退回了 is a result to check, not a cancellation", () => {
    expect(parse("备案让退回来了 咋回事").intent).not.toBe("cancel_change");
  });
});

describe("what a word means: the definition, not an estimate", () => {
  it.each([
    ["起付线啥意思啊", "term_deductible"],
    ["请问什么叫起付标准", "term_deductible"],
    ["乙类药品是指什么", "term_catalog"],
    ["目录外和乙类有什么区别", "term_catalog"],
    ["丙类是啥", "term_catalog"],
    ["自费的是什么意思", "term_catalog"],
    ["封顶线怎么理解", "term_cap"],
    ["统筹基金是干嘛的", "term_ratio"],
    ["报销比例是啥意思", "term_ratio"],
    ["解释一下直接结算", "term_direct"],
    ["参保地啥意思", "term_places"],
    ["什么是异地就医啊", "term_places"],
  ])("%s → definition (%s)", (text, topic) => {
    const p = parse(text);
    expect(p.intent).toBe("definition");
    expect(p.topic).toBe(topic);
  });
  it.each(["起付线是多少", "封顶线多少钱", "乙类自付比例是多少", "北京的报销比例是什么", "乙类药能报吗"])("%s asks a value, not a meaning", (text) => {
    expect(parse(text).intent).not.toBe("definition");
  });
});

describe("thanks and acknowledgements", () => {
  it.each(["谢啦", "谢谢哈", "好的 收到", "明白啦", "清楚了 谢谢", "行 知道了", "好嘞 麻烦你了", "感谢感谢", "辛苦了"])("%s is a polite close at the menu", (text) => {
    expect(parse(text).intent).toBe("greeting");
  });
  it.each(["明白了", "收到了 谢谢", "了解了", "好的好的 帮大忙了", "懂了"])("%s while a question is pending is thanks (不客气, and the question again)", (text) => {
    expect(readReply(text, { choices: ["苏州", "上海"] })).toEqual({ kind: "thanks" });
  });
  it("a bare 好的 / 嗯 is not thanks: it may be a yes or a go-on", () => {
    expect(isThanks("好的")).toBe(false);
    expect(isThanks("嗯")).toBe(false);
    expect(readReply("好的", { yesNo: true })).toEqual({ kind: "yes" });
  });
  it("thanks with a question after it is the question", () => {
    expect(isThanks("明白了 那押金呢")).toBe(false);
    expect(parse("谢谢 那起付线是多少").intent).not.toBe("greeting");
  });
  it("哈哈 alone is no thanks", () => {
    expect(parse("哈哈哈").intent).not.toBe("greeting");
  });
  it("a long run of filler is not read slowly (no nested repetition)", () => {
    const start = process.hrtime.bigint();
    expect(isThanks(`${"嗯".repeat(29)}x`)).toBe(false);
    expect(Number(process.hrtime.bigint() - start) / 1e6).toBeLessThan(1000);
  });
});

describe("the tax deduction for serious illness is not the serious-illness insurance", () => {
  it.each(["个税大病医疗怎么弄", "大病医疗专项附加扣除能扣多少", "个人所得税里的大病医疗要填啥", "医药费能在个税汇算里扣吗"])("%s → out_of_scope", (text) => {
    expect(parse(text).intent).toBe("out_of_scope");
  });
  it("… with a pointer to where it is asked instead (topic tax)", () => {
    expect(parse("大病医疗的个税扣除咋填").topic).toBe("tax");
    expect(parse("公积金怎么取").topic).toBeUndefined();
  });
  it("大病保险 itself stays serious_illness", () => {
    expect(parse("异地住院大病保险能一起报吗").intent).toBe("serious_illness");
  });
});

describe("students' insurance is a question about what applies to the person", () => {
  it.each(["大学生医保", "我在外地读书 学校交的医保 生病了咋办", "学生医保回老家看病能用不"])("%s → eligibility", (text) => {
    expect(parse(text).intent).toBe("eligibility");
  });
});

describe("a vague short question: the likeliest readings are offered", () => {
  it.each([
    ["报销这块", ["manual_claim", "estimate"]],
    ["备案的事情", ["registration_howto", "registration_materials"]],
    ["问下结算", ["at_hospital", "manual_claim"]],
  ] as const)("%s → choices among %j", (text, some) => {
    const p = parse(text);
    expect(p.confidence).toBeLessThan(0.6);
    expect(p.candidates?.length).toBeGreaterThanOrEqual(2);
    expect(p.candidates?.length).toBeLessThanOrEqual(3);
    for (const i of some) expect(p.candidates).toContain(i);
  });
  it("报销流程 alone is as likely the claim as the registration's steps: both are offered", () => {
    const p = parse("报销的流程");
    expect(p.candidates).toEqual(expect.arrayContaining(["manual_claim", "registration_howto"]));
  });
  it("结算咋弄 (the how-word after it) is how settlement works", () => {
    expect(parse("结账要咋弄").intent).toBe("at_hospital");
  });
  it("a clear question offers no choices", () => {
    expect(parse("备案要带什么材料").candidates).toBeUndefined();
  });
});

describe("general questions in other words (issue 10 item 6)", () => {
  it.each([
    ["去哪儿可以办备案啊", "registration_channels"],
    ["需不需要去办个备案", "need_register"],
    ["出院的时候是不是只要付个人那一块", "at_hospital"],
    ["转诊备案可以提前终止吗", "cancel_change"],
    ["出院以后几个月得去报销", "claim_deadline"],
  ])("%s → %s", (text, intent) => {
    expect(parse(text).intent).toBe(intent);
  });
  it.each(["没有户口本还能办异地安置吗", "公司开不出派出证明怎么办", "缺租房合同 能备案不"])("%s → the commitment letter (承诺书) topic", (text) => {
    expect(parse(text).topic).toBe("commitment");
  });
  it("多久能报下来 is how long a claim takes, not its deadline", () => {
    expect(parse("回去报销多久能报下来").intent).not.toBe("claim_deadline");
  });
});
