/**
 * Rules added from tuning8's first pass, each on sentences of its own (not the set's): a role
 * word that ends its clause, a figure after a role word earlier in the clause, 是不是 that asks,
 * a deposit or 门诊慢特病 inside a whole case, registration done later, a trip denied, past
 * work, dialect of the retired, corrections while a question is pending, general questions.
 */
import { describe, expect, it } from "vitest";
import { parse } from "../../src/language/index.ts";

describe("amounts in their roles", () => {
  it.each([
    ["在苏州住院 花了2万 先交了8千押金", { amount: "20000", deposit: "8000" }],
    ["在南京住院 总共5万 有6千是自费的", { amount: "50000", outOfCatalog: "6000" }],
    ["医保无锡 在上海住院 一共4万 其中有5千是乙类", { amount: "40000", classB: "5000" }],
  ])("a role word after the last figure names it: %s", (text, want) => {
    expect(parse(text).slots).toMatchObject(want);
  });
  it.each([
    ["医保扬州 南京住院 花了2万 起付线是不是900", { amount: "20000", quotedDeductible: "900" }],
    ["总共3万 起付线我们那边1500 医保在泰州", { amount: "30000", quotedDeductible: "1500" }],
    ["在上海住院 一共6万 自费药2000多", { amount: "60000", outOfCatalog: "2000" }],
  ])("a figure after a role word earlier in its clause is that part: %s", (text, want) => {
    expect(parse(text).slots).toMatchObject(want);
  });
  it("a role word after a unit and a space still leads into the next figure (八万块钱 乙类的大概有一万五)", () => {
    expect(parse("一共花了六万块钱 乙类的话大概有八千 自费两千").slots).toMatchObject({ amount: "60000", classB: "8000", outOfCatalog: "2000" });
  });
  it("是不是 before a figure asks; it does not deny the figure", () => {
    expect(parse("起付线是不是1200").slots.quotedDeductible).toBe("1200");
    expect(parse("金额是4万不是3万").slots.amount).toBe("40000");
  });
  it("a cost per period is money (透析一个月5000)", () => {
    expect(parse("杭州居民 在上海门诊慢特病 透析一个月5000").slots.amount).toBe("5000");
    expect(parse("每次300 在北京看门诊").slots.amount).toBe("300");
  });
  it("a total named as such answers no question about a part", () => {
    expect(parse("说错了 一共花了4万1", { expecting: "classB" }).slots).toEqual({ amount: "41000" });
    expect(parse("5000", { expecting: "classB" }).slots).toEqual({ classB: "5000" });
  });
});

describe("topics inside a whole case", () => {
  it.each([
    "医保在徐州 在南京住院 押金交了2万 出院结了3万1",
    "预交金1万 最后花了1万5 医保镇江 在苏州住院",
    "医保邯郸 北京住院 门诊慢特病 一个月花了4000",
  ])("a deposit or 门诊慢特病 with the bill and both places is an estimate: %s", (text) => {
    expect(parse(text).intent).toBe("estimate");
  });
  it("a deposit question without a bill stays one", () => {
    expect(parse("外地住院押金一般交多少").intent).toBe("deposit");
  });
  it("生完孩子 is about maternity", () => {
    expect(parse("我老婆在深圳生完孩子 花了9千 医保在惠州").intent).toBe("maternity");
  });
});

describe("negation and what comes after it", () => {
  it.each([
    "没备案 但是后来备案了 在杭州住院 花了2万 医保在湖州",
    "当时没备案 后来补上了 在上海住院花了3万 医保嘉兴",
    "原来没备过案 出发前办好了 在北京住院花了5万 医保保定",
  ])("registered later wins over 没备案: not unregistered (%s)", (text) => {
    const p = parse(text);
    expect(p.slots.visitorType).toBeUndefined();
    expect(p.intent).toBe("estimate");
  });
  it("没备案 with nothing after it is still unregistered, and 想补办 is not done yet", () => {
    expect(parse("没备案 在杭州住院 花了2万 医保在湖州").slots.visitorType).toBe("unregistered");
    expect(parse("没备案 想补办一下 在杭州住院 医保在湖州").slots.visitorType).toBe("unregistered");
  });
  it("备案没办: the registration named first, then denied", () => {
    expect(parse("备案还没办 在广州住院了 医保是肇庆的").slots.visitorType).toBe("unregistered");
  });
  it("a denied trip is no trip (不是去旅游的)", () => {
    expect(parse("不是去旅游的 在三亚住了好几年了 医保是哈尔滨的").slots.visitorType).toBe("long_term_resident");
    expect(parse("不是出差 医保在福州 在厦门住院").slots.visitorType).toBeUndefined();
  });
  it("a holiday trip is a temporary one", () => {
    expect(parse("五一假期去杭州玩 住院了 医保是上海的").slots.visitorType).toBe("temporary_other");
    expect(parse("春节回老家 在老家住院了").slots.visitorType).toBe("temporary_other");
  });
});

