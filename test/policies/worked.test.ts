/**
 * One or more hand-computed examples per region with settlement data, run through the real
 * evaluator against the real policies/ files. The arithmetic is written out in each comment;
 * the expected amounts are the results of that arithmetic, not copied from the evaluator.
 * classB is "0" unless a case is about 乙类, so the 乙类 share does not enter.
 */
import { describe, expect, it } from "vitest";
import { evaluate, type ExplainedEstimate as Estimate } from "../../src/conversation/policy-book.ts";
import { workedScenario, type WorkedCase } from "./worked-case.ts";

type Case = WorkedCase;

function estimate(c: Case): Estimate {
  const result = evaluate(workedScenario(c, "2025-08-01"));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.estimate;
}

/** [fund, serious illness / above-cap layer, person] */
function split(e: Estimate): [string, string, string] {
  return [e.fundPays, e.seriousIllnessPays, e.youPay];
}

describe("苏州 320500 职工 (C-grade table, 2024 version)", () => {
  it("在职 三级 首次 长期居住 in 北京", () => {
    // 起付800; (30000 − 800) = 29200 falls in the first band (≤ 4万) at 90% → 26280; you 800 + 2920 = 3720.
    const e = estimate({ insured: "苏州", treatment: "北京", level: 3, total: "30000", date: "2025-05-01" });
    expect(split(e)).toEqual(["26280.00", "0.00", "3720.00"]);
    expect(e.policy).toMatchObject({ region: "320500", typical: false, version: "2024", confidence: "low" });
  });

  it("其他临时外出: 80% of the normal ratio", () => {
    // 90% × 0.8 = 72%; 29200 × 72% = 21024; you 30000 − 21024 = 8976.
    const e = estimate({ insured: "苏州", treatment: "北京", visitor: "temporary_other", level: 3, total: "30000", date: "2025-05-01" });
    expect(split(e)).toEqual(["21024.00", "0.00", "8976.00"]);
  });

  it("退休 三级 第二次住院", () => {
    // Retired level-3 deductibles 600/300/100 → 2nd admission 300; retired ratio 95% throughout;
    // (50000 − 300) × 95% = 47215; you 50000 − 47215 = 2785.
    const e = estimate({ insured: "苏州", status: "retired", treatment: "北京", level: 3, total: "50000", admissions: 1, date: "2025-05-01" });
    expect(split(e)).toEqual(["47215.00", "0.00", "2785.00"]);
  });

  it("emergency is not cut", () => {
    // Emergency exempt from the 80% rule (M1): as 长期居住, 26280.
    const e = estimate({ insured: "苏州", treatment: "北京", visitor: "emergency", level: 3, total: "30000", date: "2025-05-01" });
    expect(e.fundPays).toBe("26280.00");
  });
});

