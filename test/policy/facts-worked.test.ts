/**
 * One worked estimate (or more) for every region table that ../shared/policy-facts.md grades A
 * or B, computed by hand from the wording the facts quote — not from policies/ — and run
 * through the real evaluator on the real files. Each case names the row it rests on, quotes the
 * figures and writes the arithmetic out; the expected amounts are its results, to the fen.
 *
 * Default: 在职, 长期居住 (settles as at home), no 乙类, nothing out of the catalogue, first
 * admission of the year, treated on 2026-03-01. A figure the facts give only at C grade is not
 * used here; a case that needs one says so and is left to the region's own tests.
 */
import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/policy/evaluate.ts";
import type { Estimate } from "../../src/policy/scenario.ts";
import { workedScenario, type WorkedCase } from "../policies/worked-case.ts";

type Case = WorkedCase;

function estimate(c: Case): Estimate {
  const result = evaluate(workedScenario(c, "2026-03-01"));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.estimate;
}

/** [fund, serious illness / above-cap layer, person] */
const split = (c: Case): [string, string, string] => {
  const e = estimate(c);
  return [e.fundPays, e.seriousIllnessPays, e.youPay];
};

describe("§2.14 杭锦后旗 (hjhq.gov.cn, A, 2025-11)", () => {
  // "第一次住院起付线1200元，第二次及以后住院为600元，报销比例都为80%"
  it("长期居住 跨省, 2nd admission: (20000 − 600) × 80% = 15520", () => {
    expect(split({ insured: "杭锦后旗", treatment: "北京", level: 2, total: "20000", admissions: 1 })).toEqual(["15520.00", "0.00", "4480.00"]);
  });
  it("急诊 跨省, 1st admission, as the long-term: (20000 − 1200) × 80% = 15040", () => {
    expect(split({ insured: "杭锦后旗", treatment: "北京", visitor: "emergency", level: 3, total: "20000" })).toEqual(["15040.00", "0.00", "4960.00"]);
  });
});

describe("§2.14 蚌埠 (bengshan.gov.cn, A)", () => {
  // "二级·县级500/80%"
  it("居民 二级: (10000 − 500) × 80% = 7600", () => {
    expect(split({ insured: "蚌埠", scheme: "resident", treatment: "上海", level: 2, total: "10000" })).toEqual(["7600.00", "0.00", "2400.00"]);
  });
  // "转诊 市域外省内 起付2000, 省外 2500, 45–75%" — the conservative end where no level is mapped.
  it("居民 转诊 省外: (10000 − 2500) × 45% = 3375", () => {
    expect(split({ insured: "蚌埠", scheme: "resident", treatment: "上海", visitor: "referral", level: 2, total: "10000" })).toEqual(["3375.00", "0.00", "6625.00"]);
  });
});

describe("§2.9 深圳 (第358号令 第四十条, A; ratios §6 B)", () => {
  // 一档 "三级医院支付比例为90%"; (二) 急诊 "按照市内就医支付比例的90%支付"; 乙类 "先行自付1%".
  // 起付 600 is the C-grade page's (the region's tests own it); the multiplier is the A-graded rule:
  // 急诊 pays 90% of what a long-term resident is paid on the same bill.
  it("急诊 三级 = 0.9 × the long-term resident's fund, 乙类 1% first", () => {
    const home = estimate({ insured: "深圳", treatment: "长沙", level: 3, total: "30000", classB: "10000" });
    const away = estimate({ insured: "深圳", treatment: "长沙", visitor: "emergency", level: 3, total: "30000", classB: "10000" });
    // 乙类 first: 10000 × 1% = 100, on the person in both.
    expect(away.fundPays).toBe((Number(home.fundPays) * 0.9).toFixed(2));
  });
  // (三) "其他临时外出…按照市内就医支付比例的80%支付"
  it("其他临时外出 跨省 = 0.8 × the long-term resident's fund", () => {
    const home = estimate({ insured: "深圳", treatment: "长沙", level: 2, total: "20000" });
    const away = estimate({ insured: "深圳", treatment: "长沙", visitor: "temporary_other", level: 2, total: "20000" });
    expect(away.fundPays).toBe((Number(home.fundPays) * 0.8).toFixed(2));
  });
});

