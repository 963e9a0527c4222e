import { describe, expect, it } from "vitest";
import { parse } from "../../src/language/index.ts";

describe("a negated cue never fills the slot it names", () => {
  it.each([
    ["南昌职工 去广州住院 没办转诊 花了3万", "visitorType", "referral"],
    ["没走转诊 直接去的上海", "visitorType", "referral"],
    ["不是三甲医院 在苏州住院", "hospitalLevel", 3],
    ["不是单位派的 在深圳住院", "visitorType", "stationed_worker"],
    ["不是急诊 在杭州住院", "visitorType", "emergency"],
    ["没住院 就看了门诊", "setting", "inpatient"],
    ["没去医院住院 就在药店买药", "setting", "inpatient"],
    ["没在医院住过院", "setting", "inpatient"],
    ["我不是职工医保 在北京看病", "scheme", "employee"],
  ])("%s: %s is not %s", (text, slot, value) => {
    const p = parse(text);
    expect((p.slots as Record<string, unknown>)[slot]).not.toBe(value);
    expect(p.negated?.length ?? 0).toBeGreaterThan(0);
  });

  it("negated forms are reported for the read-back", () => {
    expect(parse("不是单位派的").negated).toEqual(["stationed"]);
    expect(parse("没办转诊").negated).toEqual(["visitorType"]);
    expect(parse("不是三甲").negated).toEqual(["hospitalLevel"]);
  });
});

describe("where the negation implies the opposite, it fills that", () => {
  it.each([
    ["没备案 在上海住院花了2万", { visitorType: "unregistered" }],
    ["还没备案就住院了", { visitorType: "unregistered" }],
    ["未备案", { visitorType: "unregistered" }],
    ["没办备案去外地住院", { visitorType: "unregistered" }],
    ["忘了备案 能补吗", { visitorType: "unregistered" }],
    ["我还没退休 在职", { personStatus: "working" }],
    ["他没退休", { personStatus: "working" }],
  ])("%s", (text, want) => {
    expect(parse(text).slots).toMatchObject(want);
  });
  it("an emergency stays an emergency even without registration (视同备案)", () => {
    expect(parse("出差突发急诊住院 没来得及备案").slots.visitorType).toBe("emergency");
  });
});

describe("negated and affirmed in one sentence", () => {
  it("contrast: the affirmed one after the negation wins", () => {
    expect(parse("不是转诊是急诊").slots.visitorType).toBe("emergency");
    expect(parse("不是三甲是二甲").slots.hospitalLevel).toBe(2);
    expect(parse("不是居民医保 是职工医保").slots.scheme).toBe("employee");
  });
  it("the same cue affirmed after its negation stands", () => {
    expect(parse("一开始没转诊 后来医生给开了转诊").slots.visitorType).toBe("referral");
  });
  it("affirmed first and then denied: asked, not guessed", () => {
    const p = parse("转诊过来的 哦不对 没转诊");
    expect(p.slots.visitorType).toBeUndefined();
    expect(p.ambiguities).toEqual([{ slot: "visitorType", candidates: ["referral"], text: "没转诊" }]);
  });
  it("a question is not a negation", () => {
    expect(parse("要不要转诊").negated).toBeUndefined();
    expect(parse("是不是三甲医院才能报").negated).toBeUndefined();
    expect(parse("备案了没").slots.visitorType).toBeUndefined();
  });
});

describe("more ways of saying no", () => {
  it.each([
    ["莫得备案 在重庆住院了", { visitorType: "unregistered" }],
    ["木有备案 去北京看病", { visitorType: "unregistered" }],
    ["冇备案 在广州住院", { visitorType: "unregistered" }],
  ])("dialect for 没有: %s", (text, want) => {
    expect(parse(text).slots).toMatchObject(want);
  });
  it("someone between the negation and the verb (医生没给开转诊) is still a negation", () => {
    expect(parse("医生没给开转诊 在上海住院").slots.visitorType).toBeUndefined();
    expect(parse("医院没帮我办转诊 去的北京").slots.visitorType).toBeUndefined();
  });
  it("不是新农合 是职工医保: the denied scheme gives way to the affirmed one", () => {
    expect(parse("不是新农合 是职工医保 在上海住院").slots.scheme).toBe("employee");
    expect(parse("不是合作医疗 是职工的").slots.scheme).toBe("employee");
  });
});

describe("cue words inside place names are not cues", () => {
  it("保定居民 is a 居民 of 保定, not someone 定居 somewhere", () => {
    const p = parse("保定居民 北京住院 花了2万");
    expect(p.slots.visitorType).toBeUndefined();
    expect(p.slots.scheme).toBe("resident");
  });
});