describe("南昌 360100 职工 (G2 ratios from 2025-07-01)", () => {
  it("在职 三级 长期居住 in 上海, with 乙类", () => {
    // 乙类 5000 × 10% (江西, the treatment place has no share) = 500; eligible 29500;
    // 起付700; (29500 − 700) × 85% = 24480; you 30000 − 24480 = 5520.
    const e = estimate({ insured: "南昌", treatment: "上海", level: 3, total: "30000", classB: "5000" });
    expect(split(e)).toEqual(["24480.00", "0.00", "5520.00"]);
    expect(e.steps.find((s) => s.kind === "class_b_first_pay")?.amount).toBe("500.00");
  });

  it("其他临时外出 跨省: the person first pays 20%", () => {
    // eligible 29500; 先自付 20% = 5900; base 23600; (23600 − 700) × 85% = 19465; you 10535.
    const e = estimate({ insured: "南昌", treatment: "上海", visitor: "temporary_other", level: 3, total: "30000", classB: "5000" });
    expect(split(e)).toEqual(["19465.00", "0.00", "10535.00"]);
    expect(e.steps.find((s) => s.kind === "visitor_first_pay")?.amount).toBe("5900.00");
  });

  it("转诊: first 10%", () => {
    // eligible 29500; 10% = 2950; base 26550; (26550 − 700) × 85% = 21972.50; you 8027.50.
    const e = estimate({ insured: "南昌", treatment: "上海", visitor: "referral", level: 3, total: "30000", classB: "5000" });
    expect(split(e)).toEqual(["21972.50", "0.00", "8027.50"]);
  });

  it("其他临时外出 省内 (九江): first 15%", () => {
    // Intra-province: 参保地目录, 乙类 10% → 500; eligible 29500; 15% = 4425; base 25075;
    // (25075 − 700) × 85% = 20718.75; you 9281.25.
    const e = estimate({ insured: "南昌", treatment: "九江", visitor: "temporary_other", level: 3, total: "30000", classB: "5000" });
    expect(e.jurisdiction).toBe("intra_province");
    expect(split(e)).toEqual(["20718.75", "0.00", "9281.25"]);
  });

  it("before 2025-07-01 there is no sourced inpatient table: a labelled typical estimate", () => {
    // Typical employee level 3: 起付900, 85%; the 乙类 share is still 南昌's own sourced 10%
    // (上海 has none in the data) → 500; eligible 29500; (29500 − 900) × 85% = 24310; you 5690.
    const e = estimate({ insured: "南昌", treatment: "上海", level: 3, total: "30000", classB: "5000", date: "2025-06-15" });
    expect(e.policy.typical).toBe(true);
    expect(split(e)).toEqual(["24310.00", "0.00", "5690.00"]);
  });
});

describe("南昌 360100 居民 (江西's unified visitor rule from 2021-12-23)", () => {
  it("长期居住 二级: own deductible and ratio", () => {
    // 起付400, 60%: (20000 − 400) × 60% = 11760; you 8240.
    expect(split(estimate({ insured: "南昌", scheme: "resident", treatment: "上海", level: 2, total: "20000" }))).toEqual(["11760.00", "0.00", "8240.00"]);
  });
  it("转诊: 江西 个人先行负担10%, then the same level (400, 60%)", () => {
    // 20000 × 10% = 2000 first; (18000 − 400) × 60% = 10560; you 9440. (Before 2021-12-23: 本市三级 600/60%, 11640.)
    expect(split(estimate({ insured: "南昌", scheme: "resident", treatment: "上海", visitor: "referral", level: 2, total: "20000" }))).toEqual(["10560.00", "0.00", "9440.00"]);
  });
  it("其他临时外出 跨省: 江西 先行自付20%, then the same level (400, 60%)", () => {
    // 20000 × 20% = 4000 first; (16000 − 400) × 60% = 9360; you 10640. (Before 2021-12-23: 800/35%, 6720.)
    expect(split(estimate({ insured: "南昌", scheme: "resident", treatment: "上海", visitor: "temporary_other", level: 2, total: "20000" }))).toEqual(["9360.00", "0.00", "10640.00"]);
  });
});

describe("石家庄 130100 职工 2024", () => {
  it("在职 三级 (省属) 长期居住 in 上海", () => {
    // 起付900, 82%: (30000 − 900) × 82% = 23862; you 6138.
    expect(split(estimate({ insured: "石家庄", treatment: "上海", level: 3, total: "30000" }))).toEqual(["23862.00", "0.00", "6138.00"]);
  });
  it("退休: deductible −100, ratio +3 points", () => {
    // 起付 900 − 100 = 800; 82 + 3 = 85%; (30000 − 800) × 85% = 24820; you 5180.
    expect(split(estimate({ insured: "石家庄", status: "retired", treatment: "上海", level: 3, total: "30000" }))).toEqual(["24820.00", "0.00", "5180.00"]);
  });
  it("退休 一级: deductible not below 100, personal share not below 1%", () => {
    // 起付 100 − 100 = 0 → floor 100; 98 + 3 = 101 → capped at 99%; (10000 − 100) × 99% = 9801; you 199.
    expect(split(estimate({ insured: "石家庄", status: "retired", treatment: "上海", level: 1, total: "10000" }))).toEqual(["9801.00", "0.00", "199.00"]);
  });
  it("转诊 outside 京津冀: 1500 and 76%", () => {
    // (30000 − 1500) × 76% = 21660; you 8340.
    expect(split(estimate({ insured: "石家庄", treatment: "上海", visitor: "referral", level: 3, total: "30000" }))).toEqual(["21660.00", "0.00", "8340.00"]);
  });
  it("其他临时外出 in 北京: 京津冀 needs no registration, same as at home", () => {
    // Free zone since 2023-02-10: 23862 as at home; direct settlement possible.
    const e = estimate({ insured: "石家庄", treatment: "北京", visitor: "temporary_other", level: 3, total: "30000" });
    expect(split(e)).toEqual(["23862.00", "0.00", "6138.00"]);
    expect(e.directSettlement.possible).toBe(true);
  });
  it("其他临时外出 in 上海: no sourced cut, the national ceiling (20 points) is assumed", () => {
    // 82 − 20 = 62%; 29100 × 62% = 18042; you 11958.
    const e = estimate({ insured: "石家庄", treatment: "上海", visitor: "temporary_other", level: 3, total: "30000" });
    expect(split(e)).toEqual(["18042.00", "0.00", "11958.00"]);
    expect(e.assumptions.length).toBeGreaterThan(0);
  });
});

