/**
 * Fixes of issue 11 against the real policy files, each built from its source's own words
 * (quoted above each case); the expected amounts are worked out in the comments.
 */
import { describe, expect, it } from "vitest";
import { evaluate, type ExplainedEstimate as Estimate } from "../../src/conversation/policy-book.ts";
import type { ScenarioInput } from "../../src/policy/scenario.ts";

function estimate(input: Omit<ScenarioInput, "visitor"> & { visitor?: ScenarioInput["visitor"] }): Estimate {
  const result = evaluate({ visitor: "long_term", ...input });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.estimate;
}

const inpatient = (region: string, level: 1 | 2 | 3, date = "2026-03-01") => ({ region, setting: "inpatient" as const, hospitalLevel: level, date });

describe("retirees under a visitor's own schedule", () => {
  // SJZ-RT: "起付线在在职职工基础上降100元，但最低不低于100元，支付比例比在职职工提高3个百分点" — no exception.
  // M2: "经备案，转往京津冀以外医疗协议医疗机构 1500元 76%".
  it("石家庄 retiree referred to 上海, level 3, 20000: (20000 − 1400) × 79% = 14694 (was 14060)", () => {
    const e = estimate({
      insured: { region: "石家庄", scheme: "employee", status: "retired" },
      treatment: inpatient("上海", 3),
      visitor: "referral",
      costs: { total: "20000", classB: "0" },
      yearToDate: { admissions: 0 },
    });
    expect([e.fundPays, e.youPay]).toEqual(["14694.00", "5306.00"]);
  });

  it("the working person keeps (20000 − 1500) × 76% = 14060", () => {
    const e = estimate({
      insured: { region: "石家庄", scheme: "employee", status: "working" },
      treatment: inpatient("上海", 3),
      visitor: "referral",
      costs: { total: "20000", classB: "0" },
      yearToDate: { admissions: 0 },
    });
    expect(e.fundPays).toBe("14060.00");
  });

  it("where a region has no retiree figures, the assumptions say retirees got the working ones", () => {
    const e = estimate({
      insured: { region: "南昌", scheme: "employee", status: "retired" },
      treatment: inpatient("上海", 3),
      costs: { total: "20000", classB: "0" },
      yearToDate: { admissions: 0 },
    });
    expect(e.assumptions.join("\n")).toContain("没有退休人员的起付线或比例数据，按在职标准算");
    const withFigures = estimate({
      insured: { region: "石家庄", scheme: "employee", status: "retired" },
      treatment: inpatient("上海", 3),
      costs: { total: "20000", classB: "0" },
      yearToDate: { admissions: 0 },
    });
    expect(withFigures.assumptions.join("\n")).not.toContain("按在职标准算");
  });
});

describe("京津冀 free zone for both schemes", () => {
  // M2: "自2023年2月10日起，在已开通…直接结算的京津冀定点医疗机构和定点零售药店看病就医免备案直接结算".
  it("石家庄 居民 referred to 北京 settles as at home: (20000 − 1500) × 60% = 11100 (was 3000/45%: 7650)", () => {
    const e = estimate({
      insured: { region: "石家庄", scheme: "resident" },
      treatment: inpatient("北京", 3),
      visitor: "referral",
      costs: { total: "20000", classB: "0" },
    });
    expect(e.fundPays).toBe("11100.00");
    expect(e.directSettlement.possible).toBe(true);
  });

  it("but not before 2023-02-10", () => {
    const e = estimate({
      insured: { region: "石家庄", scheme: "resident" },
      treatment: inpatient("北京", 3, "2023-02-09"),
      visitor: "referral",
      costs: { total: "20000", classB: "0" },
    });
    expect(e.fundPays).toBe("7650.00");
  });
});

