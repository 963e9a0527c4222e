/**
 * A bill said as two figures bounding it (三万多不到四万, 两万多快三万, 一万五到两万, 3万多 不到4万):
 * one figure, a range, its middle — like 六七万 — not two totals to choose from (QA5 Q95). Read
 * on the figures the amount reader found, before their roles. Pure, never throws.
 */
import { Decimal } from "decimal.js";
import { canonical, type AmountFound } from "./amounts.ts";

/** Between the two: the first said rough (多, 来, 出头), then an upper bound (不到, 快, 到). */
const BOUNDS = /^(?:多|来|出头|几)?(?:块钱?|元)?[\s,，]*(?:但是?|可能|大概)?(?:不到|没到|不超过|快|将近|接近|到|至|-|－|~|～)\s?$/u;

/** The figures with each bounding pair joined into one ranged figure. */
export function joinSpokenRanges(text: string, found: AmountFound[]): AmountFound[] {
  if (found.length < 2) return found;
  const out: AmountFound[] = [];
  for (let k = 0; k < found.length; k++) {
    const a = found[k] as AmountFound;
    const b = found[k + 1];
    if (b && a.value !== undefined && b.value !== undefined && !a.range && !b.range && BOUNDS.test(text.slice(a.end, b.start))) {
      const low = new Decimal(a.value);
      const high = new Decimal(b.value);
      // A bound just above (3万多 不到4万), not another bill (2万 到 8万 is too far apart to be one).
      if (low.lessThan(high) && high.lessThanOrEqualTo(low.times(2))) {
        const mid = low.plus(high).dividedBy(2);
        out.push({ start: a.start, end: b.end, text: text.slice(a.start, b.end), value: canonical(mid), strength: Math.max(a.strength, b.strength), total: a.total || b.total, range: [a.value, b.value] });
        k += 1;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}