describe("working, retired, and work in the past", () => {
  it.each([
    ["我妈以前在纺织厂上班", { scheme: "employee" }],
    ["他原来在单位工作 现在退休了", { scheme: "employee", personStatus: "retired" }],
    ["退休前在河南工作", { personStatus: "retired" }],
  ])("past work is not 在职: %s", (text, want) => {
    expect(parse(text).slots).toEqual(want);
  });
  it("still working now is", () => {
    expect(parse("他现在还在厂里上班").slots.personStatus).toBe("working");
  });
  it.each(["不上班了 前年退的", "早就退了", "去年就退了"])("%s is retired", (text) => {
    expect(parse(text, { expecting: "personStatus" }).slots.personStatus).toBe("retired");
  });
  it("不上班了 alone says no status", () => {
    expect(parse("不上班了", { expecting: "personStatus" }).slots.personStatus).toBeUndefined();
  });
});

describe("corrections", () => {
  it.each([
    ["4万2 不是4万", { amount: "42000" }],
    ["那深圳呢", { treatmentRegion: "440300" }],
    ["要是没走转诊呢", {}],
    ["前面说的不对 她是居民医保", { scheme: "resident" }],
  ])("%s", (text, want) => {
    const p = parse(text);
    expect(p.intent).toBe("correction");
    expect(Object.fromEntries(Object.entries(p.slots).map(([k, v]) => [k, typeof v === "object" ? v.code : v]))).toEqual(want);
  });
  it("a correction of another fact while a question is pending stays a correction", () => {
    expect(parse("不对 是二级医院", { expecting: "amount" }).intent).toBe("correction");
    expect(parse("总费用是6万不是5万", { expecting: "scheme" }).intent).toBe("correction");
  });
  it("an answer to the pending question is an answer, even in words of correction", () => {
    expect(parse("不是门诊 是住院", { expecting: "setting" })).toMatchObject({ intent: "out_of_scope", slots: { setting: "inpatient" } });
    expect(parse("没有自费的", { expecting: "outOfCatalog" }).intent).toBe("out_of_scope");
    expect(parse("乙类没有", { expecting: "classB" }).intent).toBe("out_of_scope");
  });
});

describe("corrections of one part of the bill, and corrections in few words", () => {
  it.each([
    ["预交金不是2万 是1万5", { deposit: "15000" }],
    ["乙类不是三千 是四千", { classB: "4000" }],
    ["目录外的不是800 是1200", { outOfCatalog: "1200" }],
  ])("the figure put in place of a denied one keeps the denied one's role: %s", (text, want) => {
    const p = parse(text);
    expect(p.intent).toBe("correction");
    expect(p.slots).toEqual(want);
  });
  it.each([
    ["在本地看门诊呢", { setting: "outpatient" }],
    ["按三级医院算算", { hospitalLevel: 3 }],
  ])("%s is a supposition about the last answer", (text, want) => {
    const p = parse(text);
    expect(p.intent).toBe("correction");
    expect(p.slots).toEqual(want);
  });
  it("医保是在X names the insured place", () => {
    expect(parse("说错了 医保是在连云港").slots.insuredRegion?.code).toBe("320700");
  });
});

describe("general questions in new words", () => {
  it.each([
    ["异地安置是什么意思呀", "who_can_register"],
    ["临时外出备案是啥", "who_can_register"],
    ["长期居住怎么认定", "who_can_register"],
    ["常住要住多久才算", "who_can_register"],
    ["进了医院先去哪登记", "at_hospital"],
    ["去医院之前要先预约吗", "at_hospital"],
    ["就在外地待两天 也要备案吗", "need_register"],
    ["没备案的话能直接结算吗", "need_register"],
    ["单据放了半年了还能报吗", "claim_deadline"],
    ["多久以内要回去报", "claim_deadline"],
    ["你这写的啥", "not_understood"],
  ])("%s → %s", (text, intent) => {
    expect(parse(text).intent).toBe(intent);
  });
  it("an emergency without registration stays about the emergency", () => {
    expect(parse("急诊没备案能报吗").intent).toBe("emergency");
  });
});

describe("replies and questions probed after the first round", () => {
  it("a stay with no 院 answering the setting question, and a visit for medicine", () => {
    expect(parse("就拿了点药", { expecting: "setting" }).slots.setting).toBe("outpatient");
    expect(parse("看了一下门诊", { expecting: "setting" }).slots.setting).toBe("outpatient");
  });
  it("刚退 is retired; a hospital that asked for the transfer is a referral", () => {
    expect(parse("刚刚退休", { expecting: "personStatus" }).slots.personStatus).toBe("retired");
    expect(parse("医生建议转过去的", { expecting: "visitorType" }).slots.visitorType).toBe("referral");
  });
  it("算错了 / 填错了 start a correction", () => {
    expect(parse("填错了 他是退休的").intent).toBe("correction");
  });
  it("a counter that refuses direct settlement is a question about the hospital visit", () => {
    expect(parse("收费处说不能直接结算 咋办").intent).toBe("at_hospital");
  });
  it("not settled directly, a while after discharge: how late a claim may come", () => {
    expect(parse("出院快两个月了 当时没有直接结算 现在还能报吗").intent).toBe("claim_deadline");
  });
  it.each([
    ["备案去哪个官网弄", "registration_channels"],
    ["备案大概需要几天", "review_time"],
    ["没备案的话 医院能直接刷吗", "need_register"],
    ["备案以后 医院能直接刷吗", "find_hospital"],
    ["麻烦帮我算一下", "estimate"],
    ["社保卡掉了 在外地咋补", "out_of_scope"],
  ])("%s → %s", (text, intent) => {
    expect(parse(text).intent).toBe(intent);
  });
});