describe("encoding errors of item 6", () => {
  // LY-GOV: "临时外出就医人员…个人先自付比例均调整为10%": all temporary visitors, not only "其他".
  it.each(["referral", "emergency", "temporary_other"] as const)("临沂 %s pays 10%% first", (visitor) => {
    const e = estimate({
      insured: { region: "临沂", scheme: "employee", status: "working" },
      treatment: inpatient("上海", 3),
      visitor,
      costs: { total: "20000", classB: "0" },
      yearToDate: { admissions: 0 },
    });
    const step = e.steps.find((s) => s.kind === "visitor_first_pay");
    expect(step?.amount).toBe("2000.00");
    expect(step?.source.quote).toContain("临时外出就医人员");
  });

  // G1: "在省内异地联网定点医疗机构直接结算的住院基本医疗费用按照市内就医支付比例的90%支付".
  it("深圳: the in-province 90% is for direct settlement; an unregistered patient gets 80%", () => {
    const run = (visitor: "temporary_other" | "unregistered") =>
      estimate({
        insured: { region: "深圳", scheme: "employee", status: "working" },
        treatment: inpatient("广州", 3),
        visitor,
        costs: { total: "20000", classB: "0" },
        yearToDate: { admissions: 0 },
      }).steps.find((s) => s.kind === "ratio" && s.rates)?.rates?.[0]?.applied;
    expect(Number(run("temporary_other"))).toBe(81);
    expect(Number(run("unregistered"))).toBe(72);
  });

  // G3: "市域外门诊急诊治疗或办理转诊手续后在市域外普通门诊治疗…不分医疗机构级别，医保基金支付比例为40%" — no deductible of its own.
  it("大庆 outpatient referral: the annual deductible, less what was paid this year: (1000 − 200) × 40% = 320", () => {
    const e = estimate({
      insured: { region: "大庆", scheme: "employee", status: "working" },
      treatment: { region: "哈尔滨", setting: "outpatient", hospitalLevel: 3, date: "2026-03-01" },
      visitor: "referral",
      costs: { total: "1000", classB: "0" },
      yearToDate: { deductiblePaid: "300" },
    });
    expect(e.steps.find((s) => s.kind === "deductible")?.amount).toBe("200.00");
    expect(e.fundPays).toBe("320.00");
    expect(e.assumptions.join("\n")).toContain("没有另列起付线");
  });
});

describe("清远's cap is monthly", () => {
  // QY-BD: "普通门诊医疗费用报销比例为55%，每月限额50元".
  const run = (fundPaid?: string) =>
    estimate({
      insured: { region: "清远", scheme: "resident" },
      treatment: { region: "清远", setting: "outpatient", hospitalLevel: 2, date: "2026-03-01" },
      costs: { total: "1000", classB: "0" },
      ...(fundPaid ? { yearToDate: { fundPaid } } : {}),
    });

  it("1000 at 55% is capped at 50 for the month, worded as a monthly cap", () => {
    const e = run();
    expect(e.fundPays).toBe("50.00");
    const cap = e.steps.find((s) => s.kind === "cap");
    expect(cap?.rule).toContain("每月限额 50.00 元");
    expect(cap?.rule).not.toContain("年度");
    expect(e.assumptions.join("\n")).toContain("每月限额 50.00 元，按本月此前没有报销过计算");
  });

  it("what the fund paid earlier in the year does not use up this month's 50 (it did as an annual cap)", () => {
    expect(run("50").fundPays).toBe("50.00");
  });
});

describe("广州 职工 普通门诊 cap by status", () => {
  // M3: "2023年度为7214元" (在职, 上上年平均工资5%) and "10100元" (退休, 7%); 专科 在职65%, 退休70%; 无起付.
  const run = (status: "working" | "retired") =>
    estimate({
      insured: { region: "广州", scheme: "employee", status },
      treatment: { region: "广州", setting: "outpatient", hospitalLevel: 3, date: "2026-03-01" },
      costs: { total: "20000", classB: "0" },
    });

  it("a retiree's 20000 at 70% = 14000 is capped at 10100 (was 7214, the working cap)", () => {
    const e = run("retired");
    expect(e.fundPays).toBe("10100.00");
    const cap = e.steps.find((s) => s.kind === "cap");
    expect(cap?.rule).toContain("10100");
    expect(cap?.source.quote).toBe("10100元");
  });

  it("a working person's 20000 at 65% = 13000 is capped at 7214", () => {
    expect(run("working").fundPays).toBe("7214.00");
  });
});

describe("南昌 居民 against 江西's unified rule", () => {
  // M9 (B, 2021-12-23, all schemes): 未转诊/未安置 "省外统一为20%"; NC-JX21 (B-, 2021): "起付线为800元、政策范围内的医疗费用按35%比例支付".
  // policy-facts: prefer the newer A/B source and record the older one under rejected.
  it("from 2021-12-23 the older 800/35% is under rejected, with M9 named as what replaced it", async () => {
    const { getPolicyBook } = await import("../../src/policy/book.ts");
    const book = getPolicyBook();
    const found = book.versionFor("360100", "resident", "2026-03-01");
    if ("error" in found) throw new Error("no version");
    const old = found.version.rejected.find((r) => r.source === "NC-JX21");
    expect(old?.reason).toContain("800元");
    expect(old?.reason).toContain("M9");
    expect(found.version.visitors.filter((v) => v.source === "NC-JX21")).toEqual([]);
  });
  it("an unregistered stay in 上海: 20% first, then the city's own 二级 400/60%: (16000 − 400) × 60% = 9360 (was 800/35%: 6720)", () => {
    const r = evaluate({
      insured: { region: "南昌", scheme: "resident" },
      treatment: { region: "上海", setting: "inpatient", hospitalLevel: 2, date: "2026-03-01" },
      visitor: "unregistered",
      costs: { total: "20000", classB: "0", outOfCatalog: "0" },
    });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.estimate.fundPays).toBe("9360.00");
  });
  it("before 2021-12-23 the city's own 800/35% still applies", () => {
    const r = evaluate({
      insured: { region: "南昌", scheme: "resident" },
      treatment: { region: "上海", setting: "inpatient", hospitalLevel: 2, date: "2021-06-01" },
      visitor: "temporary_other",
      costs: { total: "20000", classB: "0", outOfCatalog: "0" },
    });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.estimate.fundPays).toBe("6720.00");
  });
});

