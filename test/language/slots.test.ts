import { describe, expect, it } from "vitest";
import { parse, type Slots } from "../../src/language/index.ts";

describe("small slots", () => {
  it.each<[string, Partial<Slots>]>([
    ["住院", { setting: "inpatient" }],
    ["看门诊", { setting: "outpatient" }],
    ["门慢", { setting: "chronic_outpatient" }],
    ["慢性病门诊", { setting: "chronic_outpatient" }],
    ["三甲", { hospitalLevel: 3 }],
    ["二甲医院", { hospitalLevel: 2 }],
    ["社区医院", { hospitalLevel: 1 }],
    ["卫生院", { hospitalLevel: 1 }],
    ["单位给交的", { scheme: "employee" }],
    ["新农合", { scheme: "resident" }],
    ["农村医保", { scheme: "resident" }],
    ["退休了", { personStatus: "retired" }],
    ["还没退休", { personStatus: "working" }],
    ["在职", { personStatus: "working" }],
    ["退休了跟子女住", { personStatus: "retired", visitorType: "retiree_relocated" }],
    ["常住", { visitorType: "long_term_resident" }],
    ["单位派过去的", { visitorType: "stationed_worker" }],
    ["医院开了转诊", { visitorType: "referral" }],
    ["不转诊", {}],
    ["急诊", { visitorType: "emergency" }],
    ["旅游突发急病", { visitorType: "emergency" }],
    ["探亲", { visitorType: "temporary_other" }],
    ["临时备案", {}],
    ["审核几个工作日", {}],
  ])("%s", (text, want) => {
    expect(parse(text).slots).toEqual(want);
  });

  it("reads a bare level as the answer to a level question only", () => {
    expect(parse("2", { expecting: "hospitalLevel" }).slots.hospitalLevel).toBe(2);
    expect(parse("二级", { expecting: "hospitalLevel" }).slots.hospitalLevel).toBe(2);
    expect(parse("3", { expecting: "hospitalLevel" }).slots.hospitalLevel).toBe(3);
    expect(parse("2").slots.hospitalLevel).toBeUndefined();
    expect(parse("3万", { expecting: "amount" }).slots.amount).toBe("30000");
  });

  it("gives a bare answer a low-confidence out_of_scope, but lets commands through", () => {
    const p = parse("苏州", { expecting: "insuredRegion" });
    expect(p.intent).toBe("out_of_scope");
    expect(p.confidence).toBeLessThan(0.5);
    expect(parse("取消", { expecting: "amount" }).intent).toBe("cancel");
    expect(parse("上一步", { expecting: "amount" }).intent).toBe("back");
  });

  it("is confident on strong cues and unsure on defaults", () => {
    const strong = parse("我在苏州交的职工医保，在上海三甲医院住院花了3万，能报多少");
    expect(strong.intent).toBe("estimate");
    expect(strong.confidence).toBeGreaterThan(0.8);
    expect(parse("asdfgh").confidence).toBeLessThan(0.4);
  });
});

describe("退 of money is not 退休", () => {
  it.each([
    "押金已经退了",
    "钱已经退了",
    "已经退了押金",
    "多交的已经退了",
    "医院已经退了两千",
    "押金早就退了 在上海住的院",
    "退费已经退了",
  ])("%s says nothing of retirement", (text) => {
    expect(parse(text).slots.personStatus).toBeUndefined();
  });

  it.each([
    ["押金早就退了 我妈去年退休的", "retired"],
    ["我已经退了", "retired"],
    ["他早退了 在苏州住院", "retired"],
    ["已经退了两年了", "retired"],
    ["退休了 押金退了吗", "retired"],
  ])("%s is still %s", (text, want) => {
    expect(parse(text).slots.personStatus).toBe(want);
  });
});
