/**
 * Reading faults the fourth fresh-user round found (QA4: Q110, Q106, Q107, Q48, Q67, Q2, Q93,
 * Q47, Q1, Q76, Q108, Q22), each on phone-typed sentences of its own in several wordings — not
 * only the round's own words.
 */
import { describe, expect, it } from "vitest";
import { parse } from "../../src/language/index.ts";
import { statedRegistrationOf } from "../../src/language/stated.ts";

const code = (p: { code: string } | undefined) => p?.code;

describe("a registration that does not cover this stay is no registration (Q110)", () => {
  it.each([
    "武汉职工 在北京住院 3万 之前办过长期备案 后来取消了",
    "南京的职工医保 上海住院花了2万 以前备过案 后来撤销了",
    "医保在长沙 去广州住院 4万 备案年初就注销掉了",
    "我是合肥职工 在杭州住院2万 临时备案过期了",
    "郑州居民 北京住院 5万 备案去年就到期了 没续",
    "成都职工在西安住院 一万八 备案过期一个月了",
    "武汉职工 在北京住院 3万 备案还在审核",
    "医保天津 在北京住院 2万 备案申请被退回了",
  ])("%s → unregistered, and an estimate", (text) => {
    const p = parse(text);
    expect(p.slots.visitorType).toBe("unregistered");
    expect(p.intent).toBe("estimate");
    expect(statedRegistrationOf(text)).toBeUndefined();
  });
  it.each([
    ["武汉职工 在北京住院 3万 长期备案办在了广州 不是北京", "110000"],
    ["南京职工 在上海住院 2万 备案办的是杭州", "310000"],
    ["医保在西安 职工 这次在成都住院3万 临时备案备到了重庆", "510100"],
    ["我在苏州备的案 医保是南通的 这回去上海住院了 花了4万", "310000"],
  ])("registered for another place: %s", (text, care) => {
    const p = parse(text);
    expect(p.slots.visitorType).toBe("unregistered");
    expect(code(p.slots.treatmentRegion)).toBe(care);
    expect(p.ambiguities ?? []).toEqual([]);
  });
  it.each([
    "武汉职工 在北京住院 3万 长期备案在北京",
    "南京职工 在上海住院 2万 备案备的是上海",
    "备案过期了怎么办",
    "临时备案快到期了 在北京住院2万",
    "武汉职工 在北京住院3万 之前的备案过期了 后来又重新办了",
    "临时备案到期了 我还在北京住院 医保武汉的 花了3万",
    "备案能取消吗 医保在武汉 在北京",
  ])("not a void registration: %s", (text) => {
    expect(parse(text).slots.visitorType).not.toBe("unregistered");
  });
});

describe("the stay is over when said so in other words (Q106), and not when it only began (Q48)", () => {
  it.each([
    "武汉职工 在北京住院 3万 没备案 已经结账了",
    "武汉职工 在北京住院 3万 没备案 上周出的院",
    "武汉职工 在北京住院 3万 没备案 刚出院",
    "医保南京 上海住院两万 没有备案 前天刚刚出院",
    "在广州住了十天院 昨天出的院 没办备案 医保长沙",
    "住院费结完账了 没备案 能回去报吗",
    "出院手续都办完了 没备案 花了三万",
  ])("%s → discharged", (text) => {
    expect(parse(text).discharged).toBe(true);
  });
  it.each([
    "南京职工 上周住院了 花了差不多4万 在北京",
    "我爸前几天住院了 在上海 没备案",
    "上个月住进去的 到现在还没出院",
    "明天出院 能补备案吗",
    "快出院了 结账的时候要带什么",
    "出院结账了吗",
  ])("%s → not discharged", (text) => {
    expect(parse(text).discharged).toBeUndefined();
  });
});

describe("a denial after its cue, or with who would act between (Q67)", () => {
  const base = "苏州职工 在北京住院 3万 ";
  it.each([
    "医院没让转诊 备案了",
    "医生不让转诊 自己来的",
    "转诊没办下来 自己去的",
    "转院手续没办成",
    "本来想转诊的 后来没转",
    "本来要转院的 最后没转成",
    "转诊也没有 自己跑过来的",
    "大夫没同意转院",
  ])("%s → no referral", (tail) => {
    const p = parse(base + tail);
    expect(p.slots.visitorType).not.toBe("referral");
    expect(p.negated).toContain("visitorType");
  });
  it.each(["急诊没有 自己去的", "急诊倒不是 挂的普通号", "抢救算不上"])("%s → no emergency", (tail) => {
    expect(parse(base + tail).slots.visitorType).not.toBe("emergency");
  });
  it.each(["想备案但还没弄", "打算备案 还没来得及办", "备案想办的 一直没弄", "本来要办备案 还没办", "没走备案"])("%s → unregistered", (tail) => {
    expect(parse(base + tail).slots.visitorType).toBe("unregistered");
  });
  it.each(["退休还没", "退休倒还没有", "退休也没有呢"])("%s → working", (tail) => {
    expect(parse(base + tail).slots.personStatus).toBe("working");
  });
  it("三甲不是 是个二甲 → level 2, not 3", () => {
    const p = parse(base + "三甲不是 是个二甲");
    expect(p.slots.hospitalLevel).toBe(2);
    expect(p.notLevel).toBe(3);
  });
  it.each(["住院没有 就看了门诊 花了2千", "住院倒没住 门诊花了两千"])("%s → outpatient", (tail) => {
    const p = parse("南京职工 在上海 " + tail);
    expect(p.slots.setting).toBe("outpatient");
  });
  it("a denial that is not the cue's leaves it: 急诊没有备案能报吗", () => {
    expect(parse("急诊没有备案能报吗").slots.visitorType).toBe("emergency");
  });
});