describe("石家庄 130100 居民", () => {
  it("长期居住 省内 (邯郸) 三级", () => {
    // 起付1500, 60%: (20000 − 1500) × 60% = 11100; you 8900.
    expect(split(estimate({ insured: "石家庄", scheme: "resident", treatment: "邯郸", level: 3, total: "20000" }))).toEqual(["11100.00", "0.00", "8900.00"]);
  });
  it("转省外: 3000 and 45%", () => {
    // (20000 − 3000) × 45% = 7650; you 12350.
    expect(split(estimate({ insured: "石家庄", scheme: "resident", treatment: "上海", visitor: "referral", level: 3, total: "20000" }))).toEqual(["7650.00", "0.00", "12350.00"]);
  });
});

describe("北京 110000 职工 (progressive bands)", () => {
  it("在职 三级 首次", () => {
    // 起付1300; 1300–3万: 28700 × 85% = 24395; 3–4万: 10000 × 90% = 9000; 4–5万: 10000 × 95% = 9500;
    // fund 42895; you 7105.
    expect(split(estimate({ insured: "北京", treatment: "石家庄", level: 3, total: "50000" }))).toEqual(["42895.00", "0.00", "7105.00"]);
  });
  it("在职 三级 第二次: deductible 650", () => {
    // 650–3万: 29350 × 85% = 24947.50; + 9000 + 9500 = 43447.50; you 6552.50.
    expect(split(estimate({ insured: "北京", treatment: "石家庄", level: 3, total: "50000", admissions: 1 }))).toEqual(["43447.50", "0.00", "6552.50"]);
  });
  it("退休 二级", () => {
    // 1300–3万: 28700 × 96.1% = 27580.70; 3–3.5万: 5000 × 97.6% = 4880; fund 32460.70; you 2539.30.
    expect(split(estimate({ insured: "北京", status: "retired", treatment: "石家庄", level: 2, total: "35000" }))).toEqual(["32460.70", "0.00", "2539.30"]);
  });
});

describe("上海 310000 职工 在职", () => {
  it("二级 长期居住 in 苏州", () => {
    // 起付1500, 85%: (20000 − 1500) × 85% = 15725; you 4275.
    expect(split(estimate({ insured: "上海", treatment: "苏州", level: 2, total: "20000" }))).toEqual(["15725.00", "0.00", "4275.00"]);
  });
  it("above the 59万 cap (2022医保年度) the fund pays 80%", () => {
    // Raw fund (800000 − 1500) × 85% = 678725 > 590000 → fund 590000.
    // The fund reaches the cap at 1500 + 590000 / 0.85 = 695617.647…; above it 800000 − 695617.647… = 104382.3529…,
    // × 80% = 83505.88 (rounded to the fen); you 800000 − 590000 − 83505.88 = 126494.12.
    expect(split(estimate({ insured: "上海", treatment: "苏州", level: 3, total: "800000", date: "2023-03-01" }))).toEqual(["590000.00", "83505.88", "126494.12"]);
  });
});

