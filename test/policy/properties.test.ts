/**
 * Properties of every estimate, over the fixture policies (and, in policies.test.ts, over the
 * real data): the parts add up, the cap holds, more cost never means less to pay, registering
 * never hurts, cuts stay within the national ceiling, and every step cites a source.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PolicyBook } from "../../src/policy/book.ts";
import { D } from "../../src/policy/money.ts";
import { evaluate, type ExplainedEstimate as Estimate } from "../../src/conversation/policy-book.ts";
import { type ScenarioInput } from "../../src/policy/index.ts";
import { fixtureBook } from "./helpers.ts";

const fen = fc.bigInt({ min: 0n, max: 200_000_000n }); // up to 2,000,000.00 元
const money = (v: bigint) => new D(v.toString()).div(100).toFixed(2);

export function scenarioArb(regions: string[], treatments: string[]) {
  return fc
    .record({
      region: fc.constantFrom(...regions),
      scheme: fc.constantFrom<"employee" | "resident">("employee", "resident"),
      status: fc.constantFrom<"working" | "retired" | undefined>("working", "retired", undefined),
      treatment: fc.constantFrom(...treatments),
      setting: fc.constantFrom<"inpatient" | "outpatient" | "chronic_outpatient">("inpatient", "outpatient", "chronic_outpatient"),
      level: fc.constantFrom<1 | 2 | 3>(1, 2, 3),
      date: fc.constantFrom("2024-06-01", "2025-08-01", "2026-03-01"),
      visitor: fc.constantFrom<ScenarioInput["visitor"]>("long_term", "referral", "emergency", "temporary_other", "unregistered"),
      total: fen,
      bShare: fc.integer({ min: 0, max: 100 }),
      outShare: fc.integer({ min: 0, max: 100 }),
      admissions: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
      fundPaid: fc.option(fen, { nil: undefined }),
    })
    .map((r) => {
      const b = (r.total * BigInt(r.bShare)) / 100n;
      const out = ((r.total - b) * BigInt(r.outShare)) / 100n;
      const input: ScenarioInput = {
        insured: { region: r.region, scheme: r.scheme, ...(r.status ? { status: r.status } : {}) },
        treatment: { region: r.treatment, setting: r.setting, hospitalLevel: r.level, date: r.date },
        visitor: r.visitor,
        costs: { total: money(r.total), classB: money(b), outOfCatalog: money(out) },
        yearToDate: {
          ...(r.admissions !== undefined ? { admissions: r.admissions } : {}),
          ...(r.fundPaid !== undefined ? { fundPaid: money(r.fundPaid) } : {}),
        },
      };
      return input;
    });
}

function run(book: PolicyBook, input: ScenarioInput): Estimate | null {
  const result = evaluate(input, book);
  return result.ok ? result.estimate : null;
}

/** The checks shared by the fixture run here and the real-data run in test/policies. */
export function checkProperties(book: PolicyBook, regions: string[], treatments: string[], numRuns = Number(process.env.PROP_RUNS ?? 300)): void {
  const arb = scenarioArb(regions, treatments);
  let evaluated = 0;

  fc.assert(
    fc.property(arb, (input) => {
      const e = run(book, input);
      if (!e) return; // a date with no version, say: an error, checked elsewhere
      evaluated++;
      // The three parts add up to the bill, to the fen.
      expect(new D(e.fundPays).plus(e.seriousIllnessPays).plus(e.youPay).toFixed(2)).toBe(e.total);
      for (const part of [e.fundPays, e.seriousIllnessPays, e.youPay]) expect(new D(part).isNegative()).toBe(false);
      // Every step names a source.
      for (const step of e.steps) {
        expect(step.source.title).not.toBe("");
        expect(["high", "medium", "low"]).toContain(step.source.confidence);
      }
      // The fund never pays past the cap still open this year.
      const capStep = e.steps.find((s) => s.kind === "cap");
      if (capStep) {
        const open = capStep.rule.match(/本次最多支付 ([\d.]+) 元/)?.[1];
        expect(open).toBeDefined();
        expect(new D(e.fundPays).lessThanOrEqualTo(new D(open!))).toBe(true);
      }
      // A visitor's cut never exceeds the national ceiling.
      const ceiling = { referral: 10, emergency: 10, temporary_other: 20 }[input.visitor as string];
      if (ceiling !== undefined) {
        for (const step of e.steps) {
          for (const r of step.rates ?? []) {
            expect(new D(r.before).minus(r.applied).lessThanOrEqualTo(ceiling)).toBe(true);
          }
        }
      }
    }),
    { numRuns },
  );
  expect(evaluated).toBeGreaterThan(numRuns / 4);

  fc.assert(
    fc.property(arb, fen, (input, extra) => {
      // A bigger bill (same 乙类 and 目录外) never lowers what you pay.
      const bigger = { ...input, costs: { ...input.costs, total: new D(input.costs.total).plus(money(extra)).toFixed(2) } };
      const a = run(book, input);
      const b = run(book, bigger);
      if (!a || !b) return;
      expect(new D(b.youPay).greaterThanOrEqualTo(a.youPay)).toBe(true);
    }),
    { numRuns },
  );

  fc.assert(
    fc.property(arb, fen, fen, (input, total, b) => {
      // The plan cache changes nothing: a bill of the same shape with other amounts, answered
      // from the plan the first one left, equals the answer made from scratch.
      evaluate(input, book);
      const classB = b > total ? total : b;
      const other: ScenarioInput = { ...input, costs: { total: money(total), classB: money(classB), outOfCatalog: "0.00" } };
      expect(evaluate(other, book)).toEqual(evaluate(other, book, { cache: false }));
      expect(evaluate(input, book)).toEqual(evaluate(input, book, { cache: false }));
    }),
    { numRuns },
  );

  fc.assert(
    fc.property(arb, (input) => {
      // A registered visitor never pays more than an unregistered one.
      const unregistered = run(book, { ...input, visitor: "unregistered" });
      if (!unregistered) return;
      for (const visitor of ["long_term", "referral", "emergency", "temporary_other"] as const) {
        const registered = run(book, { ...input, visitor });
        if (!registered) continue;
        expect(new D(registered.youPay).lessThanOrEqualTo(unregistered.youPay)).toBe(true);
      }
    }),
    { numRuns },
  );
}

describe("estimate properties over the fixture policies", () => {
  it("hold for random scenarios", () => {
    checkProperties(fixtureBook, ["示例市", "带段市", "先付市", "退休市", "合肥"], ["上海", "990100", "990300", "苏州", "合肥"]);
  });
});