describe("§2.7/§6 上海 (B / B-)", () => {
  // 退休 "2001年1月1日后退休的，起付标准为1200元…由统筹基金支付92%"
  it("职工 退休 二级: (10000 − 1200) × 92% = 8096", () => {
    expect(split({ insured: "上海", status: "retired", treatment: "北京", level: 2, total: "10000" })).toEqual(["8096.00", "0.00", "1904.00"]);
  });
  // 居民 "二级医疗机构100元"; "60周岁以下的…二级医疗机构75%"
  it("居民 二级 (60周岁以下): (10000 − 100) × 75% = 7425", () => {
    expect(split({ insured: "上海", scheme: "resident", treatment: "北京", level: 2, total: "10000" })).toEqual(["7425.00", "0.00", "2575.00"]);
  });
});

describe("§2.6/§6 北京 (B- table; 居民 B)", () => {
  // 在职 一级 "1300-3万 90.0%｜3万-4万 95.0%｜4万-10万 97.0%"
  it("职工 在职 一级 bands: (30000 − 1300) × 90% + 10000 × 95% + 10000 × 97% = 45030", () => {
    expect(split({ insured: "北京", treatment: "上海", level: 1, total: "50000" })).toEqual(["45030.00", "0.00", "4970.00"]);
  });
  // 居民 起付 "300元｜800元｜1300元", 比例 "80%｜78%｜75%-78%"
  it("居民 二级: (20000 − 800) × 78% = 14976", () => {
    expect(split({ insured: "北京", scheme: "resident", treatment: "上海", level: 2, total: "20000" })).toEqual(["14976.00", "0.00", "5024.00"]);
  });
});

describe("§6 天津 居民 (天津本地宝, B, 2022)", () => {
  // "起付…统一为500元"; 三级 "75%｜65%" (高档｜低档) — the lower band, as the file reads it
  it("三级 低档: (10000 − 500) × 65% = 6175", () => {
    expect(split({ insured: "天津", scheme: "resident", treatment: "上海", level: 3, total: "10000" })).toEqual(["6175.00", "0.00", "3825.00"]);
  });
});

describe("§2.8 广州 职工 (B-, 2023)", () => {
  // 起付 "一级250"; 在职 "一级90%"
  it("在职 一级: (5000 − 250) × 90% = 4275", () => {
    expect(split({ insured: "广州", treatment: "长沙", level: 1, total: "5000" })).toEqual(["4275.00", "0.00", "725.00"]);
  });
  // 起付 "三级1000" (在职=退休); 退休 "86%"
  it("退休 三级: (20000 − 1000) × 86% = 16340", () => {
    expect(split({ insured: "广州", status: "retired", treatment: "长沙", level: 3, total: "20000" })).toEqual(["16340.00", "0.00", "3660.00"]);
  });
});

describe("§2.12 武汉 (B-)", () => {
  // 起付 "二级600"; 在职 "二级89%"; "退休人员：自付比例为员工自付比例的80%" → 100 − 11 × 0.8 = 91.2%
  it("职工 退休 二级: (20000 − 600) × 91.2% = 17692.80", () => {
    expect(split({ insured: "武汉", status: "retired", treatment: "北京", level: 2, total: "20000" })).toEqual(["17692.80", "0.00", "2307.20"]);
  });
  // 居民 起付 "三级800", 比例 "60%"
  it("居民 三级: (20000 − 800) × 60% = 11520", () => {
    expect(split({ insured: "武汉", scheme: "resident", treatment: "北京", level: 3, total: "20000" })).toEqual(["11520.00", "0.00", "8480.00"]);
  });
});

describe("§2.5 海口 职工 (B-)", () => {
  // "住院起付线为：在职800元…一级或其他医疗机构报销比例90%"
  it("在职 一级: (10000 − 800) × 90% = 8280", () => {
    expect(split({ insured: "海口", treatment: "广州", level: 1, total: "10000" })).toEqual(["8280.00", "0.00", "1720.00"]);
  });
});

