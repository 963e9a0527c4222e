/**
 * The settlement arithmetic alone: amounts in, amounts out, no look-up and no words. settle.ts
 * resolves the parameters and explains the result; the benchmark times this kernel bare.
 * Rounding points (money.ts): 乙类 first-pay, the visitor's first-pay share, the fund after
 * the cap, each supplementary layer. What the person pays is the exact remainder.
 */
import { HUNDRED, ZERO, max0, min, toFen, type Money } from "./money.ts";

export interface Band {
  lo: Money;
  hi: Money | null;
}

export interface Layer {
  /** above_cap: pays on the policy-range cost past the point where the fund hit its cap. */
  kind: "serious_illness" | "above_cap";
  deductible: Money;
  bands: { hi: Money | null; rate: Money }[];
  cap: Money | null;
}

export interface SettlementInput {
  total: Money;
  outOfCatalog: Money;
  classB: Money;
  /** Percent of 乙类 the person pays first; zero when none applies. */
  classBShare: Money;
  /** Percent of the policy-range cost the visitor pays first (先自付/先自理); zero when none. */
  firstPayShare: Money;
  deductible: Money;
  bands: Band[];
  /** The adjusted rate, in percent, of each band. */
  rates: Money[];
  /** What the fund may still pay this year; null when there is no cap. */
  capRemaining: Money | null;
  notCovered: boolean;
  layers: Layer[];
}

export interface SettlementResult {
  classBFirst: Money;
  eligible: Money;
  visitorFirst: Money;
  base: Money;
  deductiblePaid: Money;
  /** Policy-range cost falling in each band above the deductible. */
  bandAmounts: Money[];
  fundRaw: Money;
  fund: Money;
  capped: boolean;
  layers: { base: Money; amounts: Money[]; paid: Money }[];
  supplementary: Money;
  youPay: Money;
}

/** Where the fund, paying band by band from the deductible, reaches `limit`. */
function crossingPoint(i: SettlementInput, limit: Money): Money | null {
  let paid = ZERO;
  for (let k = 0; k < i.bands.length; k++) {
    const band = i.bands[k]!;
    const rate = i.rates[k]!;
    if (band.hi !== null && !band.hi.greaterThan(i.deductible)) continue;
    const lo = band.lo.greaterThan(i.deductible) ? band.lo : i.deductible;
    if (rate.isZero()) continue;
    const full = band.hi === null ? null : band.hi.minus(lo).times(rate).div(HUNDRED);
    if (full === null || paid.plus(full).greaterThanOrEqualTo(limit)) {
      return lo.plus(limit.minus(paid).times(HUNDRED).div(rate));
    }
    paid = paid.plus(full);
  }
  return null;
}

export function settleArithmetic(i: SettlementInput): SettlementResult {
  const classBFirst = i.classBShare.isZero() ? ZERO : toFen(i.classB.times(i.classBShare).div(HUNDRED));
  const eligible = i.total.minus(i.outOfCatalog).minus(classBFirst);
  const result: SettlementResult = {
    classBFirst,
    eligible,
    visitorFirst: ZERO,
    base: eligible,
    deductiblePaid: ZERO,
    bandAmounts: [],
    fundRaw: ZERO,
    fund: ZERO,
    capped: false,
    layers: [],
    supplementary: ZERO,
    youPay: i.total,
  };
  if (i.notCovered) return result;

  const visitorFirst = i.firstPayShare.isZero() ? ZERO : toFen(eligible.times(i.firstPayShare).div(HUNDRED));
  const base = eligible.minus(visitorFirst);
  result.visitorFirst = visitorFirst;
  result.base = base;
  result.deductiblePaid = min(base, i.deductible);

  let fundRaw = ZERO;
  for (let k = 0; k < i.bands.length; k++) {
    const band = i.bands[k]!;
    const lo = band.lo.greaterThan(i.deductible) ? band.lo : i.deductible;
    const hi = band.hi === null || band.hi.greaterThan(base) ? base : band.hi;
    const amount = hi.greaterThan(lo) ? hi.minus(lo) : ZERO;
    result.bandAmounts.push(amount);
    if (!amount.isZero()) fundRaw = fundRaw.plus(amount.times(i.rates[k]!).div(HUNDRED));
  }
  result.fundRaw = fundRaw;

  let fund = fundRaw;
  if (i.capRemaining !== null && fund.greaterThan(i.capRemaining)) {
    fund = i.capRemaining;
    result.capped = true;
  }
  fund = toFen(fund);
  result.fund = fund;

  let supplementary = ZERO;
  for (const layer of i.layers) {
    let layerBase = ZERO;
    if (layer.kind === "above_cap") {
      if (result.capped && i.capRemaining !== null) {
        const crossing = crossingPoint(i, i.capRemaining);
        if (crossing) layerBase = max0(base.minus(crossing));
      }
    } else {
      layerBase = max0(base.minus(fund).minus(layer.deductible));
    }
    const amounts: Money[] = [];
    let pay = ZERO;
    let lo = ZERO;
    for (const band of layer.bands) {
      const top = band.hi === null || band.hi.greaterThan(layerBase) ? layerBase : band.hi;
      const amount = top.greaterThan(lo) ? top.minus(lo) : ZERO;
      amounts.push(amount);
      pay = pay.plus(amount.times(band.rate).div(HUNDRED));
      if (band.hi === null || !layerBase.greaterThan(band.hi)) break;
      lo = band.hi;
    }
    if (layer.cap) pay = min(pay, layer.cap);
    // A layer never pays more than the policy-range share still left to the person.
    const paid = toFen(min(pay, max0(base.minus(fund).minus(supplementary))));
    supplementary = supplementary.plus(paid);
    result.layers.push({ base: layerBase, amounts, paid });
  }
  result.supplementary = supplementary;
  result.youPay = i.total.minus(fund).minus(supplementary);
  return result;
}