describe("居民 outpatient without data is answered honestly", () => {
  const outpatient = (region: string, setting: "outpatient" | "chronic_outpatient" = "outpatient") =>
    evaluate({
      insured: { region, scheme: "resident" },
      treatment: { region: "上海", setting, hospitalLevel: 2, date: "2026-03-01" },
      visitor: "long_term",
      costs: { total: "3000", classB: "0" },
    });

  it("南昌 居民 普通门诊: no figures anywhere, so 'no data' and what to ask — never 不予支付", () => {
    const r = outpatient("南昌");
    expect(r.ok).toBe(false);
    const text = r.ok ? "" : r.errors.map((e) => e.message).join("\n");
    expect(text).toContain("还没有核实过的数据");
    expect(text).toContain("这不等于不能报");
    expect(text).toContain("起付线、报销比例和年度限额");
    // The national fact it rests on (常州 guide reproducing 国家医保局's 三步走), by title.
    expect(text).toContain("常州异地就医指南");
    expect(text).not.toContain("不予支付");
  });

  it("no region's resident outpatient is refused with 不予支付 without a sourced rule", async () => {
    const { getPolicyBook } = await import("../../src/policy/book.ts");
    for (const region of getPolicyBook().regions.values()) {
      if (!region.schemes.resident) continue;
      for (const setting of ["outpatient", "chronic_outpatient"] as const) {
        const r = outpatient(region.name, setting);
        if (!r.ok) expect(r.errors.map((e) => e.message).join(), region.name).not.toContain("不予支付");
      }
    }
  });

  it("a region with its own figures still gets an estimate (清远 55%)", () => {
    const r = outpatient("清远");
    expect(r.ok).toBe(true);
  });
});

describe("蚌埠 转诊 起付 (BB-GOV, A): 市域外省内 2000, 省外 2500, 45%–75%", () => {
  const referral = (treatment: string) =>
    estimate({ insured: { region: "蚌埠", scheme: "resident" }, treatment: inpatient(treatment, 3), visitor: "referral", costs: { total: "20000", classB: "0" } });

  it("referred to 上海: (20000 − 2500) × 45% = 7875, and the 45%–75% range is stated as an assumption", () => {
    const e = referral("上海");
    expect(e.fundPays).toBe("7875.00");
    expect(e.steps.find((s) => s.kind === "deductible")?.amount).toBe("2500.00");
    expect(e.assumptions.join("\n")).toContain("45%–75%");
  });

  it("referred inside 安徽 (合肥): deductible 2000: (20000 − 2000) × 45% = 8100", () => {
    expect(referral("合肥").fundPays).toBe("8100.00");
  });
});

describe("a level the data reads one way is stated (石家庄 三级 = 省属三级)", () => {
  it("石家庄 职工 level 3 names the 市属三级 figures it did not use; level 2 does not", () => {
    const run = (level: 2 | 3) =>
      estimate({ insured: { region: "石家庄", scheme: "employee", status: "working" }, treatment: inpatient("石家庄", level), costs: { total: "20000", classB: "0" }, yearToDate: { admissions: 0 } });
    expect(run(3).assumptions.join("\n")).toMatch(/省属三级.*900元.*82%.*市属三级.*600元.*85%/);
    // The assumption travels with the block; a level-2 stay uses the same block, so it is listed too.
    expect(run(2).fundPays).toBe("17550.00");
  });
});

