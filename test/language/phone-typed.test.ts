/**
 * Phrasings people type on phones that the parser once misread (each a general rule, not a
 * sentence): 不是X 是Y as a correction, "看不懂 能说简单点不", what to bring when leaving hospital,
 * a deadline asked with 手工报销, 撤销备案 without 能/怎么, 咋办备案, 怎么查定点医院.
 */
import { describe, expect, it } from "vitest";
import { parse } from "../../src/language/index.ts";

describe("intents of phone-typed questions", () => {
  it.each([
    ["不是二级 是三级的", "correction"],
    ["不是居民 是职工", "correction"],
    ["看不懂 能说简单点不", "not_understood"],
    ["没明白 说通俗点", "not_understood"],
    ["出院的时候怎么结算 要带什么", "at_hospital"],
    ["住院的时候要跟医院说我是异地的吗", "at_hospital"],
    ["出院结账的时候能直接报吗", "at_hospital"],
    ["手工报销多久之内要交材料", "claim_deadline"],
    ["报销要在几个月以内交", "claim_deadline"],
    ["我想撤销备案 怎么弄", "cancel_change"],
    ["注销异地备案", "cancel_change"],
    ["我爸退休了要去北京跟我住 医保在包头 咋办备案", "registration_howto"],
    ["国家医保app上怎么查定点医院", "find_hospital"],
    ["啥样的人能办异地备案", "who_can_register"],
    ["异地备案有几类", "who_can_register"],
    ["app上咋弄备案", "registration_channels"],
    ["没有智能手机咋备案", "registration_channels"],
    ["去医保局窗口办要带啥", "registration_materials"],
    ["住院登记的时候要说异地备案了吗", "at_hospital"],
    ["备完案直接去医院就行吗", "at_hospital"],
    ["有没有人工客服电话", "hotline"],
    ["搬家到别的城市了 备案咋整", "cancel_change"],
    ["出院一个多月了 还能报销吗", "claim_deadline"],
    ["在外地开的药 回来能报吗", "manual_claim"],
    ["自费部分改成3000", "correction"],
    ["不对 医保是宁波的", "correction"],
    ["换个医院 去一级的呢", "correction"],
    ["异地长期居住是啥意思", "who_can_register"],
    ["常驻异地工作人员指的是什么人", "who_can_register"],
    ["直接结算是怎么结的", "at_hospital"],
    ["在医院窗口怎么直接结算", "at_hospital"],
    ["备案之后不去了 要取消吗", "cancel_change"],
    // Still what they were: bringing papers home for the claim, a long 不是…是… statement.
    ["出院带什么回去报销", "manual_claim"],
    ["不是转诊 是旅游的时候急诊住的院", "emergency"],
  ])("%s → %s", (text, intent) => {
    expect(parse(text).intent).toBe(intent);
  });
  it("a province and one of its own cities in one message are that city (去海南过冬 在海口住院)", () => {
    expect(parse("乌鲁木齐退休职工 去海南过冬 在海口住院花了3万").slots.treatmentRegion?.code).toBe("460100");
    const p = parse("我在广州打工 社保也是广州交的 回湖南老家株洲住院 花了1万5");
    expect(p.slots.treatmentRegion?.code).toBe("430200");
    expect(p.slots.insuredRegion?.code).toBe("440100");
    expect(p.ambiguities).toBeUndefined();
  });
  it("a level asked about or unsure is not stated (是三级医院吗我也不知道)", () => {
    expect(parse("住院花了两万 医保是重庆的 在成都 是三级医院吗我也不知道").slots.hospitalLevel).toBeUndefined();
    expect(parse("不清楚是不是三甲 在上海住院").slots.hospitalLevel).toBeUndefined();
    expect(parse("在上海三甲医院住院 能报多少").slots.hospitalLevel).toBe(3);
  });
  it("a place right after 医保 (医保义乌的, 医保武汗的)", () => {
    expect(parse("医保义乌的 去杭州住院 花了1万").slots.insuredRegion?.code).toBe("330700");
    expect(parse("医保武汗的 在北京住院 花了4万").slots.insuredRegion?.code).toBe("420100");
  });
  it("一分钱自费都没有 is no figure", () => {
    expect(parse("一分钱自费都没有", { expecting: "amount" }).slots).toEqual({});
  });
  it("figures people type loosely: 1万多点, 改成3000, 医院给转的", () => {
    expect(parse("医保是九江的 在南昌住院 花了1万多点").slots.amount).toBe("10000");
    expect(parse("自费部分改成3000").slots.outOfCatalog).toBe("3000");
    expect(parse("医院给转的", { expecting: "visitorType" }).slots.visitorType).toBe("referral");
  });
  it("不是X 是Y: the affirmed value fills the slot, the denied one does not", () => {
    expect(parse("不是二级 是三级的").slots.hospitalLevel).toBe(3);
    expect(parse("不是居民 是职工").slots.scheme).toBe("employee");
  });
});

