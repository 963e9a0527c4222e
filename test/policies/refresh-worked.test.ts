/**
 * Worked estimates for the regions of the 2026-12 refresh (policy-facts §6/§7), computed by hand
 * from the sources' figures (written out in each comment) and run through the real evaluator
 * against the real policies/ files. Default: 职工 在职, 长期居住, 2025-08-01, first admission, no 乙类.
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
const split = (e: Estimate): [string, string, string] => [e.fundPays, e.seriousIllnessPays, e.youPay];
const all = (e: Estimate) => [...e.assumptions, ...e.warnings].join("\n");

describe("北京 110000 (§6)", () => {
  it("居民 三级 in 上海: 起付1300, 75%", () => {
    // (30000 − 1300) × 75% = 21525; you 8475.
    expect(split(estimate({ insured: "北京", scheme: "resident", treatment: "上海", level: 3, total: "30000" }))).toEqual(["21525.00", "0.00", "8475.00"]);
  });
  it("居民 二次住院 一级: 起付减半 150, 80%", () => {
    // (10000 − 150) × 80% = 7880; you 2120.
    expect(split(estimate({ insured: "北京", scheme: "resident", treatment: "上海", level: 1, total: "10000", admissions: 1 }))).toEqual(["7880.00", "0.00", "2120.00"]);
  });
  it("职工 其他临时外出 is not cut: 备案后执行北京政策", () => {
    // Bands from 0: 1300–3万 85% → 28700 × 85% = 24395; 3–4万 90% → 9000; 4–5万 95% → 9500; fund 42895; you 7105.
    const e = estimate({ insured: "北京", treatment: "上海", visitor: "temporary_other", level: 3, total: "50000" });
    expect(split(e)).toEqual(["42895.00", "0.00", "7105.00"]);
  });
  it("职工 未备案 outside 津冀: not reimbursed", () => {
    const e = estimate({ insured: "北京", treatment: "上海", visitor: "unregistered", level: 3, total: "30000" });
    expect(split(e)).toEqual(["0.00", "0.00", "30000.00"]);
  });
  it("职工 未备案 in 天津 (京津冀 视同备案 since 2023-04): as at home", () => {
    // 28700 × 85% = 24395; you 5605.
    const e = estimate({ insured: "北京", treatment: "天津", visitor: "unregistered", level: 3, total: "30000" });
    expect(split(e)).toEqual(["24395.00", "0.00", "5605.00"]);
    expect(e.directSettlement.possible).toBe(true);
  });
});

describe("上海 310000 (§6): caps per 医保年度 (July–June)", () => {
  it("退休 三级: 起付1200, 92%", () => {
    // (30000 − 1200) × 92% = 26496; you 3504.
    expect(split(estimate({ insured: "上海", status: "retired", treatment: "北京", level: 3, total: "30000" }))).toEqual(["26496.00", "0.00", "3504.00"]);
  });
  const big = (date: string) => split(estimate({ insured: "上海", treatment: "北京", level: 3, total: "1000000", date }));
  it("2023医保年度 (2024-03-01): cap 61万, above it 80%", () => {
    // Raw (1000000 − 1500) × 85% = 848725 > 610000 → 610000. Cap reached at 1500 + 610000 / 0.85 = 719147.0588…;
    // above: 280852.9411… × 80% = 224682.35; you 1000000 − 610000 − 224682.35 = 165317.65.
    expect(big("2024-03-01")).toEqual(["610000.00", "224682.35", "165317.65"]);
  });
  it("2024医保年度 (2024-09-01): cap 63万", () => {
    // 1500 + 630000 / 0.85 = 742676.4705…; above 257323.5294… × 80% = 205858.82; you 164141.18.
    expect(big("2024-09-01")).toEqual(["630000.00", "205858.82", "164141.18"]);
  });
  it("2025医保年度 (2025-08-01): cap 65万", () => {
    // 1500 + 650000 / 0.85 = 766205.8823…; above 233794.1176… × 80% = 187035.29; you 162964.71.
    expect(big("2025-08-01")).toEqual(["650000.00", "187035.29", "162964.71"]);
  });
  it("居民 三级 (60周岁以下): 起付300, 60%", () => {
    // (10000 − 300) × 60% = 5820; you 4180.
    expect(split(estimate({ insured: "上海", scheme: "resident", treatment: "北京", level: 3, total: "10000" }))).toEqual(["5820.00", "0.00", "4180.00"]);
  });
});

describe("天津 120000 (§6 and the §2.14 退休 table)", () => {
  it("职工 退休 三级: 起付1700; 90% to 5.5万, 80% above", () => {
    // (55000 − 1700) × 90% = 47970; (100000 − 55000) × 80% = 36000; fund 83970.
    // 大病: the person's share 16030 is under the 21202 起付 → 0; you 16030.
    expect(split(estimate({ insured: "天津", status: "retired", treatment: "上海", level: 3, total: "100000" }))).toEqual(["83970.00", "0.00", "16030.00"]);
  });
  it("职工 在职: no sourced working ratio → the template's table, said so", () => {
    // Typical employee level 3: (30000 − 900) × 85% = 24735; you 5265.
    const e = estimate({ insured: "天津", treatment: "上海", level: 3, total: "30000" });
    expect(split(e)).toEqual(["24735.00", "0.00", "5265.00"]);
    expect(e.policy.typical).toBe(true);
  });
  it("居民 二级: 起付500, 低档70%; from the 2nd admission no 起付", () => {
    // (10000 − 500) × 70% = 6650; 2nd: 10000 × 70% = 7000.
    expect(split(estimate({ insured: "天津", scheme: "resident", treatment: "上海", level: 2, total: "10000" }))).toEqual(["6650.00", "0.00", "3350.00"]);
    expect(split(estimate({ insured: "天津", scheme: "resident", treatment: "上海", level: 2, total: "10000", admissions: 1 }))).toEqual(["7000.00", "0.00", "3000.00"]);
  });
});

describe("重庆 500000 (§6)", () => {
  it("职工 三级: 880, 85%; 2nd admission 792", () => {
    // (30000 − 880) × 85% = 24752; 2nd: (30000 − 792) × 85% = 24826.80.
    expect(split(estimate({ insured: "重庆", treatment: "北京", level: 3, total: "30000" }))).toEqual(["24752.00", "0.00", "5248.00"]);
    expect(split(estimate({ insured: "重庆", treatment: "北京", level: 3, total: "30000", admissions: 1 }))).toEqual(["24826.80", "0.00", "5173.20"]);
  });
  it("职工 退休 二级 3rd admission: 640 − 2 × 64 = 512, 95%", () => {
    // (20000 − 512) × 95% = 18513.60; you 1486.40.
    expect(split(estimate({ insured: "重庆", status: "retired", treatment: "北京", level: 2, total: "20000", admissions: 2 }))).toEqual(["18513.60", "0.00", "1486.40"]);
  });
});

describe("南京 320100 (§6)", () => {
  it("未备案: template table, 20 points off, the ambiguity said", () => {
    // Typical 900, 85 − 20 = 65%: 29100 × 65% = 18915; you 11085.
    const e = estimate({ insured: "南京", treatment: "上海", visitor: "unregistered", level: 3, total: "30000" });
    expect(split(e)).toEqual(["18915.00", "0.00", "11085.00"]);
    expect(e.assumptions.join("\n")).toContain("20个百分点");
  });
  it("急诊 is not cut", () => {
    // 29100 × 85% = 24735.
    expect(estimate({ insured: "南京", treatment: "上海", visitor: "emergency", level: 3, total: "30000" }).fundPays).toBe("24735.00");
  });
});

describe("杭州 330100 (§6)", () => {
  it("职工 三级 bands: 800; 82% to 4万, 88% to 36万", () => {
    // (40000 − 800) × 82% = 32144; (50000 − 40000) × 88% = 8800; fund 40944; you 9056.
    expect(split(estimate({ insured: "杭州", treatment: "北京", level: 3, total: "50000" }))).toEqual(["40944.00", "0.00", "9056.00"]);
  });
  it("职工 跨省其他临时外出: 先自理20%, then the bands", () => {
    // 50000 × 20% = 10000; base 40000; (40000 − 800) × 82% = 32144; you 17856.
    expect(split(estimate({ insured: "杭州", treatment: "北京", visitor: "temporary_other", level: 3, total: "50000" }))).toEqual(["32144.00", "0.00", "17856.00"]);
  });
  it("乙类 先行自付 3% (浙江, A)", () => {
    // 10000 × 3% = 300; eligible 29700; (29700 − 800) × 82% = 23698; you 6302.
    expect(split(estimate({ insured: "杭州", treatment: "上海", level: 3, total: "30000", classB: "10000" }))).toEqual(["23698.00", "0.00", "6302.00"]);
  });
  it("居民 二级: 500, 75%", () => {
    // (10000 − 500) × 75% = 7125.
    expect(split(estimate({ insured: "杭州", scheme: "resident", treatment: "北京", level: 2, total: "10000" }))).toEqual(["7125.00", "0.00", "2875.00"]);
  });
});

describe("深圳 440300 (§6 ratios by level)", () => {
  it("在职一档 一级: 94%", () => {
    // 起付200 (C-grade, as before); (10000 − 200) × 94% = 9212; you 788.
    expect(split(estimate({ insured: "深圳", treatment: "长沙", level: 1, total: "10000" }))).toEqual(["9212.00", "0.00", "788.00"]);
  });
});

describe("哈尔滨 230100 (§7)", () => {
  it("职工 自由转诊 (其他临时外出): own schedule 1500, 50%", () => {
    // (30000 − 1500) × 50% = 14250; you 15750.
    expect(split(estimate({ insured: "哈尔滨", treatment: "北京", visitor: "temporary_other", level: 3, total: "30000" }))).toEqual(["14250.00", "0.00", "15750.00"]);
  });
  it("居民 三级: 720, 65%; 2nd admission 612; 转诊 60%; 急诊 55%", () => {
    // (10000 − 720) × 65% = 6032; (10000 − 612) × 65% = 6102.20; 9280 × 60% = 5568; 9280 × 55% = 5104.
    const r = (visitor: Case["visitor"], admissions = 0) => estimate({ insured: "哈尔滨", scheme: "resident", treatment: "北京", visitor, level: 3, total: "10000", admissions }).fundPays;
    expect([r("long_term"), r("long_term", 1), r("referral"), r("emergency")]).toEqual(["6032.00", "6102.20", "5568.00", "5104.00"]);
  });
});

describe("吉林 province rule, via 长春 220100 (§7)", () => {
  it("转诊: 10 points off the template's ratio, said to be 吉林省's", () => {
    // Typical 900, 85 − 10 = 75%: 29100 × 75% = 21825; you 8175.
    const e = estimate({ insured: "长春", treatment: "北京", visitor: "referral", level: 3, total: "30000" });
    expect(split(e)).toEqual(["21825.00", "0.00", "8175.00"]);
    expect(all(e)).toContain("吉林省");
  });
  it("a 吉林 city with no file at all (四平) gets the province's 20-point cut, said so", () => {
    // 29100 × 65% = 18915.
    const e = estimate({ insured: "四平", treatment: "北京", visitor: "temporary_other", level: 3, total: "30000" });
    expect(e.fundPays).toBe("18915.00");
    expect(all(e)).toContain("吉林省");
  });
});

describe("郑州 410100 (§7)", () => {
  it("职工 二级: 600, 90%; 退休 三级 2nd: 450, 93%", () => {
    // (30000 − 600) × 90% = 26460; (30000 − 450) × 93% = 27481.50.
    expect(estimate({ insured: "郑州", treatment: "北京", level: 2, total: "30000" }).fundPays).toBe("26460.00");
    expect(estimate({ insured: "郑州", status: "retired", treatment: "北京", level: 3, total: "30000", admissions: 1 }).fundPays).toBe("27481.50");
  });
  it("居民 三级 bands and 大病", () => {
    // 10000: 2000–8000 × 55% = 3300; 8000–10000 × 65% = 1300; fund 4600; share 5400 < 1.1万 → no 大病.
    expect(split(estimate({ insured: "郑州", scheme: "resident", treatment: "北京", level: 3, total: "10000" }))).toEqual(["4600.00", "0.00", "5400.00"]);
    // 200000: 3300 + 192000 × 65% = 124800 → 128100; share 71900; 大病 (71900 − 11000) × 60% = 36540; you 35360.
    expect(split(estimate({ insured: "郑州", scheme: "resident", treatment: "北京", level: 3, total: "200000" }))).toEqual(["128100.00", "36540.00", "35360.00"]);
  });
});

describe("合肥 340100 (§7)", () => {
  it("职工 三级: 600, 90%; 大病 1.5万 起付, 60%", () => {
    // (200000 − 600) × 90% = 179460; share 20540; 大病 (20540 − 15000) × 60% = 3324; you 17216.
    expect(split(estimate({ insured: "合肥", treatment: "北京", level: 3, total: "200000" }))).toEqual(["179460.00", "3324.00", "17216.00"]);
  });
  it("职工 省内转诊: −5 points from 2024, −10 before", () => {
    // (30000 − 600) = 29400 × 85% = 24990 (2025); × 80% = 23520 (2023).
    expect(estimate({ insured: "合肥", treatment: "芜湖", visitor: "referral", level: 3, total: "30000" }).fundPays).toBe("24990.00");
    expect(estimate({ insured: "合肥", treatment: "芜湖", visitor: "referral", level: 3, total: "30000", date: "2023-06-01" }).fundPays).toBe("23520.00");
  });
  it("职工 门诊统筹 三级: 400, 50%; 退休 +10", () => {
    // (3000 − 400) × 50% = 1300; retired 60% → 1560.
    expect(estimate({ insured: "合肥", treatment: "北京", level: 3, total: "3000", setting: "outpatient" }).fundPays).toBe("1300.00");
    expect(estimate({ insured: "合肥", status: "retired", treatment: "北京", level: 3, total: "3000", setting: "outpatient" }).fundPays).toBe("1560.00");
  });
  it("居民 三级: 1000, 75%", () => {
    // (30000 − 1000) × 75% = 21750.
    expect(estimate({ insured: "合肥", scheme: "resident", treatment: "北京", level: 3, total: "30000" }).fundPays).toBe("21750.00");
  });
});

describe("湖南 province tables and cuts, via 长沙 430100 and 衡阳 430400 (§7)", () => {
  it("职工 三级: 1100, 85%; 退休 +2; 转诊 −5; 其他临时外出 −10", () => {
    // 28900 × 85% = 24565; × 87% = 25143; × 80% = 23120; × 75% = 21675.
    const f = (c: Partial<Case>) => estimate({ insured: "长沙", treatment: "北京", level: 3, total: "30000", ...c }).fundPays;
    expect([f({}), f({ status: "retired" }), f({ visitor: "referral" }), f({ visitor: "temporary_other" })]).toEqual(["24565.00", "25143.00", "23120.00", "21675.00"]);
  });
  it("衡阳 (own outpatient only) takes the province's inpatient table, and says so", () => {
    const e = estimate({ insured: "衡阳", treatment: "北京", level: 3, total: "30000" });
    expect(e.fundPays).toBe("24565.00");
    expect(all(e)).toContain("湖南省");
  });
  it("居民 门诊统筹: 70%, cap 800", () => {
    expect(estimate({ insured: "长沙", scheme: "resident", treatment: "长沙", level: 1, total: "2000", setting: "outpatient" }).fundPays).toBe("800.00");
  });
});

describe("成都 510100 居民 未备案 跨省 (§7)", () => {
  it("template table, 10 points off, the ambiguity said", () => {
    // Typical resident 三级 900, 60 − 10 = 50%: 9100 × 50% = 4550.
    const e = estimate({ insured: "成都", scheme: "resident", treatment: "北京", visitor: "unregistered", level: 3, total: "10000" });
    expect(e.fundPays).toBe("4550.00");
    expect(e.assumptions.join("\n")).toContain("下降10%");
  });
});

describe("西安 610100 (§7)", () => {
  it("职工 三级 bands: 650; 88% to 1万, 91% to 5万, 95% above", () => {
    // 9350 × 88% = 8228; 40000 × 91% = 36400; 10000 × 95% = 9500; fund 54128; you 5872.
    expect(split(estimate({ insured: "西安", treatment: "北京", level: 3, total: "60000" }))).toEqual(["54128.00", "0.00", "5872.00"]);
  });
  it("职工 退休 三级 2nd admission: 550; 91%, 94%", () => {
    // 9450 × 91% = 8599.50; 20000 × 94% = 18800; fund 27399.50.
    expect(estimate({ insured: "西安", status: "retired", treatment: "北京", level: 3, total: "30000", admissions: 1 }).fundPays).toBe("27399.50");
  });
  it("居民 三级 with 乙类: 5% first, 1200, 60%", () => {
    // 10000 × 5% = 500; (29500 − 1200) × 60% = 16980; you 13020.
    expect(split(estimate({ insured: "西安", scheme: "resident", treatment: "北京", level: 3, total: "30000", classB: "10000" }))).toEqual(["16980.00", "0.00", "13020.00"]);
  });
});

describe("广西 province cuts, via 南宁 450100 (§7)", () => {
  it("居民 三级: 600, 60%; 区外转诊 −10; 区内未备案 −15", () => {
    // 9400 × 60% = 5640; × 50% = 4700; × 45% = 4230.
    const f = (c: Partial<Case>) => estimate({ insured: "南宁", scheme: "resident", treatment: "北京", level: 3, total: "10000", ...c }).fundPays;
    expect([f({}), f({ visitor: "referral" }), f({ visitor: "unregistered", treatment: "柳州" })]).toEqual(["5640.00", "4700.00", "4230.00"]);
  });
});

describe("昆明 530100 门诊慢特病 (§7, A)", () => {
  it("300 起付, 80%, single-disease cap 2000", () => {
    // (3000 − 300) × 80% = 2160 → capped 2000; you 1000.
    expect(split(estimate({ insured: "昆明", treatment: "昆明", level: 3, total: "3000", setting: "chronic_outpatient" }))).toEqual(["2000.00", "0.00", "1000.00"]);
  });
});

describe("呼和浩特 150100 (§7)", () => {
  it("跨省临时外出: 呼和浩特's own 三甲 起付 1000 (HH-DD) on the template's 85%, 10 points off", () => {
    // (30000 − 1000) × 75% = 21750 (was 21825 on the template's 起付 900).
    expect(estimate({ insured: "呼和浩特", treatment: "北京", visitor: "temporary_other", level: 3, total: "30000" }).fundPays).toBe("21750.00");
  });
  it("门诊共济 三级: 1000 起付, 60%; 退休 65%", () => {
    // (3000 − 1000) × 60% = 1200; × 65% = 1300.
    expect(estimate({ insured: "呼和浩特", treatment: "呼和浩特", level: 3, total: "3000", setting: "outpatient" }).fundPays).toBe("1200.00");
    expect(estimate({ insured: "呼和浩特", status: "retired", treatment: "呼和浩特", level: 3, total: "3000", setting: "outpatient" }).fundPays).toBe("1300.00");
  });
});

describe("太原 140100 居民 (§7)", () => {
  it("一类收费 (三级): 1000, 60%; 跨省转诊 −5; 跨省其他临时外出 −15; 省内 not cut", () => {
    // 9000 × 60% = 5400; × 55% = 4950; × 45% = 4050; 省内 5400.
    const f = (c: Partial<Case>) => estimate({ insured: "太原", scheme: "resident", treatment: "北京", level: 3, total: "10000", ...c }).fundPays;
    expect([f({}), f({ visitor: "referral" }), f({ visitor: "temporary_other" }), f({ visitor: "temporary_other", treatment: "大同" })]).toEqual(["5400.00", "4950.00", "4050.00", "5400.00"]);
  });
});

describe("兰州 620100 职工门诊 (published examples F1, F2)", () => {
  it("在职 二级: (2000 − 300 − 200) × 60% = 900; 退休: (3000 − 500 − 200) × 65% = 1495", () => {
    expect(split(estimate({ insured: "兰州", treatment: "兰州", level: 2, total: "2000", outOfCatalog: "300", setting: "outpatient" }))).toEqual(["900.00", "0.00", "1100.00"]);
    expect(split(estimate({ insured: "兰州", status: "retired", treatment: "兰州", level: 2, total: "3000", outOfCatalog: "500", setting: "outpatient" }))).toEqual(["1495.00", "0.00", "1505.00"]);
  });
});