describe("the writer's own place and job are not the patient's (Q2)", () => {
  it.each([
    "我爸在老家住院 我在上海 他医保在安徽阜阳 职工 退休 花了3万",
    "我妈回老家看病了 我在杭州上班 她医保是南昌的",
    "老爷子在老家住院 我人在深圳 他医保在湛江 花了2万",
  ])("%s → the writer's city is no role", (text) => {
    const p = parse(text);
    expect(p.slots.treatmentRegion).toBeUndefined();
    expect((p.places ?? []).length).toBe(0);
    expect(p.slots.personStatus).not.toBe("working");
  });
  it.each([
    ["我在北京上班 我妈在老家洛阳住院了", "410300"],
    ["我在广州打工 我爸在老家赣州住院 花了3万", "360700"],
  ])("%s → the writer's job is not the patient's, nor where the patient is insured", (text, care) => {
    const p = parse(text);
    expect(p.slots.personStatus).toBeUndefined();
    expect(p.slots.insuredRegion).toBeUndefined();
    expect(code(p.slots.treatmentRegion)).toBe(care);
  });
  it.each([
    ["我在深圳 我妈从湖南过来看病 医保在长沙", "440300"],
    ["我在上海 我爸过来我这住院了 他医保在阜阳", "310000"],
  ])("the patient with the writer: the writer's city is where the care is (%s)", (text, care) => {
    expect(code(parse(text).slots.treatmentRegion)).toBe(care);
  });
  it("the writer as the patient keeps the job: 我在北京上班 医保是北京的 在天津住院", () => {
    expect(parse("我在北京上班 医保是北京的 在天津住院").slots.personStatus).toBe("working");
  });
});

describe("a place said with its role keeps it (Q93, Q47)", () => {
  it.each(["我在三亚", "在三亚", "我现在在三亚", "人在三亚呢", "我妈在三亚"])("%s → where the care is, even while the insured place is asked", (text) => {
    expect(code(parse(text).slots.treatmentRegion)).toBe("460200");
    const asked = parse(text, { expecting: "insuredRegion" });
    expect(asked.slots.insuredRegion).toBeUndefined();
    expect(code(asked.slots.treatmentRegion)).toBe("460200");
  });
  it("a bare name answering the insured question is the insured place", () => {
    expect(code(parse("三亚", { expecting: "insuredRegion" }).slots.insuredRegion)).toBe("460200");
  });
  it.each(["长期住杭州的 办了备案", "我住杭州 医保苏州的", "医保在苏州 常年住杭州的"])("%s → 杭州 is where the person lives", (text) => {
    const p = parse(text);
    expect(code(p.slots.treatmentRegion)).toBe("330100");
    expect(code(p.slots.insuredRegion)).not.toBe("330100");
  });
});

describe("living there is the reason for a long-term registration, not one made (Q107)", () => {
  it.each([
    ["哈尔滨职工 退休 在这边买了房 常住 在三亚住院 3万", "long_term_resident"],
    ["哈尔滨职工 退休 随子女定居 在三亚住院 3万", "retiree_relocated"],
    ["沈阳退休职工 在海口养老 住院花了2万", "retiree_relocated"],
    ["医保在太原 退休了 跟着儿子在深圳住了三年 住院3万", "retiree_relocated"],
  ])("%s → the kind, flagged as read from how the person lives", (text, kind) => {
    const p = parse(text);
    expect(p.slots.visitorType).toBe(kind);
    expect(p.categoryFromLiving).toBe(true);
  });
  it.each(["哈尔滨职工 退休 在三亚养老 办了长期备案 住院3万", "医保在太原 长期住深圳 备案了 住院3万", "郑州职工 长期备案在广州 常住广州 住院2万"])("a registration said as made is not flagged: %s", (text) => {
    expect(parse(text).categoryFromLiving).toBeUndefined();
  });
  it.each([
    "哈尔滨职工 退休 户口迁过来了 在三亚住院 3万",
    "大连退休职工 户口已经迁到三亚了 跟女儿住 住院2万",
    "退休了 户口落到深圳了 医保在长沙 在深圳住院",
  ])("户口 moved to the place of care is 异地安置, never the other way round: %s", (text) => {
    expect(parse(text).slots.visitorType).toBe("retiree_relocated");
  });
  it.each(["哈尔滨职工 退休 户口没迁过来 跟女儿在三亚住 住院3万", "退休了跟儿子在深圳住 户口还在老家 医保长沙"])("户口 left behind is 长期居住: %s", (text) => {
    expect(parse(text).slots.visitorType).toBe("long_term_resident");
  });
});

