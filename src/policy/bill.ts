/**
 * Who pays what of one bill, as parts that add up to its total to the fen: what the fund and
 * the serious-illness insurance pay, then what the person pays split by why (自费, 乙类先付, the
 * visitor's first-pay share, the deductible, and the rest of their share). Drawn as the bar
 * under every estimate; derived only from the estimate's own amounts and steps.
 */
import { D, fmt, max0, min, positive, ZERO, type Money } from "./money.ts";
import type { Estimate, StepKind } from "./scenario.ts";

export type BillPartKind = "fund" | "serious" | "outOfCatalog" | "notCovered" | "classB" | "visitorFirstPay" | "deductible" | "share";

export interface BillPart {
  kind: BillPartKind;
  /** Two decimals, 元. */
  amount: string;
  /** Paid by the person (true) or by insurance (false). */
  own: boolean;
}

export interface Bill {
  total: string;
  parts: BillPart[];
}

/** The person's named parts, in the order the evaluator settles them. */
const OWN: [StepKind, BillPartKind][] = [
  ["out_of_catalog", "outOfCatalog"],
  ["not_covered", "notCovered"],
  ["class_b_first_pay", "classB"],
  ["visitor_first_pay", "visitorFirstPay"],
  ["deductible", "deductible"],
];

export function billOf(e: Pick<Estimate, "total" | "fundPays" | "seriousIllnessPays" | "youPay"> & { steps: readonly { kind: StepKind; amount: string | null }[] }): Bill {
  const parts: BillPart[] = [];
  const push = (kind: BillPartKind, amount: Money, own: boolean) => {
    if (positive(amount)) parts.push({ kind, amount: fmt(amount), own });
  };
  push("fund", new D(e.fundPays), false);
  push("serious", new D(e.seriousIllnessPays), false);
  // Each named part is limited to what is still left of the person's payment, so the parts can
  // never add up to more than they pay; the rest of it is their share.
  let left = max0(new D(e.youPay));
  for (const [step, kind] of OWN) {
    let sum = ZERO;
    for (const s of e.steps) if (s.kind === step && s.amount !== null) sum = sum.plus(s.amount);
    const part = min(sum, left);
    push(kind, part, true);
    left = left.minus(part);
  }
  push("share", left, true);
  return { total: e.total, parts };
}
