import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import fc from "fast-check";
import { parse, MAX_INPUT_LENGTH, type Parse } from "../../src/language/index.ts";

const INTENTS = new Set(["registration_howto", "registration_materials", "eligibility", "estimate", "manual_claim", "validity",
  "emergency", "outpatient", "ratio_change", "greeting", "help", "cancel", "out_of_scope", "makeup_registration",
  "chronic_disease", "find_hospital", "review_time", "check_result", "deposit", "maternity", "serious_illness", "back", "restart",
  "correction", "not_understood", "who_can_register", "registration_channels", "at_hospital", "hotline", "cancel_change", "need_register",
  "claim_deadline"]);
const EXPECTING = ["insuredRegion", "treatmentRegion", "amount", "setting", "hospitalLevel", "scheme", "personStatus", "visitorType",
  "classB", "outOfCatalog", "deposit", "yearToDate", "quotedDeductible", undefined] as const;

function assertValid(p: Parse): void {
  expect(INTENTS.has(p.intent)).toBe(true);
  expect(p.confidence).toBeGreaterThanOrEqual(0);
  expect(p.confidence).toBeLessThanOrEqual(1);
  expect(typeof p.slots).toBe("object");
  for (const k of ["amount", "classB", "outOfCatalog", "deposit", "yearToDate", "quotedDeductible"] as const) {
    if (p.slots[k] !== undefined) expect(p.slots[k]).toMatch(/^\d+(\.\d+)?$/);
  }
  for (const c of p.candidates ?? []) expect(INTENTS.has(c)).toBe(true);
  for (const r of [p.slots.insuredRegion, p.slots.treatmentRegion]) if (r) expect(r.code).toMatch(/^\d{6}$/);
  expect(() => JSON.stringify(p)).not.toThrow();
}

describe("bad input never throws and always returns a valid Parse", () => {
  // parse() answers a failure inside it as out_of_scope and reports it as a process warning:
  // here no reader may fail at all, so a report is a failure of the test.
  let warnings: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    warnings = vi.spyOn(process, "emitWarning");
  });
  afterEach(() => {
    expect(warnings.mock.calls.filter(([, o]: unknown[]) => (o as { type?: string } | undefined)?.type === "ParseFailure")).toEqual([]);
    warnings.mockRestore();
  });

  // Generous time: 1,500 strings of up to 800 characters take seconds apiece on a busy machine.
  it("any string, any expected slot", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 800 }), fc.constantFrom(...EXPECTING), (s, expecting) => {
        assertValid(parse(s, expecting ? { expecting } : undefined));
      }),
      { numRuns: 1500 },
    );
  }, 120_000);

  it("strings built from the parser's own vocabulary", () => {
    const pieces = ["在", "去", "苏州", "上海", "吉林", "医保", "住院", "3万", "两万五", "-", "e400", "万", "十", "的", "深", "京", "，", " ", "😂", "三甲", "退休", "转诊", "１", "９", "."];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), fc.constantFrom(...EXPECTING), (parts, expecting) => {
        assertValid(parse(parts.join(""), expecting ? { expecting } : undefined));
      }),
      { numRuns: 1500 },
    );
  }, 120_000);

  it.each([
    [""], ["   "], ["😂😂😂"], ["\u0000\u0007\u001b[31m"], ["ＡＢＣ１２３"], ["Привет 你好 مرحبا"], ["北京 上海 广州"],
    ["1e400"], ["9".repeat(10_000)], ["\uD800"], ["万万万万万万"], ["十十十十"], ["-"], ["￥"],
  ])("%j", (text) => {
    assertValid(parse(text));
  });

  it("non-string input from a careless caller", () => {
    assertValid(parse(undefined as unknown as string));
    assertValid(parse(42 as unknown as string));
  });

  it(`cuts input at ${MAX_INPUT_LENGTH} characters`, () => {
    const padding = "啊".repeat(MAX_INPUT_LENGTH);
    expect(parse(`${padding}在上海住院`).slots.treatmentRegion).toBeUndefined();
    expect(parse(`在上海住院${padding}`).slots.treatmentRegion?.code).toBe("310000");
  });

  it("names three cities: returns what it can and reports the rest", () => {
    const p = parse("苏州 无锡 常州哪个报得多");
    assertValid(p);
    expect(p.places?.length ?? 0).toBeGreaterThanOrEqual(2);
  });
});
