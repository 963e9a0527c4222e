/**
 * Rules added from tuning10's first pass, each on sentences of its own (not the set's): a figure
 * said to come on top of another, a stay counted in days, the scheme a person has now, students,
 * the role of a place put in place of another, suppositions and bare changes as corrections, a
 * fact said both ways answering the question about it.
 */
import { describe, expect, it } from "vitest";
import { parse } from "../../src/language/index.ts";

const code = (p: { code: string } | undefined) => p?.code;

describe("a figure on top of another (另外/还有/加上)", () => {
  it.each([
    ["在南京住院花了2万6 另外还有4000的进口药", ["26000", "4000"]],
    ["结账三万 加上外面买的药八千", ["30000", "8000"]],
    ["花了1万5 还有门诊的900", ["15000", "900"]],
  ])("is asked about with the first, never dropped: %s", (text, candidates) => {
    const p = parse(text);
    expect(p.slots.amount).toBeUndefined();
    const amb = p.ambiguities?.find((a) => a.slot === "amount");
    expect(amb?.candidates).toEqual(candidates);
    expect(amb?.added).toEqual([candidates[1]]);
  });
  it("a figure named as a part stays that part (另外押金交了8千, 还有乙类3千)", () => {
    expect(parse("住院总共4万 另外押金交了8千").slots).toMatchObject({ amount: "40000", deposit: "8000" });
    expect(parse("花了5万 还有乙类3千").slots).toMatchObject({ amount: "50000", classB: "3000" });
  });
  it("the sum said after them is the bill (花了3万 加上门诊的2千 一共3万2)", () => {
    const p = parse("住院花了3万 加上之前的2千 一共3万2");
    expect(p.slots.amount).toBe("32000");
    expect(p.ambiguities ?? []).toEqual([]);
  });
  it("on top of a part, not of a bill, it is the bill (今年报过1万 这次又花了4万)", () => {
    expect(parse("今年已经报过1万了 这次又花了4万").slots).toMatchObject({ yearToDate: "10000", amount: "40000" });
  });
  it("said alone, it is offered on top of the bill already known", () => {
    const amb = parse("另外还有3000的药费").ambiguities?.find((a) => a.slot === "amount");
    expect(amb).toMatchObject({ candidates: ["3000"], added: ["3000"] });
  });
  it("还有 before a count is not money", () => {
    expect(parse("还有3个人要问").slots.amount).toBeUndefined();
  });
});

describe("a stay counted in days is in hospital", () => {
  it.each(["在合肥住了4天 花了7千", "住了十来天 一共两万", "在医院住了两个礼拜", "在长沙住了大半个月 花了5万", "住了一周 花了9000"])("%s", (text) => {
    expect(parse(text).slots.setting).toBe("inpatient");
  });
  it.each(["在儿子家住了一个礼拜 回来就病了", "去三亚玩住了三天", "在上海住了三年了", "出差住了五天"])("not at home, on a trip or for years: %s", (text) => {
    expect(parse(text).slots.setting).toBeUndefined();
  });
});

describe("the scheme the person has now", () => {
  it.each([
    ["之前是新农合 今年换成职工医保了", "employee"],
    ["原来单位交职工 后来辞职了交的居民", "resident"],
    ["去年是居民医保 现在公司给交了", "employee"],
    ["现在是职工 以前是居民", "employee"],
  ])("%s", (text, scheme) => {
    expect(parse(text).slots.scheme).toBe(scheme);
  });
  it.each(["学生医保在南昌", "孩子上大学 学校统一交的 在杭州住院", "我是大学生医保"])("students are residents: %s", (text) => {
    expect(parse(text).slots.scheme).toBe("resident");
  });
});

