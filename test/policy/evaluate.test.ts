import { describe, expect, it } from "vitest";
import { evaluate, type ExplainedEstimate as Estimate } from "../../src/conversation/policy-book.ts";
import { fixtureBook, scenario } from "./helpers.ts";

function ok(input: Parameters<typeof scenario>[0]): Estimate {
  const result = evaluate(scenario(input), fixtureBook);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.estimate;
}

describe("the worked check of issue #2", () => {
  // 示例市: deductible 1200 at level 3, 85%, cap 400000, 乙类 first-pay 10%.
  // Bill 30000, 乙类 8000, out of catalogue 2000:
  //   自费 2000; 乙类先付 8000 × 10% = 800; eligible 30000 − 2000 − 800 = 27200;
  //   deductible 1200; fund (27200 − 1200) × 85% = 22100; you pay 2000 + 800 + 1200 + 3900 = 7900.
  const e = ok({ total: "30000", classB: "8000", outOfCatalog: "2000" });

  it("splits the bill exactly", () => {
    expect([e.fundPays, e.seriousIllnessPays, e.youPay]).toEqual(["22100.00", "0.00", "7900.00"]);
  });

  it("explains each step with its amount and source", () => {
    const amounts = Object.fromEntries(e.steps.filter((s) => s.amount !== null).map((s) => [s.kind, s.amount]));
    expect(amounts).toMatchObject({ out_of_catalog: "2000.00", class_b_first_pay: "800.00", deductible: "1200.00", ratio: "22100.00" });
    for (const step of e.steps) expect(step.source.title.length).toBeGreaterThan(0);
    expect(e.jurisdiction).toBe("cross_province");
    expect(e.policy).toMatchObject({ region: "990100", typical: false, version: "2026" });
  });
});

describe("progressive bands (带段市)", () => {
  it("adds the bands up for a working person", () => {
    // 1300 deductible; 1300–30000: 28700 × 85% = 24395; 30000–40000: 10000 × 90% = 9000;
    // 40000–50000: 10000 × 95% = 9500; fund 42895; you 50000 − 42895 = 7105.
    const e = ok({ region: "带段市", total: "50000" });
    expect([e.fundPays, e.youPay]).toEqual(["42895.00", "7105.00"]);
    expect(e.steps.find((s) => s.kind === "band")?.rates?.map((r) => r.applied)).toEqual(["85", "90", "95", "85"]);
  });

  it("uses the retiree table", () => {
    // 28700 × 95.5% = 27408.5; 10000 × 97% = 9700; 10000 × 98.5% = 9850; fund 46958.5.
    const e = ok({ region: "带段市", total: "50000", status: "retired" });
    expect([e.fundPays, e.youPay]).toEqual(["46958.50", "3041.50"]);
  });

  it("halves the deductible for a second admission", () => {
    // deductible 650; 650–30000: 29350 × 85% = 24947.5; 30000–40000: 9000; 40000–50000: 9500 → 43447.5.
    const e = ok({ region: "带段市", total: "50000", yearToDate: { admissions: 1 } });
    expect(e.fundPays).toBe("43447.50");
  });

  it("multiplies each band's ratio for other temporary visitors", () => {
    // ×0.8: 68%, 72%, 76%: 28700 × 0.68 = 19516; 7200; 7600 → 34316.
    const e = ok({ region: "带段市", total: "50000", visitor: "temporary_other" });
    expect([e.fundPays, e.youPay]).toEqual(["34316.00", "15684.00"]);
  });

  it("clamps a cut beyond the national ceiling and says so", () => {
    // referral −15 points, ceiling 10: 75%, 80%, 85%: 21525 + 8000 + 8500 = 38025.
    const e = ok({ region: "带段市", total: "50000", visitor: "referral" });
    expect(e.fundPays).toBe("38025.00");
    expect(e.warnings.join()).toContain("10 个百分点上限");
  });

  it("stops at the annual cap and pays the layer above it", () => {
    // Uncapped: 24395 + 9000 + 57000 (40000–100000 × 95%) + 600000 × 85% = 600395 > cap 500000.
    // Fund reaches the cap at 100000 + (500000 − 90395) / 0.85 = 581888.2352941…;
    // above-cap layer 80% × (700000 − 581888.2352941…) = 94489.411… → 94489.41.
    const e = ok({ region: "带段市", total: "700000" });
    expect([e.fundPays, e.seriousIllnessPays, e.youPay]).toEqual(["500000.00", "94489.41", "105510.59"]);
    const cap = e.steps.find((s) => s.kind === "cap")!;
    expect(cap.amount).toBe("500000.00");
    expect(cap.rule).toContain("已封顶");
  });

  it("counts what the fund already paid this year against the cap", () => {
    const e = ok({ region: "带段市", total: "50000", yearToDate: { fundPaid: "490000" } });
    expect(e.fundPays).toBe("10000.00");
  });
});