describe("广州 440100 职工 2023", () => {
  it("在职 三级 in 长沙", () => {
    // 起付1000, 80%: 29000 × 80% = 23200; you 6800.
    expect(split(estimate({ insured: "广州", treatment: "长沙", level: 3, total: "30000" }))).toEqual(["23200.00", "0.00", "6800.00"]);
  });
  it("退休 二级", () => {
    // 起付500, 89.5%: 9500 × 89.5% = 8502.50; you 1497.50.
    expect(split(estimate({ insured: "广州", status: "retired", treatment: "长沙", level: 2, total: "10000" }))).toEqual(["8502.50", "0.00", "1497.50"]);
  });
  it("普通门诊 基层: no deductible, 80%", () => {
    // 500 × 80% = 400; you 100.
    expect(split(estimate({ insured: "广州", treatment: "长沙", level: 1, total: "500", setting: "outpatient" }))).toEqual(["400.00", "0.00", "100.00"]);
  });
});

describe("深圳 440300 职工 (G1 multipliers, 乙类 1%)", () => {
  it("在职 三级 长期居住, 乙类 1% of 10000", () => {
    // 乙类 10000 × 1% = 100; eligible 29900; 起付600 (C); (29900 − 600) × 90% = 26370; you 3630.
    expect(split(estimate({ insured: "深圳", treatment: "长沙", level: 3, total: "30000", classB: "10000" }))).toEqual(["26370.00", "0.00", "3630.00"]);
  });
  it("急诊: 90% of the ratio", () => {
    // 90 × 0.9 = 81%; 29300 × 81% = 23733; you 6267.
    expect(split(estimate({ insured: "深圳", treatment: "长沙", visitor: "emergency", level: 3, total: "30000", classB: "10000" }))).toEqual(["23733.00", "0.00", "6267.00"]);
  });
  it("其他临时外出 跨省: 80%", () => {
    // 90 × 0.8 = 72%; 29300 × 72% = 21096; you 8904.
    expect(split(estimate({ insured: "深圳", treatment: "长沙", visitor: "temporary_other", level: 3, total: "30000", classB: "10000" }))).toEqual(["21096.00", "0.00", "8904.00"]);
  });
  it("其他临时外出 省内住院: 90%", () => {
    // 省内 (广州): 参保地目录, 乙类 1% → 100; 90 × 0.9 = 81%; 29300 × 81% = 23733; you 6267.
    expect(split(estimate({ insured: "深圳", treatment: "广州", visitor: "temporary_other", level: 3, total: "30000", classB: "10000" }))).toEqual(["23733.00", "0.00", "6267.00"]);
  });
  it("退休 其他临时外出 跨省", () => {
    // 95 × 0.8 = 76%; 29300 × 76% = 22268; you 7732.
    expect(split(estimate({ insured: "深圳", status: "retired", treatment: "长沙", visitor: "temporary_other", level: 3, total: "30000", classB: "10000" }))).toEqual(["22268.00", "0.00", "7732.00"]);
  });
});

describe("武汉 420100", () => {
  it("职工 在职 三级", () => {
    // 起付800, 86%: 29200 × 86% = 25112; you 4888.
    expect(split(estimate({ insured: "武汉", treatment: "北京", level: 3, total: "30000" }))).toEqual(["25112.00", "0.00", "4888.00"]);
  });
  it("职工 退休: personal share 80% of the working one", () => {
    // 100 − 14 × 0.8 = 88.8%; 29200 × 88.8% = 25929.60; you 4070.40.
    expect(split(estimate({ insured: "武汉", status: "retired", treatment: "北京", level: 3, total: "30000" }))).toEqual(["25929.60", "0.00", "4070.40"]);
  });
  it("职工 第二次住院: deductible halved", () => {
    // 起付400; 29600 × 86% = 25456; you 4544.
    expect(split(estimate({ insured: "武汉", treatment: "北京", level: 3, total: "30000", admissions: 1 }))).toEqual(["25456.00", "0.00", "4544.00"]);
  });
  it("居民 二级 第二次住院", () => {
    // 起付 400 → 200; 70%: 9800 × 70% = 6860; you 3140.
    expect(split(estimate({ insured: "武汉", scheme: "resident", treatment: "北京", level: 2, total: "10000", admissions: 1 }))).toEqual(["6860.00", "0.00", "3140.00"]);
  });
});