describe("§2.14 大连 职工 (B-)", () => {
  // 二级 500; 在职 "85/88/90%" (三/二/一级)
  it("在职 二级: (10000 − 500) × 88% = 8360", () => {
    expect(split({ insured: "大连", treatment: "北京", level: 2, total: "10000" })).toEqual(["8360.00", "0.00", "1640.00"]);
  });
  // 三级850 "二次680"; 退休 "92.5/94/95%"
  it("退休 三级 2nd admission: (20000 − 680) × 92.5% = 17871", () => {
    expect(split({ insured: "大连", status: "retired", treatment: "北京", level: 3, total: "20000", admissions: 1 })).toEqual(["17871.00", "0.00", "2129.00"]);
  });
});

describe("§2.4 石家庄 (B-, 2024 / ~2022)", () => {
  // 职工 市区 "二级 500/90%"
  it("职工 在职 二级: (10000 − 500) × 90% = 8550", () => {
    expect(split({ insured: "石家庄", treatment: "上海", level: 2, total: "10000" })).toEqual(["8550.00", "0.00", "1450.00"]);
  });
  // 居民 市区 "二级 800/70%"
  it("居民 二级: (10000 − 800) × 70% = 6440", () => {
    expect(split({ insured: "石家庄", scheme: "resident", treatment: "上海", level: 2, total: "10000" })).toEqual(["6440.00", "0.00", "3560.00"]);
  });
});

describe("§2.4 邯郸 居民 跨省临时外出 (B-)", () => {
  // 起付 "二级2500", 比例 "70%"
  it("其他临时外出 二级: (20000 − 2500) × 70% = 12250", () => {
    expect(split({ insured: "邯郸", scheme: "resident", treatment: "上海", visitor: "temporary_other", level: 2, total: "20000" })).toEqual(["12250.00", "0.00", "7750.00"]);
  });
  // "未经备案…在正常跨省临时外出就医待遇基础上降低10个百分点" → 60%
  it("未备案 二级: (20000 − 2500) × 60% = 10500", () => {
    expect(split({ insured: "邯郸", scheme: "resident", treatment: "上海", visitor: "unregistered", level: 2, total: "20000" })).toEqual(["10500.00", "0.00", "9500.00"]);
  });
});

describe("§2.14 宁德 居民 (B-, 2022-08-24)", () => {
  // "异地 起付1000, 45%"; "未备案 −5"
  it("其他临时外出: (20000 − 1000) × 45% = 8550; 未备案 40%: 7600", () => {
    expect(split({ insured: "宁德", scheme: "resident", treatment: "上海", visitor: "temporary_other", level: 3, total: "20000" })).toEqual(["8550.00", "0.00", "11450.00"]);
    expect(split({ insured: "宁德", scheme: "resident", treatment: "上海", visitor: "unregistered", level: 3, total: "20000" })).toEqual(["7600.00", "0.00", "12400.00"]);
  });
});

describe("§7 湖南 职工 unified table, via 长沙 (B-)", () => {
  // "二级医疗机构 800元 90%"; "退休人员…提高2个百分点"; "第二次及以上起付标准按50%计算"
  it("在职 二级: (10000 − 800) × 90% = 8280; 退休 92%: 8464; 2nd admission (10000 − 400) × 90% = 8640", () => {
    expect(split({ insured: "长沙", treatment: "北京", level: 2, total: "10000" })).toEqual(["8280.00", "0.00", "1720.00"]);
    expect(split({ insured: "长沙", status: "retired", treatment: "北京", level: 2, total: "10000" })).toEqual(["8464.00", "0.00", "1536.00"]);
    expect(split({ insured: "长沙", treatment: "北京", level: 2, total: "10000", admissions: 1 })).toEqual(["8640.00", "0.00", "1360.00"]);
  });
  // 湖南 异地: "异地转诊和异地急诊抢救…降低5%"
  it("转诊 二级: (10000 − 800) × 85% = 7820", () => {
    expect(split({ insured: "长沙", treatment: "北京", visitor: "referral", level: 2, total: "10000" })).toEqual(["7820.00", "0.00", "2180.00"]);
  });
});

