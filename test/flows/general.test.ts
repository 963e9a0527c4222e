/**
 * General questions are answered at once from the national rules, with their source, at the
 * menu and in the middle of a flow; the city is asked only where the answer depends on it.
 */
import { describe, expect, it } from "vitest";
import { GENERAL_TOPICS, generalAnswer } from "../../src/conversation/general.ts";
import { flowMessages as m } from "../../src/messages/flows.ts";
import { chat, NOW, textOf } from "./chat.ts";

describe("general answers from the national rules", () => {
  it.each(GENERAL_TOPICS.filter((t) => t !== "tax"))("%s has an answer with its source", (topic) => {
    const f = generalAnswer(topic, {}, NOW);
    expect(f?.text.length).toBeGreaterThan(20);
    expect(f?.source).toMatch(/\S/);
  });
  it("who may register: all six kinds, by term", () => {
    const t = generalAnswer("who_can_register", {}, NOW)!.text;
    for (const name of ["异地安置退休人员", "异地长期居住人员", "常驻异地工作人员", "异地转诊人员", "异地急诊抢救人员", "其他临时外出就医人员"]) expect(t).toContain(name);
  });
  it("the hotline: 12393 only as the unverified number it is, and where the local number is found", () => {
    const f = generalAnswer("hotline", {}, NOW)!;
    // Every number in the answer is one of the two the facts name, and 12393 comes with its caveat.
    expect(f.text.match(/\d{4,}/g)).toEqual(["12393", "12333"]);
    expect(f.text).toMatch(/12393[^。；]*没能在官方来源核实/);
    expect(f.text).toMatch(/12333，那是人社/);
    expect(f.text).toContain("参保地医保局官网");
    expect(f.text).toContain("国家医保服务平台APP");
    expect(f.source).toContain("聚合页");
  });
  it("医保电话多少 at the menu gets that answer, not a question", () => {
    const r = chat(["医保电话多少"]).at(-1)!;
    expect(r[0]!.text).toContain("12393");
    expect(r[0]!.text).toContain("参保地医保局官网");
    expect(textOf(r)).not.toContain(m.ask.insured);
  });
  it("materials: the city is asked for, with the reason, only while it is not known", () => {
    expect(generalAnswer("registration_materials", {}, NOW)!.text).toContain(m.general.whyCity.materials);
    expect(generalAnswer("registration_materials", { insured: "320500" }, NOW)!.text).not.toContain(m.general.whyCity.materials);
  });
  it("claim deadline: the region's own when it has one, else the national default with the reason to ask", () => {
    expect(generalAnswer("claim_deadline", {}, NOW)!.text).toContain(m.general.whyCity.deadline);
  });
});

describe("asked in the middle of a flow", () => {
  it("哪些医院能直接结算 while the insured place is asked: answered with its source, then the question again", () => {
    const r = chat(["/estimate", "哪些医院能直接结算"]).at(-1)!;
    expect(r[0]!.text).toContain("异地联网医药机构");
    expect(r[0]!.sources?.length).toBeGreaterThan(0);
    expect(textOf(r)).toContain(m.ask.insured);
  });
});

describe("asked the way people type, at the menu: the general answer at once, with its source", () => {
  it.each([
    ["出院的时候怎么结算 要带什么", "at_hospital"],
    ["去医院看病要带社保卡吗 还是扫码就行", "at_hospital"],
    ["出院结账的时候能直接报吗", "at_hospital"],
    ["手工报销多久之内要交材料", "claim_deadline"],
    ["垫付的钱回去报 要在几个月内报完", "claim_deadline"],
    ["我想撤销备案 怎么弄", "cancel_change"],
    ["国家医保app上怎么查定点医院", "find_hospital"],
  ] as const)("%s → %s", (text, topic) => {
    const r = chat([text]).at(-1)!;
    const want = generalAnswer(topic, {}, NOW)!;
    expect(r[0]!.text).toContain(want.text.split("\n")[0]);
    expect(r[0]!.sources?.length).toBeGreaterThan(0);
    expect(textOf(r)).not.toContain(m.ask.insured);
  });
});

describe("what a word means: answered at once, in plain words, with the national rule and its source", () => {
  it.each([
    ["起付线是啥意思", "term_deductible"],
    ["乙类药是什么", "term_catalog"],
    ["封顶线指的是啥", "term_cap"],
    ["啥叫直接结算", "term_direct"],
    ["参保地是什么意思", "term_places"],
  ] as const)("%s at the menu → %s, no question for the city and no estimate", (text, topic) => {
    const r = chat([text]).at(-1)!;
    const want = generalAnswer(topic, {}, NOW)!;
    expect(r[0]!.text).toContain(m.general.terms[topic]);
    expect(r[0]!.text).toContain(want.text.split("\n").at(-1));
    expect(r[0]!.sources?.length).toBeGreaterThan(0);
    expect(textOf(r)).not.toContain(m.ask.insured);
    expect(textOf(r)).not.toContain("医保基金支付");
  });
  it("the money words point to the national principle: whose catalogue, whose deductible and ratio", () => {
    for (const topic of ["term_deductible", "term_catalog", "term_cap", "term_ratio"] as const) {
      expect(generalAnswer(topic, {}, NOW)!.text).toContain("参保地");
    }
  });
  it("asked while the estimate asks for the insured place: the meaning, then the same question again", () => {
    const r = chat(["/estimate", "起付线是什么意思"]).at(-1)!;
    expect(r[0]!.text).toContain(m.general.terms.term_deductible);
    expect(textOf(r)).toContain(m.ask.insured);
  });
  it("no meaning contains a figure of its own (figures come only from policies/)", () => {
    for (const text of Object.values(m.general.terms)) expect(text).not.toMatch(/\d/u);
  });
});

describe("the tax deduction for serious illness: not ours, with where to ask instead", () => {
  it.each(["个税大病医疗", "大病医疗专项附加扣除怎么填"])("%s at the menu → the pointer, not 没看懂 and not 大病保险", (text) => {
    const r = chat([text]).at(-1)!;
    expect(r[0]!.text).toBe(m.general.tax);
    expect(textOf(r)).not.toContain("没看懂");
    expect(textOf(r)).not.toContain("一单结算");
  });
  it("asked while a question is pending: the pointer, then the question again", () => {
    const r = chat(["/estimate", "个税里的大病医疗能扣多少"]).at(-1)!;
    expect(r[0]!.text).toBe(m.general.tax);
    expect(textOf(r)).toContain(m.ask.insured);
  });
  it("states no rule and no figure of its own", () => {
    expect(generalAnswer("tax", {}, NOW)!.source).toBeUndefined();
    expect(m.general.tax).not.toMatch(/\d/u);
  });
});