describe("job and scheme words (Q1)", () => {
  it.each(["医保在广州 有五险一金 在北京住院 3万", "公司给交五险一金的 医保在深圳", "单位交社保 医保在杭州 去上海住院", "五险都有 医保在成都"])("%s → 职工", (text) => {
    expect(parse(text).slots.scheme).toBe("employee");
  });
  it.each(["医保在广州 领退休金的 在北京住院 3万", "拿退休工资的 医保在南京 在上海住院", "我爸领着养老金呢 医保在合肥"])("%s → retired", (text) => {
    expect(parse(text).slots.personStatus).toBe("retired");
  });
  it("a question about the pension is not a status (退休金能领多少)", () => {
    expect(parse("退休金能领多少").slots.personStatus).toBeUndefined();
  });
});

describe("chronic-disease care is 门诊慢特病 unless a stay is said (Q76)", () => {
  it.each([
    "化疗 恶性肿瘤 门诊 医保在武汉 在北京协和 每次5000",
    "做放疗 医保在长沙 在广州 一次3000",
    "高血压 在外地开药 医保在南昌 职工 退休 每个月300",
    "糖尿病 每个月在上海拿药 医保在苏州",
    "在上海开降压药 医保苏州的 一个月两百",
  ])("%s", (text) => {
    expect(parse(text).slots.setting).toBe("chronic_outpatient");
  });
  it.each(["在北京住院 做化疗 花了5万 医保武汉", "住院化疗花了3万", "我妈有糖尿病 在北京住院了 花了2万"])("a stay said stays inpatient: %s", (text) => {
    expect(parse(text).slots.setting).toBe("inpatient");
  });
});

describe("city names typed wrong or in Latin letters (Q22)", () => {
  it.each([
    ["长州职工 在北京住院 3万", "320400"],
    ["医保在长州 去上海看病", "320400"],
    ["长州医保 在南京住院 花了1万", "320400"],
  ])("a homophone whose first character starts other names is asked back, never taken: %s", (text, offered) => {
    const p = parse(text);
    expect(p.slots.insuredRegion).toBeUndefined();
    const amb = p.ambiguities?.find((a) => a.slot === "insuredRegion");
    expect(amb?.typo).toBe(true);
    expect((amb?.candidates as { code: string }[]).map((c) => c.code)).toContain(offered);
  });
  it.each([
    ["苏洲职工 在北京住院", "320500"],
    ["医保在郑洲 去北京住院", "410100"],
    ["广洲的医保 在深圳看病", "440100"],
    ["夏门职工 在北京住院", "350200"],
  ])("one that keeps the first character, or can be no other name, is read: %s", (text, insured) => {
    expect(code(parse(text).slots.insuredRegion)).toBe(insured);
  });
  it.each([
    ["医保在beijing 在shanghai住院 3万", "110000", "310000"],
    ["医保在bei jing 去Guangzhou看病", "110000", "440100"],
    ["changzhou的医保 在nanjing住院", "320400", "320100"],
    ["Wuhan职工 在Shenzhen住院 2万", "420100", "440300"],
  ])("pinyin in Latin letters: %s", (text, insured, care) => {
    const p = parse(text);
    expect(code(p.slots.insuredRegion)).toBe(insured);
    expect(code(p.slots.treatmentRegion)).toBe(care);
  });
  it.each(["suzhou职工 在北京住院 3万", "医保在suzhou 去上海看病"])("pinyin two cities share is asked: %s", (text) => {
    const p = parse(text);
    expect(p.slots.insuredRegion).toBeUndefined();
    const amb = p.ambiguities?.find((a) => a.slot === "insuredRegion");
    expect((amb?.candidates as { code: string }[]).map((c) => c.code).sort()).toEqual(["320500", "341300"]);
  });
  it.each(["我用app备案 ok吗", "能用wechat办吗", "hello 在吗"])("other Latin words are no place: %s", (text) => {
    const p = parse(text);
    expect(p.slots.insuredRegion ?? p.slots.treatmentRegion ?? p.places?.[0]).toBeUndefined();
  });
});

describe("a denial after its cue with a word between (倒是, 是…的) (issue 10 item 2)", () => {
  const base = "南京职工 在上海住院 2万 ";
  it.each(["备案倒是没有", "备案是没办的", "备案其实没有"])("%s → unregistered", (tail) => {
    expect(parse(base + tail).slots.visitorType).toBe("unregistered");
  });
  it.each(["转诊是没有的", "转院倒是没有"])("%s → no referral", (tail) => {
    expect(parse(base + tail).slots.visitorType).not.toBe("referral");
  });
  it("单位派的倒不是 自己去的 → not a posted worker", () => {
    expect(parse(base + "单位派的倒不是 自己去的").slots.visitorType).not.toBe("stationed_worker");
  });
  it.each([
    ["南京 在上海住院 2万 居民不是 是职工", "employee"],
    ["南京 在上海住院 2万 职工倒不是 是居民", "resident"],
  ])("%s → the scheme affirmed", (text, scheme) => {
    expect(parse(text).slots.scheme).toBe(scheme);
  });
});
