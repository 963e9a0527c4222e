/**
 * Facts the person states reach the estimate: earlier stays this year and what the fund already
 * paid (the deductible and the annual cap), a registration already done (never "my assumption"),
 * childbirth (not settled as ordinary inpatient care), and living or working where the care is.
 * Each figure is compared with the evaluator on the scenario a person would write from the words.
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
  level: 1 | 2 | 3;
  visitor: string;
  total: string;
  yearToDate?: { admissions?: number; fundPaid?: string };
  maternity?: boolean;
}

function cliFund(f: Facts): string {
  const scenario = {
    insured: { region: f.insured, scheme: f.scheme, ...(f.status ? { status: f.status } : {}) },
    treatment: { region: f.treatment, setting: "inpatient", hospitalLevel: f.level, date: DATE },
    visitor: f.visitor,
    costs: { total: f.total },
    ...(f.yearToDate ? { yearToDate: f.yearToDate } : {}),
    ...(f.maternity ? { maternity: true } : {}),
  };
  const r = evaluate(scenario, getPolicyBook());
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.estimate.fundPays;
}

/** The estimate of the last message of a conversation. */
function estimateAfter(inputs: string[]): string {
  const replies = chat(inputs).at(-1)!;
  return estimateOf(replies) ?? textOf(replies);
}

function fundOf(text: string): string | undefined {
  return FUND.exec(text)?.[1]?.replace(/,/g, "");
}

function sameFund(text: string, f: Facts): void {
  const got = fundOf(text);
  expect(got, text.slice(0, 400)).toBeDefined();
  expect(new Decimal(got!).equals(cliFund(f)), `${text.slice(0, 400)}\nCLI ${cliFund(f)}`).toBe(true);
}

const readBackOf = (text: string) => text.split("\n").find((l) => l.startsWith("按："))!;

describe("this year's earlier stays and what the fund already paid", () => {
  it.each([
    ["苏州职工退休 今年第二次住院了 在上海三甲 花了5万", { insured: "320500", scheme: "employee", status: "retired", treatment: "310000", level: 3, visitor: "temporary_other", total: "50000", yearToDate: { admissions: 1 } }, "今年第 2 次住院"],
    ["这已经是今年第3次住院了 苏州职工在职 上海三甲 3万", { insured: "320500", scheme: "employee", status: "working", treatment: "310000", level: 3, visitor: "temporary_other", total: "30000", yearToDate: { admissions: 2 } }, "今年第 3 次住院"],
    ["武汉职工退休了 今年已经住过一次院了 这次在广州三甲又住了 花了2万", { insured: "420100", scheme: "employee", status: "retired", treatment: "440100", level: 3, visitor: "temporary_other", total: "20000", yearToDate: { admissions: 1 } }, "今年第 2 次住院"],
    ["武汉职工在职 今年之前住过两次院 这回在广州二级医院住院 花了1万5", { insured: "420100", scheme: "employee", status: "working", treatment: "440100", level: 2, visitor: "temporary_other", total: "15000", yearToDate: { admissions: 2 } }, "今年第 3 次住院"],
  ] as const)("%s", (text, facts, said) => {
    const t = estimateAfter([text]);
    expect(readBackOf(t)).toContain(said);
    expect(t).not.toContain("今年首次住院");
    sameFund(t, facts as Facts);
  });

  it("a stay said to be the year's first is counted as the first", () => {
    const t = estimateAfter(["苏州职工在职 这是今年第一次住院 上海三甲 3万"]);
    sameFund(t, { insured: "320500", scheme: "employee", status: "working", treatment: "310000", level: 3, visitor: "temporary_other", total: "30000", yearToDate: { admissions: 0 } });
  });

  it.each([
    ["北京职工在职 今年已经报了48万了 又在上海三甲住院了5万 还能报多少", { insured: "110000", scheme: "employee", status: "working", treatment: "310000", level: 3, visitor: "temporary_other", total: "50000", yearToDate: { fundPaid: "480000" } }],
    ["武汉职工在职 今年医保报过23万了 在广州三甲住院花了3万", { insured: "420100", scheme: "employee", status: "working", treatment: "440100", level: 3, visitor: "temporary_other", total: "30000", yearToDate: { fundPaid: "230000" } }],
  ] as const)("the year's cap nearly used is said before the figures: %s", (text, facts) => {
    const t = estimateAfter([text]);
    expect(readBackOf(t)).toContain(`今年医保已报 ${facts.yearToDate.fundPaid} 元`);
    sameFund(t, facts as Facts);
    const capLine = t.split("\n").findIndex((l) => l.includes("年度限额") && l.includes("只剩"));
    expect(capLine).toBeGreaterThan(0);
    expect(capLine).toBeLessThan(t.split("\n").findIndex((l) => l.startsWith("医保基金支付")));
    expect(t).not.toContain("还没报销过");
  });

  it("money spent this year is not money the fund paid", () => {
    const t = estimateAfter(["北京职工在职 今年已经花了48万了 在上海三甲住院5万"]);
    expect(readBackOf(t)).not.toContain("已报");
    expect(t).not.toContain("只剩");
  });

  it("a later message saying it is a second stay recomputes the estimate", () => {
    const facts: Facts = { insured: "320500", scheme: "employee", status: "retired", treatment: "310000", level: 3, visitor: "temporary_other", total: "50000" };
    const before = estimateAfter(["苏州职工退休 在上海三甲住院 花了5万"]);
    sameFund(before, facts);
    const after = estimateAfter(["苏州职工退休 在上海三甲住院 花了5万", "这是今年第二次住院了"]);
    sameFund(after, { ...facts, yearToDate: { admissions: 1 } });
  });
});