describe("§7 哈尔滨 居民 (哈尔滨本地宝, B)", () => {
  // 起付 "二级480", 成人 "80"; "第二次住院起付标准降低15%" → 408; 异地转诊 二级 成人 75
  it("二级: (10000 − 480) × 80% = 7616; 2nd: (10000 − 408) × 80% = 7673.60; 转诊 (10000 − 480) × 75% = 7140", () => {
    expect(split({ insured: "哈尔滨", scheme: "resident", treatment: "北京", level: 2, total: "10000" })).toEqual(["7616.00", "0.00", "2384.00"]);
    expect(split({ insured: "哈尔滨", scheme: "resident", treatment: "北京", level: 2, total: "10000", admissions: 1 })).toEqual(["7673.60", "0.00", "2326.40"]);
    expect(split({ insured: "哈尔滨", scheme: "resident", treatment: "北京", visitor: "referral", level: 2, total: "10000" })).toEqual(["7140.00", "0.00", "2860.00"]);
  });
});

describe("§7 郑州 (B-)", () => {
  // 职工 "三类医疗机构900元…再次住院的，起付标准降低50%"; "三类…85%"
  it("职工 在职 三级: (20000 − 900) × 85% = 16235; 2nd: (20000 − 450) × 85% = 16617.50", () => {
    expect(split({ insured: "郑州", treatment: "北京", level: 3, total: "20000" })).toEqual(["16235.00", "0.00", "3765.00"]);
    expect(split({ insured: "郑州", treatment: "北京", level: 3, total: "20000", admissions: 1 })).toEqual(["16617.50", "0.00", "3382.50"]);
  });
  // 居民 "二类 1200-5000元60%，5000元以上70%"
  it("居民 二级 bands: (5000 − 1200) × 60% + (10000 − 5000) × 70% = 5780", () => {
    expect(split({ insured: "郑州", scheme: "resident", treatment: "北京", level: 2, total: "10000" })).toEqual(["5780.00", "0.00", "4220.00"]);
  });
});

describe("§7 合肥 职工 (B-)", () => {
  // "二级…400元"; "二级…92%"
  it("在职 二级: (10000 − 400) × 92% = 8832", () => {
    expect(split({ insured: "合肥", treatment: "北京", level: 2, total: "10000" })).toEqual(["8832.00", "0.00", "1168.00"]);
  });
  // "一级…200元"; "退休人员在一级…97%"
  it("退休 一级: (5000 − 200) × 97% = 4656", () => {
    expect(split({ insured: "合肥", status: "retired", treatment: "北京", level: 1, total: "5000" })).toEqual(["4656.00", "0.00", "344.00"]);
  });
  // "自第二次住院起基金起付标准减半": 三级 300, 90%
  it("在职 三级 2nd admission: (20000 − 300) × 90% = 17730", () => {
    expect(split({ insured: "合肥", treatment: "北京", level: 3, total: "20000", admissions: 1 })).toEqual(["17730.00", "0.00", "2270.00"]);
  });
});

describe("§7 西安 (B-)", () => {
  // 二级 起付 400; "起付标准以上至1万元: 在职 90%"; "1万元以上至5万元: 在职 95%"
  it("职工 在职 二级 bands: (10000 − 400) × 90% + 10000 × 95% = 18140", () => {
    expect(split({ insured: "西安", treatment: "北京", level: 2, total: "20000" })).toEqual(["18140.00", "0.00", "1860.00"]);
  });
  // 居民 "二级…400元…70%"
  it("居民 二级: (10000 − 400) × 70% = 6720", () => {
    expect(split({ insured: "西安", scheme: "resident", treatment: "北京", level: 2, total: "10000" })).toEqual(["6720.00", "0.00", "3280.00"]);
  });
});