describe("the explanation says only what happened", () => {
  it("names no 自费 or 乙类 step for a bill without them, and no empty band", () => {
    // 带段市, 20000: only the first band (1300–30000) carries money.
    const e = ok({ region: "带段市", total: "20000", classB: "0", outOfCatalog: "0.00" });
    const kinds = e.steps.map((s) => s.kind);
    expect(kinds).not.toContain("out_of_catalog");
    expect(kinds).not.toContain("class_b_first_pay");
    const band = e.steps.find((s) => s.kind === "band")!;
    // The first band is 0–30000, but the deductible (1300) cuts into it: shown from there.
    expect(band.rule).toContain("1300.00–30000.00 元段 18700.00 元 × 85%");
    expect(band.rule).not.toContain("以上部分");
  });

  it("words the open-ended band and shows no amount for a cap not reached", () => {
    // 带段市, 120000: the last band starts at 100000 and has no upper end: 20000 × 85%.
    const e = ok({ region: "带段市", total: "120000" });
    expect(e.steps.find((s) => s.kind === "band")!.rule).toContain("100000.00 元以上部分 20000.00 元 × 85%");
    const cap = e.steps.find((s) => s.kind === "cap")!;
    expect(cap.amount).toBeNull();
    expect(cap.rule).toContain("本次最多支付 500000.00 元，未超过");
  });
});

describe("first-pay shares and schedules (先付市)", () => {
  it("takes 20% first across provinces", () => {
    // 30000 × 20% = 6000 first; 24000 − 800 = 23200 × 85% = 19720.
    const e = ok({ region: "先付市", total: "30000", visitor: "temporary_other" });
    expect([e.fundPays, e.youPay]).toEqual(["19720.00", "10280.00"]);
    expect(e.steps.find((s) => s.kind === "visitor_first_pay")?.amount).toBe("6000.00");
  });

  it("takes 10% first inside the province", () => {
    // 30000 × 10% = 3000; 27000 − 800 = 26200 × 85% = 22270.
    const e = ok({ region: "先付市", total: "30000", visitor: "temporary_other", treatment: "990100" });
    expect(e.jurisdiction).toBe("intra_province");
    expect(e.fundPays).toBe("22270.00");
  });

  it("settles the unregistered on their own schedule, and not directly", () => {
    // deductible 2000, 50%: 28000 × 50% = 14000.
    const e = ok({ region: "先付市", total: "30000", visitor: "unregistered" });
    expect(e.fundPays).toBe("14000.00");
    expect(e.directSettlement.possible).toBe(false);
    expect(e.warnings.join()).toContain("垫付");
  });

  it("pays nothing where the rule says not covered", () => {
    const e = ok({ region: "先付市", total: "3000", visitor: "temporary_other", setting: "outpatient" });
    expect([e.fundPays, e.youPay]).toEqual(["0.00", "3000.00"]);
  });

  it("uses the annual outpatient deductible minus what was already paid", () => {
    // deductible 500 − 200 paid = 300; (3000 − 300) × 50% = 1350.
    const e = ok({ region: "先付市", total: "3000", setting: "outpatient", yearToDate: { deductiblePaid: "200" } });
    expect(e.fundPays).toBe("1350.00");
  });
});

