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

describe("making up the registration: before discharge it settles directly, after discharge it is a claim", () => {
  const before = "可以在出院结算前补办备案";
  it.each(["出院一个月了还能补备案不", "已经出院了 能补办备案吗", "出了院才想起来没备案 还能补吗", "出院三天了 补备案还能报吗", "都出院半个月了 现在补备案有用吗"])(
    "%s → the after-discharge rule and the claim deadline, not the before-discharge paragraph",
    (text) => {
      const r = chat([text]).at(-1)!;
      expect(r[0]!.text).toContain("已经出院并全额自费结算的，可以按参保地规定补办备案，再回参保地申请手工报销");
      expect(r[0]!.text).toContain("手工报销期限");
      expect(r[0]!.text).not.toContain(before);
      expect(r[0]!.sources?.length).toBeGreaterThan(0);
    },
  );
  it.each(["出院前还能补备案吗", "还没出院 能补备案吗", "快出院了 没备案 现在补来得及吗", "明天出院 今天补备案行吗"])("%s → the before-discharge rule", (text) => {
    expect(chat([text]).at(-1)![0]!.text).toContain(before);
  });
  it("asked with the insured place known: that place's deadline or where to ask, no 告诉我您在哪里参保", () => {
    const r = chat(["我是苏州职工 在上海住院", "出院一个月了还能补备案不"]).at(-1)!;
    expect(r[0]!.text).toContain("已经出院并全额自费结算的");
    expect(r[0]!.text).not.toContain(m.general.whyCity.deadline);
  });
});

describe("an answer that asked for the city gets it, and keeps its word", () => {
  it.each([
    ["出院两个月了还能报吗", "我是武汉的 职工医保", "武汉的具体期限暂无数据"],
    ["手工报销多久之内要交材料", "南京的", "南京"],
    ["出院一个月了还能补备案不", "医保在苏州", "苏州"],
  ])("%s, then %s: the same answer for that place, not a new flow's question", (asked, city, local) => {
    const r = chat([asked, city]).at(-1)!;
    expect(r[0]!.text).toContain("手工报销期限");
    expect(r[0]!.text).toContain(local);
    expect(r[0]!.text).not.toContain(m.general.whyCity.deadline);
    expect(textOf(r)).not.toContain(m.ask.treatment);
  });
  it("手工报销要什么材料 without a city, then the city: the claim's own questions for that place", () => {
    const r = chat(["报销要带啥材料", "我是合肥的"]).at(-1)!;
    expect(textOf(r)).not.toContain(m.ask.insured);
  });
  it.each(["临时的", "临时备案", "是临时的"])("备案了能取消不, then %s: the temporary registration's rule alone", (kind) => {
    const r = chat(["备案了能取消不", kind]).at(-1)!;
    expect(r[0]!.text).toMatch(/^临时备案可以随时取消/);
    expect(r[0]!.text).not.toContain("长期备案");
  });
});

describe("materials: the list for the person's situation", () => {
  const claimList = "手工报销（先全额垫付、再回参保地报销）一般要准备";
  const registrationList = "全国统一要求的备案材料";
  it.each([
    ["我在北京看病先自己付了钱 没备案 已经出院了", "那材料呢"],
    ["在上海住院全额自费了 没备案", "要带啥材料"],
    ["出院一个月了还能补备案不", "那要准备啥资料"],
    ["手工报销要多久之内交", "材料呢"],
  ])("after a story of paying first (%s), %s → the manual claim's list", (story, asked) => {
    const r = chat([story, asked]).at(-1)!;
    expect(r[0]!.text).toContain(claimList);
    expect(r[0]!.text).toContain("发票");
    expect(textOf(r)).not.toContain(registrationList);
  });
  it("a materials question that names 备案 stays the registration's, even then", () => {
    const r = chat(["出院一个月了还能补备案不", "补备案要什么材料"]).at(-1)!;
    expect(r[0]!.text).not.toContain(claimList);
  });
  it.each([
    ["我想办异地长期居住备案", "异地长期居住人员"],
    ["我是退休了到外地定居 想办备案", "异地安置退休人员"],
    ["医院给我开了转诊 要去北京 怎么备案", "异地转诊人员"],
  ])("a kind of registration already known (%s) + 要带啥材料 → only its list", (first, name) => {
    const r = chat([first, "要带啥材料"]).at(-1)!;
    const t = r[0]!.text;
    expect(t).toContain(name);
    const others = ["异地安置退休人员", "异地长期居住人员", "常驻异地工作人员", "异地转诊人员", "异地急诊抢救人员", "其他临时外出就医人员"].filter((x) => x !== name);
    for (const other of others) expect(t).not.toContain(`· ${other}`);
  });
  it.each(["手工报销要什么材料", "回去报销要带啥", "自己垫的钱回老家报 要准备哪些东西", "报销要准备什么材料"])(
    "%s without a city: the national list at once, then why the city matters",
    (text) => {
      const r = chat([text]).at(-1)!;
      expect(r[0]!.text).toContain(claimList);
      expect(r[0]!.text).toContain(m.general.whyCity.claim);
      expect(r[0]!.sources?.length).toBeGreaterThan(0);
    },
  );
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
