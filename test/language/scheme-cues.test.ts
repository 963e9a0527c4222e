/**
 * An employer paying is 职工医保 (QA5 Q19): 单位在天津 医保也在天津, 医保是公司在广州交的,
 * 每个月扣我工资交的, 医保是厂里给交的, 我是大学老师 — each was read as no scheme and the
 * estimate assumed 居民医保, thousands of yuan below. Phone-typed wordings of each, besides the
 * round's own, and the ones that must stay as they are (an employer that did not pay, a scheme
 * named outright, the writer's own job).
 */
import { describe, expect, it } from "vitest";
import { parse } from "../../src/language/index.ts";

describe("an employer paying, or a job with an employer, is 职工医保", () => {
  it.each([
    "我老公单位在天津 医保也在天津 他在北京住院了 花了8万",
    "我爸单位在郑州 医保也是郑州的 在上海住院 5万",
    "医保是公司在广州交的 我在长沙住院 3万",
    "社保是单位在杭州给买的 在上海住院2万",
    "医保在深圳 每个月扣我工资交的 在北京住院 3万",
    "医保从工资里扣的 在成都 去西安住院 3万",
    "每月工资里代扣医保 医保南京 上海住院 4万",
    "医保是厂里给交的 在武汉 在北京住院 3万",
    "厂里帮我交的医保 医保在东莞 在长沙住院 一万五",
    "医保是老板给交的 苏州的 在上海住院 2万",
  ])("%s → employee", (text) => {
    expect(parse(text).slots.scheme).toBe("employee");
  });

  // A job with an employer says the person works (在职), as 上班 does: the estimate then takes
  // 职工医保 and says it assumed so (居民医保 has no 在职).
  it.each([
    "我是大学老师 医保在南京 去北京住院 3万",
    "我老婆是小学教师 医保在长沙 在广州住院 2万",
    "中学老师 医保合肥 在上海住院4万",
    "我是护士 医保在苏州 在上海住院 3万",
    "他是公交司机 医保在郑州 在北京住院 5万",
    "我在银行当柜员 医保在合肥 上海住院2万",
  ])("%s → working, never 居民", (text) => {
    const p = parse(text);
    expect(p.slots.personStatus).toBe("working");
    expect(p.slots.scheme).not.toBe("resident");
  });

  it.each([
    ["我妈是退休教师 医保在南京 在北京住院 3万", "retired"],
    ["我爸以前是老师 退休好几年了 医保武汉 在广州住院 3万", "retired"],
  ])("a retired teacher is retired: %s", (text, status) => {
    expect(parse(text).slots.personStatus).toBe(status);
  });

  it.each([
    // The scheme named outright stands.
    ["我在公司上班 医保是老家的新农合 在深圳住院 3万", "resident"],
    ["单位没给交 自己交的居民医保 南京 北京住院 3万", "resident"],
  ])("%s → %s", (text, scheme) => {
    expect(parse(text).slots.scheme).toBe(scheme);
  });

  it.each([
    "单位没给交医保 医保在南京 北京住院 3万",
    "公司不给交社保 医保在南京 北京住院 3万",
    // The writer's job says nothing of the mother's scheme.
    "我们单位在雄安 医保交在保定 在北京住院 3万",
  ])("%s → no scheme read", (text) => {
    expect(parse(text).slots.scheme).toBeUndefined();
  });

  it.each([
    // The writer's job says nothing of the mother's status.
    "我是大学老师 我妈医保在南京 在北京住院 3万",
    "医生说要住院 医保在南京 在北京 3万",
    "护士让我去交押金 医保在南京 在北京住院 3万",
  ])("%s → no status read", (text) => {
    expect(parse(text).slots.personStatus).toBeUndefined();
  });
});