describe("海口 460100", () => {
  it("职工 在职 二级", () => {
    // 起付800, 88%: 19200 × 88% = 16896; you 3104.
    expect(split(estimate({ insured: "海口", treatment: "广州", level: 2, total: "20000" }))).toEqual(["16896.00", "0.00", "3104.00"]);
  });
  it("职工 退休 三级", () => {
    // 起付600, 90%: 19400 × 90% = 17460; you 2540.
    expect(split(estimate({ insured: "海口", status: "retired", treatment: "广州", level: 3, total: "20000" }))).toEqual(["17460.00", "0.00", "2540.00"]);
  });
  it("居民 三级 (C-grade, low confidence)", () => {
    // 起付350, 65%: 9650 × 65% = 6272.50; you 3727.50.
    const e = estimate({ insured: "海口", scheme: "resident", treatment: "广州", level: 3, total: "10000" });
    expect(split(e)).toEqual(["6272.50", "0.00", "3727.50"]);
    expect(e.policy.confidence).toBe("low");
  });
});

describe("大连 210200 职工", () => {
  it("在职 三级 首次 and 第二次", () => {
    // 起付850: 29150 × 85% = 24777.50; you 5222.50. Second: 680: 29320 × 85% = 24922; you 5078.
    expect(split(estimate({ insured: "大连", treatment: "北京", level: 3, total: "30000" }))).toEqual(["24777.50", "0.00", "5222.50"]);
    expect(split(estimate({ insured: "大连", treatment: "北京", level: 3, total: "30000", admissions: 1 }))).toEqual(["24922.00", "0.00", "5078.00"]);
  });
  it("退休 一级", () => {
    // 起付300, 95%: 9700 × 95% = 9215; you 785.
    expect(split(estimate({ insured: "大连", status: "retired", treatment: "北京", level: 1, total: "10000" }))).toEqual(["9215.00", "0.00", "785.00"]);
  });
});

describe("杭锦后旗 150826 (county-level file)", () => {
  it("长期居住 跨省", () => {
    // 起付1200, 80%: 28800 × 80% = 23040; you 6960.
    const e = estimate({ insured: "杭锦后旗", treatment: "北京", level: 3, total: "30000", date: "2025-12-01" });
    expect(split(e)).toEqual(["23040.00", "0.00", "6960.00"]);
    expect(e.policy.region).toBe("150826");
  });
  it("其他临时外出: “降低10%” read as 10 points, and the ambiguity is repeated", () => {
    // 80 − 10 = 70%; 28800 × 70% = 20160; you 9840.
    const e = estimate({ insured: "杭锦后旗", treatment: "北京", visitor: "temporary_other", level: 3, total: "30000", date: "2025-12-01" });
    expect(split(e)).toEqual(["20160.00", "0.00", "9840.00"]);
    expect(e.assumptions.some((w) => w.includes("降低10%"))).toBe(true);
  });
});

describe("蚌埠 340300 居民", () => {
  it("三级 (省属) and 一级", () => {
    // 三级: 起付1200, 65%: 18800 × 65% = 12220; you 7780. 一级: 起付200, 85%: 4800 × 85% = 4080; you 920.
    expect(split(estimate({ insured: "蚌埠", scheme: "resident", treatment: "南京", level: 3, total: "20000" }))).toEqual(["12220.00", "0.00", "7780.00"]);
    expect(split(estimate({ insured: "蚌埠", scheme: "resident", treatment: "南京", level: 1, total: "5000" }))).toEqual(["4080.00", "0.00", "920.00"]);
  });
});

