/**
 * Registration and referral denied in the ways QA5 found misread (Q81, Q82, Q18): a denied
 * registration with its kind between (没办临时备案), a double negative (不是没备案 办了临时的),
 * a referral there was no time for (没来得及转诊), and a long-term record said to have expired
 * a few words after its kind (长期的 但是已经过期了). Each in several phone-typed wordings.
 */
import { describe, expect, it } from "vitest";
import { parse } from "../../src/language/index.ts";
import { statedRegistrationOf } from "../../src/language/stated.ts";

describe("a registration denied with its kind named is no registration (Q81)", () => {
  it.each([
    "武汉职工 退休 广州 住院 3万 没办临时备案 也没转诊",
    "医保南昌 在上海住院 2万 没有办长期备案",
    "郑州职工 在北京住院5万 没去办临时的备案",
    "长沙居民 广州住院 3万 临时备案没办",
    "没弄异地长期备案 医保合肥 在杭州住院 4万",
  ])("%s → unregistered", (text) => {
    const p = parse(text);
    expect(p.slots.visitorType).toBe("unregistered");
    expect(statedRegistrationOf(text)).toBeUndefined();
  });
});

describe("a denied denial is a registration (Q81)", () => {
  it.each([
    ["武汉职工退休 在广州住院 不是没备案 办了临时的 3万", "temporary_other"],
    ["南京职工 在上海住院 2万 也不是没备案 备了长期的", "long_term"],
    ["医保郑州 北京住院 4万 并不是没备案 是临时备案", "temporary_other"],
  ])("%s → registered (%s), never unregistered", (text, kind) => {
    const p = parse(text);
    expect(p.slots.visitorType).not.toBe("unregistered");
    expect(p.ambiguities ?? []).toEqual([]);
    expect(statedRegistrationOf(text)).toBe(kind);
  });
});

describe("a referral there was no time for is no referral (Q82)", () => {
  it.each([
    "南昌职工 在上海住院 5万 没来得及转诊",
    "医保在九江 来不及转诊 直接去的上海 住院3万",
    "转诊没来得及办 就去北京住院了 医保石家庄 4万",
    "没顾上开转诊 在广州住院 医保赣州 2万",
    "还没来得及办转诊就住进去了 医保南宁 在广州 3万",
  ])("%s → not referred", (text) => {
    const p = parse(text);
    expect(p.slots.visitorType).not.toBe("referral");
    expect(p.negated).toContain("visitorType");
  });
  it("a referral made after all stands", () => {
    expect(parse("当时没来得及转诊 后来医院给补开了转诊 医保南昌 在上海住院5万").slots.visitorType).toBe("referral");
  });
});

describe("an expired long-term record is no record, however far apart the words (Q18)", () => {
  it.each([
    "我妈医保在南昌 备案办的是长期的 但是已经过期了 在上海住院 2万",
    "医保武汉 长期备案办了 不过去年底就到期了 在北京住院 3万",
    "办过临时备案 但是早就过期了 医保长沙 广州住院 2万",
    "备案是长期的 可惜已经失效了 医保郑州 在北京住院4万",
  ])("%s → unregistered", (text) => {
    const p = parse(text);
    expect(p.slots.visitorType).toBe("unregistered");
    expect(statedRegistrationOf(text)).toBeUndefined();
  });
  it.each([
    "长期备案 医保卡过期了 医保武汉 在北京住院 3万",
    "长期备案快过期了 医保武汉 在北京住院 3万",
  ])("not expired: %s", (text) => {
    expect(parse(text).slots.visitorType).not.toBe("unregistered");
  });
});
