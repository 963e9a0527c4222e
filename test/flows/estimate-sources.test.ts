/**
 * What the chat's answers say about their sources and steps (QA findings A5, A9 and C): the
 * national ceiling is said as a ceiling, the basis once, a place's own rule with its source, no
 * file path or English word, the figures of the steps those of the headline, one money format.
 */
import { describe, expect, it } from "vitest";
import { chat, estimateOf, lastText, textOf } from "./chat.ts";

const first = (q: string) => textOf(chat([q])[0]!);
const estimate = (q: string) => {
  const t = estimateOf(chat([q])[0]!);
  expect(t, `an estimate for ${q}`).toBeDefined();
  return t!;
};
const headline = (t: string) => /^医保基金支付：([\d.]+) 元$/m.exec(t)?.[1];

describe("the national ceiling is said as a ceiling, never as the insured place's rule", () => {
  it.each(["上海职工 在职 去杭州住院 三级医院 3万", "周口居民医保 在东莞三级医院住院 花了8000 其他临时外出备案"])("%s", (q) => {
    const t = estimate(q);
    expect(t).toContain("临时外出按国家上限降 20 个百分点");
    expect(t).toContain("参保地降幅无数据，按国家规定的上限（最多降 20 个百分点）算，实际可能少降");
    expect(t).toMatch(/国家规定：医保发〔2022〕22号/);
  });

  it("care not registered, where the place has no rule for it, gets no figure and the reason; registering before discharge is priced", () => {
    const t = first("石家庄职工 在职 没备案 在上海三级医院住院 花了3万");
    expect(t).not.toContain("医保基金支付");
    expect(t).toContain("没法估算");
    expect(t).toMatch(/出院结算前补办了临时备案的话.*医保约付 \d+(\.\d\d)? 元/);
  });

  it("a place's own 'no cut' is said in the step, with its source", () => {
    const t = estimate("南京职工 在职 在上海三级医院住院 花了3万 其他临时外出备案");
    expect(t).toMatch(/临时外出不降比例）\[\d\]\[\d\]/);
  });
});

describe("within one province the national cross-province ceiling is not applied", () => {
  it.each([
    "大庆职工医保 在哈尔滨三级医院住院 花了5万 临时外出备案了",
    "周口居民医保 去郑州三级医院住院 花了2万 其他临时外出备案",
    "洛阳职工 转诊到郑州三级医院住院 花了3万",
  ])("%s: no 国家上限 cut, the place's own ratio with the reason said, no 苏州 page cited", (q) => {
    const t = estimate(q);
    expect(t).not.toContain("国家上限");
    expect(t).not.toContain("最多降");
    expect(t).toMatch(/国家降幅上限只管跨省；参保地对省内「.+」的降幅无数据，按本地比例算/);
    expect(t).not.toContain("苏州医保异地就医备案");
  });
  it("the same care across provinces keeps the ceiling (大庆 → 北京)", () => {
    expect(estimate("大庆职工医保 在北京三级医院住院 花了5万 临时外出备案了")).toContain("国家规定的上限");
  });
  it("inside 江苏 the 江苏 example stays the cited principle", () => {
    expect(estimate("南京职工 在苏州三级医院住院 花了5万 临时外出备案了")).toContain("苏州医保异地就医备案");
  });
  it("care not registered within a province, with no data for it: no figure, never the ceiling", () => {
    const t = first("大庆职工医保 在哈尔滨三级医院住院 花了5万 没备案");
    expect(t).not.toContain("医保基金支付");
    expect(t).not.toContain("按国家上限");
    expect(t).toMatch(/补办了临时备案的话（按其他临时外出算，参保地省内降幅无数据的按本地比例算，实际可能报得更少）/);
  });
});

describe("user text names no file and no English word", () => {
  it.each([
    "周口居民医保 在东莞三级医院住院 花了8000",
    "我是衡阳的居民医保 转诊 在长沙三级医院住院 5万",
    "海口职工 在职 在广州三级医院住院 花了3万",
    "大庆职工 在职 转诊 在北京三级医院住院 花了3万",
    "上海职工 在职 去杭州住院 三级医院 3万",
  ])("%s", (q) => {
    const t = estimate(q);
    expect(t).not.toMatch(/[A-Za-z]/);
  });

  it("the policy's version reads as a date, not as the data's label", () => {
    expect(estimate("上海职工 在职 去杭州住院 三级医院 3万")).toMatch(/^怎么算的（按参保地 \d{4} 医保年度的政策）：$/m);
  });
});

describe("the basis is stated once", () => {
  it("衡阳 居民 (湖南's rules, the template's table): one line says both", () => {
    const t = estimate("我是衡阳的居民医保 转诊 在长沙三级医院住院 5万");
    expect(t).toContain("没有衡阳市自己的政策数据，按湖南省全省规定");
    expect(t).not.toContain("按衡阳市居民医保已有的规定");
    // (The source list names 湖南省's pages for its 起付线 and 限额: that is no second statement of the basis.)
    expect(t.split("\n").filter((l) => l.includes("湖南省") && !l.startsWith("来源")).length).toBe(1);
  });
});

describe("the steps show the headline's figures", () => {
  it("长沙居民 急诊 门诊 1500: a capped fund line carries the capped figure; no 起付线以上 without a 起付线", () => {
    const t = estimate("长沙居民医保 在三亚三级医院看急诊门诊 花了1500 没住院 能报多少");
    const fundLine = t.split("\n").find((l) => l.startsWith("· 统筹基金支付："))!;
    expect(fundLine).toContain(`统筹基金支付：${headline(t)} 元`);
    expect(t).not.toMatch(/^· 起付线/m);
    expect(fundLine).not.toContain("起付线以上");
  });

  it("the one-sentence summary after 没看懂 uses the estimate's money format", () => {
    const t = lastText(["我是厦门职工 在福州住院 三甲 2万8 能报多少", "没看懂"]);
    expect(t).toMatch(/医保大约付 \d+ 元/);
    expect(t).not.toMatch(/\d\.00 元/);
  });
});

describe("eligibility reads the region's visitor rule for the care asked about (c21)", () => {
  it("大庆 职工 普通门诊 in 哈尔滨, other temporary: 不纳入 with its source, 直接结算：不能", () => {
    const t = lastText(["异地门诊能报吗 感冒拿药那种", "我是大庆的职工 在哈尔滨看病", "6"]);
    expect(t).toContain("不纳入医保基金支付范围");
    expect(t).toContain("直接结算：不能");
    expect(t).toContain("大庆市职工基本医疗保险门诊共济保障实施办法");
    expect(t).not.toContain("暂无数据");
  });
});
