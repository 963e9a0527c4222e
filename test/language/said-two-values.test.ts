/**
 * Two values of one slot in one message (QA5 Q85): 职工 居民, 退休 在职, 三级 二级 were each
 * resolved silently to the first rule's value. Like 备案了 没备案, the person is asked: the slot
 * is left empty and an ambiguity names both values (the first said first) and the other as typed.
 * Not when the words tell them apart: a past and a present (以前是居民 现在交职工), two people
 * (我是职工 她是居民), a question comparing them (职工和居民哪个报得多), a denial (不是三甲 是二甲).
 */
import { describe, expect, it } from "vitest";
import { parse } from "../../src/language/index.ts";

const asked = (text: string, slot: string) => (parse(text).ambiguities ?? []).find((a) => a.slot === slot);

describe("two values of one slot are asked back", () => {
  it.each([
    ["北京 职工 居民 上海住院 3万", "scheme", "居民"],
    ["医保在南昌 居民医保 职工医保 在上海住院 2万", "scheme", "职工"],
    ["我爸是新农合 也是职工 在北京住院 5万 医保保定", "scheme", "职工"],
    ["北京 退休 在职 上海住院 3万", "personStatus", "在职"],
    ["武汉职工 在职 退休了 广州住院 2万", "personStatus", "退休"],
    ["南京职工 在上海三级医院住院 二级的 3万", "hospitalLevel", "二级"],
    ["医保杭州 北京住院 三甲 二甲 5万", "hospitalLevel", "二甲"],
  ])("%s → %s asked", (text, slot, said) => {
    const p = parse(text);
    expect((p.slots as Record<string, unknown>)[slot]).toBeUndefined();
    const a = asked(text, slot);
    expect(a?.candidates).toHaveLength(2);
    expect(a?.text).toBe(said);
  });

  it("both values, the one said first first", () => {
    expect(asked("北京 退休 在职 上海住院 3万", "personStatus")?.candidates).toEqual(["retired", "working"]);
    expect(asked("北京 在职 退休 上海住院 3万", "personStatus")?.candidates).toEqual(["working", "retired"]);
    expect(asked("北京 职工 居民 上海住院 3万", "scheme")?.candidates).toEqual(["employee", "resident"]);
    expect(asked("杭州 在三甲住院 还是二甲 5万", "hospitalLevel")?.candidates).toEqual(["3", "2"]);
  });
});

describe("two values the words tell apart are not asked", () => {
  it.each([
    ["以前是居民医保 现在交职工 在上海住院 3万", "scheme", "employee"],
    ["不是居民医保 是职工医保 在北京住院", "scheme", "employee"],
    ["退休前在单位上班 现在退了 医保武汉 北京住院 3万", "personStatus", "retired"],
    ["退休返聘 现在还在上班 医保武汉 北京住院 3万", "personStatus", "retired"],
    ["不是三甲 是二甲 医保杭州 在北京住院 2万", "hospitalLevel", 2],
    ["社区医院开了转诊 转到三甲医院住院 医保武汉 广州 3万", "hospitalLevel", 3],
    ["我爸退休了 我弟弟还在职 医保武汉 我爸在北京住院 3万", "personStatus", "retired"],
  ])("%s → %s %s", (text, slot, value) => {
    const p = parse(text);
    expect((p.slots as Record<string, unknown>)[slot]).toBe(value);
    expect(asked(text, slot)).toBeUndefined();
  });
  it.each([
    ["职工医保和居民医保哪个报得多", "scheme"],
    ["三级医院和二级医院报销比例一样吗", "hospitalLevel"],
    ["我是职工 我老婆是居民 她在上海住院", "scheme"],
  ])("%s: nothing asked about %s", (text, slot) => {
    expect(asked(text, slot)).toBeUndefined();
  });
});
