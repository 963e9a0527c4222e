/** money.ts: the fast formatter must agree with decimal.js's own toFixed(2) for every value. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { D, fmt, positive } from "../../src/policy/money.ts";

describe("fmt", () => {
  it("equals toFixed(2), half-up, for fen amounts, long fractions, signs and exponents", () => {
    const values = fc.oneof(
      fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }).map((n) => new D(n.toString()).div(100)),
      fc.integer().map((n) => new D(n).div(7)),
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }).map((x) => new D(x)),
      fc.constantFrom("0", "-0", "1e-9", "-1e-9", "1e25", "0.005", "-0.005", "0.015", "12.5", "7").map((s) => new D(s)),
    );
    fc.assert(fc.property(values, (d) => fmt(d) === d.toFixed(2)), { numRuns: 20_000 });
  });
  it("formats a few by hand", () => {
    expect([fmt(new D("1200")), fmt(new D("22100.5")), fmt(new D("0.125")), fmt(new D("3.14159"))]).toEqual(["1200.00", "22100.50", "0.13", "3.14"]);
  });
});

describe("positive", () => {
  it("is strictly above zero (decimal.js's isPositive() is true for +0)", () => {
    expect(new D(0).isPositive()).toBe(true);
    expect([positive(new D(0)), positive(new D("-0")), positive(new D("0.01")), positive(new D("-1"))]).toEqual([false, false, true, false]);
  });
});