describe("the place put in place of another takes its role", () => {
  it.each([
    ["医保不是合肥的 是六安的", "insuredRegion", "341500"],
    ["住院的地方不是南京 是镇江", "treatmentRegion", "321100"],
    ["不是在郑州做的手术 是洛阳", "treatmentRegion", "410300"],
    ["医保从绍兴改成了湖州", "insuredRegion", "330500"],
    ["看病的地方从广州换成深圳", "treatmentRegion", "440300"],
  ])("%s", (text, slot, want) => {
    const p = parse(text);
    expect(code(p.slots[slot as "insuredRegion"])).toBe(want);
    // The old place takes no role at all.
    expect(Object.keys(p.slots).filter((k) => k.endsWith("Region"))).toEqual([slot]);
  });
  it("从X改成Y with nothing else: Y is the place of care, X takes no role", () => {
    const p = parse("从成都改成重庆");
    expect(code(p.slots.treatmentRegion)).toBe("500000");
    expect(p.slots.insuredRegion).toBeUndefined();
  });
  it("从X转到Y is a referral: X is where the person is insured", () => {
    expect(code(parse("从徐州转到南京住院").slots.insuredRegion)).toBe("320300");
  });
  it.each([
    ["医保其实在常州", "insuredRegion", "320400"],
    ["参保地应该是泰州", "insuredRegion", "321200"],
    ["就医地改成无锡", "treatmentRegion", "320200"],
  ])("words between 医保/就医地 and the name change nothing: %s", (text, slot, want) => {
    expect(code(parse(text).slots[slot as "insuredRegion"])).toBe(want);
  });
  it("老家X then a care word after a space: X is home (insured), the care is elsewhere", () => {
    const p = parse("学校交的医保 在南京上学 老家盐城 住院花了8千");
    expect(code(p.slots.insuredRegion)).toBe("320900");
    expect(code(p.slots.treatmentRegion)).toBe("320100");
    // 回老家看病 still points back at the home town.
    expect(code(parse("公司在无锡 老家宿迁 回老家看病能报吗").slots.treatmentRegion)).toBe("321300");
  });
  it.each(["要是厦门呢", "如果是杭州呢", "还是南京吧"])("a supposition or a choice is not the insured place: %s", (text) => {
    expect(parse(text).slots.insuredRegion).toBeUndefined();
  });
});

describe("corrections", () => {
  it.each([
    ["按职工医保再算一下", { scheme: "employee" }],
    ["用二级医院的标准算", { hospitalLevel: 2 }],
    ["重新按退休算一遍", { personStatus: "retired" }],
    ["其实医保是镇江的", { insuredRegion: { code: "321100" } }],
    ["报销的地方不是无锡 是苏州", {}],
  ])("without a change word: %s", (text, slots) => {
    const p = parse(text);
    expect(p.intent).toBe("correction");
    expect(p.slots).toMatchObject(slots);
  });
  it.each(["改一下", "说错了", "不对", "写错了"])("a bare change word is a correction with nothing named: %s", (text) => {
    const p = parse(text);
    expect(p.intent).toBe("correction");
    expect(p.slots).toEqual({});
  });
  it("a fact said both ways fills nothing, not even as the answer asked for", () => {
    const p = parse("退休了 哦不 还没退休", { expecting: "personStatus" });
    expect(p.slots.personStatus).toBeUndefined();
    expect(p.ambiguities?.some((a) => a.slot === "personStatus")).toBe(true);
  });
});

describe("probes of new wording after the first fixes", () => {
  it("this year's bill said with 又/这次 is the bill, not money spent earlier this year", () => {
    expect(parse("去年住过一次院 今年又在南京住院花了4万").slots).toMatchObject({ amount: "40000" });
    expect(parse("今年已经在本地花了1万 这次在杭州又花了2万").slots).toMatchObject({ yearToDate: "10000", amount: "20000" });
  });
  it("X是乙类 Y是自费: a role word said with 是 names the figure before it", () => {
    expect(parse("一共6万 其中2万是乙类 1万是自费").slots).toMatchObject({ amount: "60000", classB: "20000", outOfCatalog: "10000" });
  });
  it("money spent at a place is spent on care there (在南京又花了3万)", () => {
    expect(code(parse("这次在合肥又花了2万 医保在安庆").slots.treatmentRegion)).toBe("340100");
    expect(parse("医保在苏州 花了3万").slots.treatmentRegion).toBeUndefined();
  });
  it("insurance moved to a place: the new place is where the person is insured, nobody was referred", () => {
    const p = parse("医保以前在宿迁 后来转到无锡了 在上海住院");
    expect(code(p.slots.insuredRegion)).toBe("320200");
    expect(code(p.slots.treatmentRegion)).toBe("310000");
    expect(p.slots.visitorType).toBeUndefined();
    expect(code(parse("社保转到常州了 去南京看病").slots.insuredRegion)).toBe("320400");
    // A doctor sending the patient on is a referral.
    expect(parse("医保在徐州 医生让转到南京住院").slots.visitorType).toBe("referral");
  });
});
