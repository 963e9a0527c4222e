/**
 * Facts read from how people say them (issue 10, fresh-user findings A1, A2, A4): work or a home
 * at the insured place says nothing about a registration, at the treatment place it says
 * long-term; a bare 长期备案 is a registration done; a denial with filler words is still a
 * denial; retirement still ahead is working; a 老家 not named is no place at all. Each figure is
 * compared with the evaluator on the scenario the words describe.
 */
import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { evaluate, getPolicyBook } from "../../src/conversation/policy-book.ts";
import { chat, estimateOf, textOf } from "./chat.ts";

const DATE = "2025-08-01";
const FUND = /医保基金支付[：:]\s*([\d,]+(?:\.\d+)?)\s*元/;

interface Facts {
  insured: string;
  scheme: "employee" | "resident";
  status?: "working" | "retired";
  treatment: string;
  setting?: "inpatient" | "outpatient";
  level: 1 | 2 | 3;
  visitor: string;
  total: string;
}

function cliFund(f: Facts): string {
  const r = evaluate({
    insured: { region: f.insured, scheme: f.scheme, ...(f.status ? { status: f.status } : {}) },
    treatment: { region: f.treatment, setting: f.setting ?? "inpatient", hospitalLevel: f.level, date: DATE },
    visitor: f.visitor,
    costs: { total: f.total },
  }, getPolicyBook());
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.estimate.fundPays;
}

function estimateAfter(inputs: string[]): string {
  const replies = chat(inputs).at(-1)!;
  return estimateOf(replies) ?? textOf(replies);
}

function sameFund(text: string, f: Facts): void {
  const got = FUND.exec(text)?.[1]?.replace(/,/g, "");
  expect(got, text.slice(0, 400)).toBeDefined();
  expect(new Decimal(got!).equals(cliFund(f)), `${text.slice(0, 400)}\nCLI ${cliFund(f)}`).toBe(true);
}

const readBackOf = (text: string) => text.split("\n").find((l) => l.startsWith("按："))!;

describe("work or a home at the insured place says nothing about a registration", () => {
  it.each([
    ["我在深圳上班 深圳职工 在职 这次在长沙住院 三甲 3万", { insured: "440300", scheme: "employee", status: "working", treatment: "430100", level: 3, visitor: "temporary_other", total: "30000" }],
    ["我在武汉工作 武汉职工医保 在职 去广州住院3万 三甲", { insured: "420100", scheme: "employee", status: "working", treatment: "440100", level: 3, visitor: "temporary_other", total: "30000" }],
    ["我在杭州上班 医保是杭州职工 在职 回老家南昌住院 三级 花了3万", { insured: "330100", scheme: "employee", status: "working", treatment: "360100", level: 3, visitor: "temporary_other", total: "30000" }],
    ["我在苏州上班 交的苏州职工医保 在职 去上海住院 三甲 花了2万", { insured: "320500", scheme: "employee", status: "working", treatment: "310000", level: 3, visitor: "temporary_other", total: "20000" }],
    ["在合肥打工好几年了 医保也是合肥的职工 在职 这次回老家安庆住院了 二级 1万5", { insured: "340100", scheme: "employee", status: "working", treatment: "340800", level: 2, visitor: "temporary_other", total: "15000" }],
  ] as const)("%s → a short trip, assumed and said", (text, facts) => {
    const t = estimateAfter([text]);
    expect(t).not.toContain("常住或在就医地工作");
    expect(readBackOf(t)).toContain("其他临时外出备案是我假设的");
    sameFund(t, facts as Facts);
  });

  it.each([
    "我来上海打工好几年了 医保是苏州的 职工 在职 在上海三甲住院花了3万",
    "苏州职工在职 一直在上海上班 在上海三甲住院花了3万",
    "我在上海工作 医保在苏州交的 职工在职 在上海三甲住院3万",
  ])("at the treatment place it still means long-term, said as an assumption: %s", (text) => {
    const t = estimateAfter([text]);
    expect(readBackOf(t)).toContain("长期备案是我假设的");
    expect(t).toContain("常住或在就医地工作");
    sameFund(t, { insured: "320500", scheme: "employee", status: "working", treatment: "310000", level: 3, visitor: "long_term", total: "30000" });
  });
});

describe("a registration or a status said the short way", () => {
  it.each(["长期备案", "办的长期备案", "异地长期备案，"])("…花了2万 %s → long-term, as said", (words) => {
    const t = estimateAfter([`苏州职工退休 在海口住院 三甲 花了2万 ${words}`]);
    expect(readBackOf(t)).toContain("长期备案");
    expect(readBackOf(t)).not.toMatch(/备案[^、]*是我假设的/u);
    sameFund(t, { insured: "320500", scheme: "employee", status: "retired", treatment: "460100", level: 3, visitor: "long_term", total: "20000" });
  });

  it.each(["长期备案和临时备案有啥区别", "长期备案 需要什么材料", "长期备案怎么办"])("a question about it (%s) states no registration", (text) => {
    expect(textOf(chat([text])[0]!)).not.toContain("已记下");
  });

  it.each([
    "赣州居民医保 在深圳三级医院住院了花了一万三 没办那个什么备案 能报多少",
    "赣州居民医保 在深圳三级医院住院花了13000 啥备案都没办",
    "赣州居民医保 在深圳三级医院住院花了13000 什么备案也没办",
  ])("a denial with filler words (%s) is unregistered, not a registered estimate", (text) => {
    const t = textOf(chat([text]).at(-1)!);
    expect(t).toContain("没有备案");
    expect(t).not.toMatch(/^医保基金支付/mu);
  });

  it.each(["快退休了", "明年退休", "还有两年就退休了", "马上要退休了"])("%s → still working", (words) => {
    const t = estimateAfter([`苏州职工 ${words} 在上海三甲住院3万`]);
    expect(readBackOf(t)).toContain("在职");
    expect(readBackOf(t)).not.toContain("退休");
    sameFund(t, { insured: "320500", scheme: "employee", status: "working", treatment: "310000", level: 3, visitor: "temporary_other", total: "30000" });
  });

  it.each(["他以前在厂里上班 现在退了", "我爸目前退了", "他刚退了"])("%s → retired", (words) => {
    const t = estimateAfter([`${words} 苏州职工 在上海住院4万 三甲`]);
    expect(readBackOf(t)).toContain("退休");
    sameFund(t, { insured: "320500", scheme: "employee", status: "retired", treatment: "310000", level: 3, visitor: "temporary_other", total: "40000" });
  });
});

describe("a home place named only as 老家 is unknown", () => {
  it.each([
    "我在上海 医保是老家的 能在上海看病吗",
    "我在上海打工 社保在老家那边 在上海看病要备案吗",
    "人在广州 医保是外地的 能在广州看病吗",
  ])("%s → the insured place is left unknown, never taken from the treatment place", (text) => {
    const t = textOf(chat([text])[0]!);
    expect(t).not.toContain("不算异地就医");
    expect(t).not.toMatch(/参保地(上海|广州)/u);
    expect(t).not.toMatch(/已记下：[^。]*参保地/u);
  });

  it("asked for an estimate, the insured place is then asked for", () => {
    expect(textOf(chat(["我在上海 医保是老家的 在上海三甲住院花了3万 能报多少"])[0]!)).toContain("您在哪里参保");
  });

  it("老家 with its name is that place", () => {
    const t = textOf(chat(["医保在老家衢州 人在杭州 能在杭州看病吗"])[0]!);
    expect(t).toContain("参保地衢州");
  });
});