describe("§7 南宁 居民 and 广西 (B-)", () => {
  // 南宁 居民 2023 "二级…300元…75%"; 广西 "转院到广西区外医疗机构的降低10%" → 65%
  it("二级: (10000 − 300) × 75% = 7275; 转诊 区外: (10000 − 300) × 65% = 6305", () => {
    expect(split({ insured: "南宁", scheme: "resident", treatment: "北京", level: 2, total: "10000" })).toEqual(["7275.00", "0.00", "2725.00"]);
    expect(split({ insured: "南宁", scheme: "resident", treatment: "北京", visitor: "referral", level: 2, total: "10000" })).toEqual(["6305.00", "0.00", "3695.00"]);
  });
});

describe("§7 太原 居民 (B-, 2025-02)", () => {
  // 一类收费 (三级) "1000元", "60%"; "跨省异地转诊、异地急诊抢救:下调5个百分点"
  it("转诊 跨省 三级: (20000 − 1000) × 55% = 10450", () => {
    expect(split({ insured: "太原", scheme: "resident", treatment: "北京", visitor: "referral", level: 3, total: "20000" })).toEqual(["10450.00", "0.00", "9550.00"]);
  });
});

describe("§6 重庆 职工 (B-)", () => {
  // "一级医院起付标准为400元" (2023-08 page, newer); "一级90%"
  it("在职 一级: (10000 − 400) × 90% = 8640", () => {
    expect(split({ insured: "重庆", treatment: "北京", level: 1, total: "10000" })).toEqual(["8640.00", "0.00", "1360.00"]);
  });
});

describe("§6 杭州 (hospital site, B, 2020-12-09)", () => {
  // 其他(含二级) "500": "84%/88%" to 4万, "90%/94%" to 36万
  it("职工 在职 二级 bands: (40000 − 500) × 84% + 10000 × 90% = 42180", () => {
    expect(split({ insured: "杭州", treatment: "北京", level: 2, total: "50000" })).toEqual(["42180.00", "0.00", "7820.00"]);
  });
  // 社区 "300": 退休 "92%" to 4万
  it("职工 退休 一级 (社区): (10000 − 300) × 92% = 8924", () => {
    expect(split({ insured: "杭州", status: "retired", treatment: "北京", level: 1, total: "10000" })).toEqual(["8924.00", "0.00", "1076.00"]);
  });
  // 居民 三级 "800" "70%"
  it("居民 三级: (10000 − 800) × 70% = 6440", () => {
    expect(split({ insured: "杭州", scheme: "resident", treatment: "北京", level: 3, total: "10000" })).toEqual(["6440.00", "0.00", "3560.00"]);
  });
});

describe("§2.2 南昌 居民 under 江西's unified rule (jj.bendibao.com, B, 2021-12-23)", () => {
  // NC-JX21 (B-): "二级 400, 60%"; 江西: 未转诊/未安置 省外 "先行自付比例…统一为20%".
  // 20000 × 20% = 4000 first; (16000 − 400) × 60% = 9360.
  it("其他临时外出 跨省 二级: (20000 × 80% − 400) × 60% = 9360", () => {
    expect(split({ insured: "南昌", scheme: "resident", treatment: "上海", visitor: "temporary_other", level: 2, total: "20000" })).toEqual(["9360.00", "0.00", "10640.00"]);
  });
  // 江西: 转诊 "个人先行负担比例统一为10%": (20000 × 90% − 600) × 60% = 10440 at 三级
  it("转诊 三级: (20000 × 90% − 600) × 60% = 10440", () => {
    expect(split({ insured: "南昌", scheme: "resident", treatment: "上海", visitor: "referral", level: 3, total: "20000" })).toEqual(["10440.00", "0.00", "9560.00"]);
  });
  // 省内其它统筹地区 "先行自付比例统一为15%": (20000 × 85% − 600) × 60% = 9840
  it("其他临时外出 省内 (九江) 三级: (20000 × 85% − 600) × 60% = 9840", () => {
    expect(split({ insured: "南昌", scheme: "resident", treatment: "九江", visitor: "temporary_other", level: 3, total: "20000" })).toEqual(["9840.00", "0.00", "10160.00"]);
  });
});