describe("南昌 职工 普通门诊: the region's own 400 cap on the template's rates", () => {
  it("3000 at level 2: the template's rates, then the cap of 400 from 南昌's source, not the template's 4500", () => {
    const e = estimate({
      insured: { region: "南昌", scheme: "employee", status: "working" },
      treatment: { region: "上海", setting: "outpatient", hospitalLevel: 2, date: "2026-03-01" },
      costs: { total: "3000", classB: "0" },
    });
    const cap = e.steps.find((s) => s.kind === "cap");
    expect(cap?.amount).toBe("400.00");
    expect(cap?.source.title).toContain("南昌医保异地就医医保报销流程");
    expect(e.fundPays).toBe("400.00");
  });

  it("the warning says only the deductible and ratio are the template's: the cap is 南昌's own", () => {
    const e = estimate({
      insured: { region: "南昌", scheme: "employee", status: "working" },
      treatment: { region: "上海", setting: "outpatient", hospitalLevel: 2, date: "2026-03-01" },
      costs: { total: "3000", classB: "0" },
    });
    expect(e.warnings[0]).toContain("南昌市普通门诊的起付线和报销比例暂无我们核实过的数据");
    expect(e.warnings[0]).not.toContain("和限额暂无");
    expect(e.warnings[0]).toContain("如年度限额、异地就医人员的待遇调整");
    // Where the cap is the template's too, the warning names it among the template's figures.
    const other = estimate({
      insured: { region: "天津", scheme: "employee", status: "working" },
      treatment: { region: "上海", setting: "outpatient", hospitalLevel: 2, date: "2026-03-01" },
      costs: { total: "3000", classB: "0" },
    });
    expect(other.warnings[0]).toContain("天津市普通门诊的起付线、报销比例和限额暂无");
  });
});

describe("grades as policy-facts gives them, and the primary national documents cited", () => {
  it("S2 is B; S3, S3-HN and S4 are C", async () => {
    const { loadPolicyFiles } = await import("../../src/policy/load.ts");
    const files = loadPolicyFiles();
    expect(files.national.sources.S2?.grade).toBe("B");
    expect(files.national.sources.S3?.grade).toBe("C");
    expect(files.national.sources.S4?.grade).toBe("C");
    for (const r of files.regions) {
      if (r.sources["S3-HN"]) expect(r.sources["S3-HN"].grade, r.name).toBe("C");
      for (const id of ["S2", "S3", "S4"]) if (r.sources[id]) expect(r.sources[id], `${r.name} ${id}`).toEqual(files.national.sources[id]);
    }
  });

  it("the cross-province principle cites the 人社部 document (S5), not the 2018 hospital page", async () => {
    const { loadPolicyFiles } = await import("../../src/policy/load.ts");
    const { national } = loadPolicyFiles();
    const p = national.principles.find((x) => x.id === "cross_province");
    expect(p?.source).toBe("S5");
    expect(p?.note).toContain("N22");
    const nn = national.principles.find((x) => x.id === "non_networked");
    expect(national.sources[nn!.source]?.grade).toBe("C");
    expect(nn?.text).toContain("可信度较低");
  });
});

describe("海口 居民: figures a page dates 2025 are not shown as 2022's (item 1)", () => {
  const stay = (date: string) =>
    estimate({ insured: { region: "海口", scheme: "resident" }, treatment: { region: "广州", setting: "inpatient", hospitalLevel: 3, date }, costs: { total: "10000", classB: "0", outOfCatalog: "0" } });
  it("a 2026 stay uses them: (10000 − 350) × 65% = 6272.50, from a version that starts in 2025", () => {
    const e = stay("2026-03-01");
    expect(e.fundPays).toBe("6272.50");
    expect(e.policy).toMatchObject({ version: "2025", from: "2025-01-01", typical: false });
  });
  it("a 2024 stay does not: the labelled template, (10000 − 900) × 60% = 5460", () => {
    const e = stay("2024-06-01");
    expect(e.policy.typical).toBe(true);
    expect(e.fundPays).toBe("5460.00");
  });
});

describe("临沂: after the 10% first pay, the 市内三级 standard whatever the hospital (build item 5)", () => {
  // LY-GOV (A): 临时外出就医人员…个人先自付比例均调整为10%; the rest settles as at a 市内三级 hospital.
  // 临沂 has no 三级 figures of its own: the template's 三级 900/85%. 30000 × 90% = 27000; (27000 − 900) × 85% = 22185.
  it.each([1, 2, 3] as const)("a level-%i hospital in 上海: 22185, and the reading is said", (level) => {
    const e = estimate({ insured: { region: "临沂", scheme: "employee", status: "working" }, treatment: inpatient("上海", level), visitor: "temporary_other", costs: { total: "30000", classB: "0", outOfCatalog: "0" } });
    expect(e.fundPays).toBe("22185.00");
    expect(e.assumptions.join("\n")).toContain("按临沂市内三级医院的标准结算");
  });
});
