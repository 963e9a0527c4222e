/**
 * Childbirth away from the insured place, as the insured place's data says it for the two places
 * (成都: 成德眉资 settle directly with no registration, elsewhere pay first and claim). Undefined
 * where the insured place has no such data: the national fact then answers.
 */
import { poolingCode } from "../places/divisions.ts";
import type { PolicyBook } from "./book.ts";
import type { SourceRef } from "./scenario.ts";
import { Scheme } from "./terms.ts";

export interface MaternitySettlement {
  /** Settled directly at the hospital, no registration needed. */
  direct: boolean;
  /** The insured place's name as its file gives it. */
  insuredName: string;
  /** Where childbirth settles directly, as 统筹区 codes. */
  directIn: string[];
  source: SourceRef;
}

export function maternitySettlement(
  book: PolicyBook,
  q: { insured: string; treatment: string; scheme?: Scheme | undefined; date: string },
): MaternitySettlement | undefined {
  const insured = poolingCode(q.insured);
  const region = book.regions.get(insured);
  if (!region) return undefined;
  const treatment = poolingCode(q.treatment);
  for (const scheme of q.scheme ? [q.scheme] : Scheme.options) {
    const found = book.versionFor(insured, scheme, q.date);
    if ("error" in found || found.policy !== region) continue;
    const rule = found.version.maternity;
    if (!rule) continue;
    return { direct: rule.directIn.includes(treatment), insuredName: region.name, directIn: rule.directIn, source: book.sourceRef(region, rule.source, rule.quote) };
  }
  return undefined;
}