describe("retiree adjustments and dated versions (退休市)", () => {
  it("lowers the deductible and raises the ratio", () => {
    // 600 − 100 = 500; 85 + 3 = 88%: 9500 × 88% = 8360.
    expect(ok({ region: "退休市", total: "10000", status: "retired" }).fundPays).toBe("8360.00");
  });

  it("keeps the floors: deductible not below 100, ratio not above 99", () => {
    // level 1: 100 stays 100; 98 + 3 → 99: 9900 × 99% = 9801.
    expect(ok({ region: "退休市", total: "10000", status: "retired", level: 1 }).fundPays).toBe("9801.00");
  });

  it("picks the version in force on the treatment date", () => {
    // 2020 version: 900, 80%: 9100 × 80% = 7280.
    const e = ok({ region: "退休市", total: "10000", date: "2021-05-01" });
    expect(e.fundPays).toBe("7280.00");
    expect(e.policy.version).toBe("2020");
    expect(e.policy.confidence).toBe("low");
  });
});

describe("regions without data", () => {
  it("falls back to the typical template and says so", () => {
    // typical fixture: level 3 deductible 900, 80%; long-term: (10000 − 900) × 80% = 7280.
    const e = ok({ region: "合肥", total: "10000" });
    expect(e.policy.typical).toBe(true);
    expect(e.fundPays).toBe("7280.00");
    expect(e.warnings[0]).toContain("典型模板");
  });

  it("assumes the national ceiling when a visitor rule is unknown", () => {
    // typical, referral with no rule: −10 points → 70%: 9100 × 70% = 6370.
    const e = ok({ region: "合肥", total: "10000", visitor: "referral" });
    expect(e.fundPays).toBe("6370.00");
    expect(e.assumptions.join()).toContain("按国家规定的上限（最多降 10 个百分点）算");
  });
});

describe("bad input gets a clear Chinese error naming the field", () => {
  const cases: [string, unknown, string][] = [
    ["unknown region", scenario({ region: "火星", total: "100" }), "insured.region"],
    ["negative amount", scenario({ total: "-3" }), "costs.total"],
    ["non-numeric amount", scenario({ total: "三万" }), "costs.total"],
    ["乙类 larger than the total", scenario({ total: "100", classB: "200" }), "costs.classB"],
    ["date with no policy", scenario({ region: "退休市", total: "100", date: "2019-01-01" }), "treatment.date"],
    ["a province as insured place", scenario({ region: "河北", total: "100" }), "insured.region"],
    ["a day that does not exist (2025 is no leap year)", scenario({ total: "100", date: "2025-02-29" }), "treatment.date"],
    ["bad hospital level", { ...scenario({ total: "100" }), treatment: { region: "上海", setting: "inpatient", hospitalLevel: 4, date: "2026-01-01" } }, "treatment.hospitalLevel"],
  ];
  it.each(cases)("%s", (_name, input, field) => {
    const result = evaluate(input, fixtureBook);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.field)).toContain(field);
    for (const e of result.errors) expect(e.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it("takes an amount as a clean string, a string with spaces around it, or a JSON number", () => {
    for (const total of ["30000", " 30000 ", 30000]) {
      const result = evaluate({ ...scenario({ total: "1" }), costs: { total } }, fixtureBook);
      expect(result.ok && result.estimate.total).toBe("30000.00");
    }
  });

  it("says one thing about a negative JSON number, not what it makes of the other amounts", () => {
    const result = evaluate({ ...scenario({ total: "1" }), costs: { total: -3 } }, fixtureBook);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual([{ field: "costs.total", message: expect.stringContaining("不小于 0 的金额") }]);
  });

  it("tells a missing field from one of the wrong type", () => {
    const base = scenario({ total: "100" }) as Record<string, unknown>;
    const wrong = evaluate({ ...base, insured: [] }, fixtureBook);
    const { insured: _gone, ...rest } = base;
    const missing = evaluate(rest, fixtureBook);
    expect(!wrong.ok && wrong.errors[0]).toEqual({ field: "insured", message: "类型不对（应为对象（{…}））" });
    expect(!missing.ok && missing.errors[0]).toEqual({ field: "insured", message: "缺少此字段" });
  });

  it("rejects an unknown field by name", () => {
    const result = evaluate({ ...scenario({ total: "100" }), extra: 1 }, fixtureBook);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.message).toContain("extra");
  });

  it("never throws on junk", () => {
    for (const junk of [null, undefined, 42, "x", [], { insured: null }]) {
      expect(evaluate(junk, fixtureBook).ok).toBe(false);
    }
  });
});