describe("outpatient pooling (门诊共济)", () => {
  it("大庆 在职 二级 长期居住", () => {
    // Annual deductible 500; 60%: 1500 × 60% = 900; you 1100.
    expect(split(estimate({ insured: "大庆", treatment: "北京", level: 2, total: "2000", setting: "outpatient" }))).toEqual(["900.00", "0.00", "1100.00"]);
  });
  it("大庆 退休: +5 points", () => {
    // 65%: 1500 × 65% = 975; you 1025.
    expect(split(estimate({ insured: "大庆", status: "retired", treatment: "北京", level: 2, total: "2000", setting: "outpatient" }))).toEqual(["975.00", "0.00", "1025.00"]);
  });
  it("大庆 转诊: 40% at any level", () => {
    // 1500 × 40% = 600; you 1400.
    expect(split(estimate({ insured: "大庆", treatment: "北京", visitor: "referral", level: 2, total: "2000", setting: "outpatient" }))).toEqual(["600.00", "0.00", "1400.00"]);
  });
  it("大庆 未转诊的其他临时外出: not paid", () => {
    const e = estimate({ insured: "大庆", treatment: "北京", visitor: "temporary_other", level: 2, total: "2000", setting: "outpatient" });
    expect(split(e)).toEqual(["0.00", "0.00", "2000.00"]);
    expect(e.directSettlement.possible).toBe(false);
  });
  it("大庆 cap 2000", () => {
    // 一级 70%: (6000 − 500) × 70% = 3850 > 2000 → 2000; you 4000.
    expect(split(estimate({ insured: "大庆", treatment: "北京", level: 1, total: "6000", setting: "outpatient" }))).toEqual(["2000.00", "0.00", "4000.00"]);
  });
  it("邵阳 三级 and 一级; 衡阳 二级", () => {
    // 邵阳 三级: 起付300, 60%: 700 × 60% = 420; you 580. 一级: no deductible, 70%: 700; you 300.
    // 衡阳 二级: 起付200, 60%: 800 × 60% = 480; you 520.
    expect(split(estimate({ insured: "邵阳", treatment: "广州", level: 3, total: "1000", setting: "outpatient" }))).toEqual(["420.00", "0.00", "580.00"]);
    expect(split(estimate({ insured: "邵阳", treatment: "广州", level: 1, total: "1000", setting: "outpatient" }))).toEqual(["700.00", "0.00", "300.00"]);
    expect(split(estimate({ insured: "衡阳", treatment: "广州", level: 2, total: "1000", setting: "outpatient" }))).toEqual(["480.00", "0.00", "520.00"]);
  });
  it("清远 居民: 55%, at most 50 a month", () => {
    // 200 × 55% = 110 > 50 → 50; you 150.
    expect(split(estimate({ insured: "清远", scheme: "resident", treatment: "长沙", level: 1, total: "200", setting: "outpatient" }))).toEqual(["50.00", "0.00", "150.00"]);
  });
});

describe("regions without settlement figures get the labelled typical template", () => {
  it("贵阳 职工 三级", () => {
    // Typical: 起付900, 85%: 29100 × 85% = 24735; you 5265.
    const e = estimate({ insured: "贵阳", treatment: "上海", level: 3, total: "30000" });
    expect(split(e)).toEqual(["24735.00", "0.00", "5265.00"]);
    expect(e.policy.typical).toBe(true);
    expect(e.warnings[0]).toContain("典型");
  });
  it("typical 居民 其他临时外出: −20 points", () => {
    // Typical resident level 2: 起付500, 70 − 20 = 50%: 9500 × 50% = 4750; you 5250.
    const e = estimate({ insured: "贵阳", scheme: "resident", treatment: "上海", visitor: "temporary_other", level: 2, total: "10000" });
    expect(split(e)).toEqual(["4750.00", "0.00", "5250.00"]);
  });
});