// A later round (tuning7's misses, each fixed by a rule that reads other sentences too; none of
// these sentences is in an evaluation set).
describe("general questions asked sideways, and short messages", () => {
  it.each([
    ["啥情况下能办长期备案", "who_can_register"],
    ["常驻异地是指什么", "who_can_register"],
    ["挂号的时候出示医保码就行吗", "at_hospital"],
    ["刷社保卡就可以了吗 到了医院", "at_hospital"],
    ["在收费处结算要带啥", "at_hospital"],
    ["出院结算是不是直接减掉报销的", "at_hospital"],
    ["怎么找联网医院", "find_hospital"],
    ["回老家了 备案需要撤销吗", "cancel_change"],
    ["手工报销最迟什么时候交", "claim_deadline"],
    ["上个月的门诊发票现在还能报吗", "claim_deadline"],
    ["全国统一的医保热线", "hotline"],
    ["备案一次以后一直有效吗", "validity"],
    ["在成都住院 医保绵阳的 花了2万 能报好多", "estimate"],
    ["住院费报销的流程是啥", "manual_claim"],
    ["你说的这个我看不懂", "not_understood"],
    ["啥玩意儿 没看懂", "not_understood"],
    ["社保", "help"],
    ["怎么办呀", "out_of_scope"],
    ["咋整啊", "out_of_scope"],
    ["换上海算算", "correction"],
    ["出院以后医保那部分医院直接扣了吗", "at_hospital"],
    ["备案是免费的吗", "registration_howto"],
  ])("%s → %s", (text, intent) => {
    expect(parse(text).intent).toBe(intent);
  });
  it("a short how-word with a place or a field word still names its topic", () => {
    expect(parse("备案咋整").intent).not.toBe("out_of_scope");
    expect(parse("医保在苏州 咋办").intent).not.toBe("out_of_scope");
  });
  it("换上海算算: the lone place is where the care is", () => {
    expect(parse("换上海算算").slots.treatmentRegion?.code).toBe("310000");
  });
  it("emergency facts inside a whole case make it an estimate; a bare emergency question stays one", () => {
    expect(parse("急诊送进去的 在杭州 医保是湖州的 花了8千").intent).toBe("estimate");
    expect(parse("出差途中急诊 花了五千").intent).toBe("emergency");
  });
  it("two figures whose roles are asked about still make a message about a bill", () => {
    expect(parse("在南京住院 1万 3千 医保是扬州的").intent).toBe("estimate");
  });
  it("早就退了 answering whether the person is retired", () => {
    expect(parse("早就退了", { expecting: "personStatus" }).slots.personStatus).toBe("retired");
    expect(parse("已经退休了", { expecting: "personStatus" }).slots.personStatus).toBe("retired");
  });
});

describe("上班 as office hours is not the person working", () => {
  it("12393几点上班", () => {
    expect(parse("12393人工几点上班").slots.personStatus).toBeUndefined();
    expect(parse("我在深圳上班").slots.personStatus).toBe("working");
  });
});

describe("a status between the place and the scheme (郑州退休职工) still names where one is insured", () => {
  it.each([
    ["郑州退休职工 急诊 在北京住院 花了5万", "410100", "110000"],
    ["郑州在职的职工 在北京住院 花了5万", "410100", "110000"],
    ["长沙退休居民 急诊在广州住院 花了5万", "430100", "440100"],
  ])("%s", (text, insured, treatment) => {
    const r = parse(text);
    expect(r.intent).toBe("estimate");
    expect(r.slots.insuredRegion?.code).toBe(insured);
    expect(r.slots.treatmentRegion?.code).toBe(treatment);
  });
});

describe("not understood, in other words", () => {
  it.each(["我没明白你的意思啊", "这是啥意思呀", "看不懂呢 可不可以讲通俗一点", "你说的我真不懂", "什么意思 说人话"])(
    "%s is about the reply",
    (text) => expect(parse(text).intent).toBe("not_understood"),
  );
  it.each(["起付线是啥意思", "不懂怎么备案", "不明白为什么要备案", "乙类是什么意思"])("%s asks something of its own", (text) =>
    expect(parse(text).intent).not.toBe("not_understood"),
  );
});