describe("a registration the person says is done", () => {
  const hz = { insured: "330100", scheme: "employee", status: "retired", treatment: "310000", level: 3, total: "80000" } as const;
  it.each(["备案了长期的", "长期备案了", "办了长期的", "她是长期备案的", "已经办了长期备案"])("%s → long-term, not an assumption", (words) => {
    const t = estimateAfter([`杭州职工退休 在上海三甲住院 总共8万 ${words}`]);
    const line = readBackOf(t);
    expect(line).toContain("长期备案");
    expect(line).not.toMatch(/备案[^、]*是我假设的/u);
    sameFund(t, { ...hz, visitor: "long_term" });
  });

  it.each(["临时备案了", "备案了临时的", "办的是临时的"])("%s → temporary, not an assumption", (words) => {
    const t = estimateAfter([`武汉职工在职 在广州二级医院住院3万 ${words}`]);
    expect(readBackOf(t)).toContain("其他临时外出备案");
    expect(readBackOf(t)).not.toContain("是我假设的");
  });

  it.each(["没办长期备案", "不是长期备案"])("a denial (%s) is no long-term registration", (words) => {
    const t = estimateAfter([`杭州职工退休 在上海三甲住院 总共8万 ${words}`]);
    expect(readBackOf(t)).not.toContain("长期备案");
  });

  it("a question about long-term registration states nothing", () => {
    const t = textOf(chat(["长期备案怎么办"])[0]!);
    expect(t).not.toContain("长期备案是");
    expect(t).not.toContain("已记下");
  });

  it.each(["她办了长期备案的", "其实我们备案了长期的", "他是长期备案的"])("at a result, %s corrects the registration and recomputes", (words) => {
    const t = estimateAfter(["我妈杭州职工退休 在上海三甲住院 总共8万", words]);
    expect(t).not.toContain("第 1/6 步");
    expect(readBackOf(t)).toContain("长期备案");
    sameFund(t, { ...hz, visitor: "long_term" });
  });
});

describe("childbirth", () => {
  it("said in an earlier message, it still makes the estimate say: pay first, claim maternity benefits", () => {
    const t = estimateAfter(["我老婆回老家生孩子 医保是苏州的职工 老家是安徽蚌埠 能直接刷医保吗", "那大概能报多少 顺产花了8千"]);
    expect(t).toContain("生育保险");
    expect(t).toContain("先自己垫付");
  });
  // Maternity benefits have rules of their own (often fixed sums): no inpatient figure is made up for a birth.
  it.each(["南京职工在职 在合肥三甲医院剖腹产 花了1万2 能报多少", "我在苏州交的职工医保 去上海三甲医院分娩 住院花了2万", "我老婆要回老家生孩子 医保是苏州职工 老家安徽蚌埠 顺产大概八千 能报多少"])("%s", (text) => {
    const t = estimateAfter([text]);
    expect(readBackOf(t)).toContain("生孩子");
    expect(t).not.toMatch(/医保基金支付[：:]\s*\d/);
    expect(t).toContain("生育待遇的数据");
  });
  it("生育保险 named in a question is no childbirth", () => {
    const t = estimateAfter(["南京职工在职 在合肥三甲医院住院 花了1万2 生育保险能报吗"]);
    expect(t).not.toContain("直接结算：不能（生育");
  });
});

describe("living or working where the care is", () => {
  it.each([
    "我是河南周口的职工医保 在东莞打工好几年了 在东莞住院花了8000 三甲",
    "周口职工 常年在东莞上班 在东莞三甲住院花了8000",
  ])("%s → long-term assumed and said, not a short trip", (text) => {
    const t = estimateAfter([text]);
    expect(readBackOf(t)).toMatch(/长期备案[^（]*（.*长期备案是我假设的）/u);
    expect(t).toContain("按长期备案算");
  });
  it.each(["他还在厂里上班", "他以前在上海上班"])("work with no place, or in the past (%s), says nothing about where he lives", (words) => {
    const t = estimateAfter([`苏州职工医保 在上海三甲住院 花了3万 ${words}`]);
    expect(readBackOf(t)).not.toContain("长期备案");
  });
  it("the asker's own job when asking for a parent does not count", () => {
    const t = estimateAfter(["我妈郑州职工医保退休 在北京三甲住院 花了3万 我在北京上班"]);
    expect(readBackOf(t)).not.toContain("长期备案");
  });
});