describe("a region's own visitor rules and free zones", () => {
  it("临沂 其他临时外出 with no 临沂 inpatient table: 先自付10%, then the typical schedule", () => {
    // No 临沂 table → typical 900/85%; the visitor's 10% first-pay is 临沂's own rule:
    // 30000 × 10% = 3000; (27000 − 900) × 85% = 22185; you 30000 − 22185 = 7815.
    const e = estimate({ insured: "临沂", treatment: "上海", visitor: "temporary_other", level: 3, total: "30000" });
    expect(split(e)).toEqual(["22185.00", "0.00", "7815.00"]);
    expect(e.policy.typical).toBe(true);
    expect(e.steps.find((s) => s.kind === "visitor_first_pay")?.amount).toBe("3000.00");
  });
  it("石家庄 转诊 to 北京: the 京津冀 free zone settles as at home, not by the 京津冀以外 schedule", () => {
    // As at home, level 3: 起付900, 82%: (30000 − 900) × 82% = 23862; you 6138.
    const e = estimate({ insured: "石家庄", treatment: "北京", visitor: "referral", level: 3, total: "30000" });
    expect(split(e)).toEqual(["23862.00", "0.00", "6138.00"]);
    expect(e.directSettlement.possible).toBe(true);
  });
  it("石家庄 转诊 to 上海 (outside 京津冀) still uses the 1500/76% schedule", () => {
    // (30000 − 1500) × 76% = 21660; you 8340.
    const e = estimate({ insured: "石家庄", treatment: "上海", visitor: "referral", level: 3, total: "30000" });
    expect(split(e)).toEqual(["21660.00", "0.00", "8340.00"]);
  });
  it("苏州 未备案 in 上海: no registration needed there, 80% of the ratio, settled at the hospital", () => {
    // 起付800; 29200 × (90% × 0.8 = 72%) = 21024; you 8976.
    const e = estimate({ insured: "苏州", treatment: "上海", visitor: "unregistered", level: 3, total: "30000", date: "2025-05-01" });
    expect(split(e)).toEqual(["21024.00", "0.00", "8976.00"]);
    expect(e.directSettlement.possible).toBe(true);
    expect(e.warnings.join("")).not.toContain("手工报销");
  });
  it("苏州 长期居住 in 上海 keeps the long-term rule (the zone's cut is for those who did not register)", () => {
    // 29200 × 90% = 26280; you 3720.
    const e = estimate({ insured: "苏州", treatment: "上海", visitor: "long_term", level: 3, total: "30000", date: "2025-05-01" });
    expect(split(e)).toEqual(["26280.00", "0.00", "3720.00"]);
  });
});

describe("what an estimate says about its own basis", () => {
  it("in the same pool: one mention that no 备案 is needed, citing the same-pool principle", () => {
    const e = estimate({ insured: "上海", treatment: "上海", level: 3, total: "20000" });
    expect(e.jurisdiction).toBe("same_pool");
    expect(e.steps[0]!.source.id).toBe("S2");
    expect(e.warnings.join("")).not.toContain("不需要办理异地就医备案");
  });
  it("across cities outside 江苏 without a stated catalogue: assumes the insured place's and says so", () => {
    const e = estimate({ insured: "深圳", treatment: "广州", level: 3, total: "20000" });
    expect(e.jurisdiction).toBe("intra_province");
    expect(e.assumptions.join("")).toContain("江苏的做法");
  });
  it("苏州 states its intra-province catalogue, so nothing is assumed", () => {
    const e = estimate({ insured: "苏州", treatment: "南京", level: 3, total: "20000" });
    expect(e.jurisdiction).toBe("intra_province");
    expect(e.assumptions.join("")).not.toContain("江苏的做法");
  });
  it("南京 职工 (own visitor rule, template table) is partly typical, not 'no data'", () => {
    const e = estimate({ insured: "南京", treatment: "北京", visitor: "unregistered", level: 3, total: "100000" });
    expect(e.policy).toMatchObject({ typical: true, regionData: true });
    expect(e.warnings[0]).toContain("已有数据的规定");
    expect(e.warnings[0]).not.toContain("暂无我们核实过的政策数据");
  });
  it("贵阳 (no data at all) is wholly typical", () => {
    const e = estimate({ insured: "贵阳", treatment: "上海", level: 3, total: "30000" });
    expect(e.policy).toMatchObject({ typical: true, regionData: false });
    expect(e.warnings[0]).toContain("暂无我们核实过的政策数据");
  });
});
