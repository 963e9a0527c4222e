/**
 * Money and rates in one place. Every amount is a decimal.js `Decimal`; floats never touch
 * money. Rounding happens only here, to the fen (0.01 元), half-up, at these documented points:
 *  1. an amount the person pays first (乙类先行自付, 先自付/先自理 share) — rounded when computed;
 *  2. what the basic fund pays, after bands and the cap — rounded once, as a whole;
 *  3. what each supplementary layer (大病保险, 大额补助) pays — rounded once per layer.
 * What the person pays is then `total − fund − supplementary`, exact, so the three parts
 * always add up to the bill to the fen.
 */
import { Decimal } from "decimal.js";

/** A private Decimal constructor: precision high enough for any bill, half-up rounding. */
export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Money = InstanceType<typeof D>;

export const ZERO = new D(0);
export const HUNDRED = new D(100);

/** Round to the fen, half-up. The only rounding function in the project. */
export function toFen(amount: Money): Money {
  return amount.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/**
 * "1234.50": two decimals, no grouping, for JSON and arithmetic-safe display. Amounts here are
 * almost always whole fen already, so the plain digits are padded instead of going through
 * `toFixed` (eight times slower, and an estimate formats some twenty amounts); anything with
 * more decimals, or in exponent notation, still goes through `toFixed(2)`, half-up.
 */
export function fmt(amount: Money): string {
  const s = amount.toString();
  const dot = s.indexOf(".");
  if (dot === -1) return s.includes("e") || s === "-0" ? amount.toFixed(2) : `${s}.00`;
  const decimals = s.length - dot - 1;
  if (decimals === 2) return s;
  if (decimals === 1) return `${s}0`;
  return amount.toFixed(2);
}

/** Percent (85) → fraction (0.85). */
export function pct(percent: number | Money): Money {
  return new D(percent).div(HUNDRED);
}

/** Strictly above zero (decimal.js counts +0 as positive: `isPositive()` is not this). */
export function positive(amount: Money): boolean {
  return amount.greaterThan(ZERO);
}

export function max0(amount: Money): Money {
  return amount.isNegative() ? ZERO : amount;
}

export function min(a: Money, b: Money): Money {
  return a.lessThan(b) ? a : b;
}
