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
    // Still what they were: bringing papers home for the claim, a long 不是…是… statement.
    ["出院带什么回去报销", "manual_claim"],
    ["不是转诊 是旅游的时候急诊住的院", "emergency"],
  ])("%s → %s", (text, intent) => {
    expect(parse(text).intent).toBe(intent);
  });
  it("不是X 是Y: the affirmed value fills the slot, the denied one does not", () => {
    expect(parse("不是二级 是三级的").slots.hospitalLevel).toBe(3);
    expect(parse("不是居民 是职工").slots.scheme).toBe("employee");
  });
});
