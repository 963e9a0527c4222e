/**
 * 在外地生孩子 once both places are known: what the insured place's data says for them (成都:
 * 成德眉资 settle directly, elsewhere pay first), with its source; undefined where it says nothing,
 * and the national fact answers.
 */
import type { Answers } from "../../flows/answers.ts";
import { flowMessages as m } from "../messages/flows.ts";
import { maternitySettlement } from "../policy/maternity.ts";
import { book, regionName, today, type Fact } from "./policy-data.ts";

export function maternityAnswer(a: Answers, now: Date): Fact | undefined {
  const b = book();
  if (!b || !a.insured || !a.treatment) return undefined;
  const found = maternitySettlement(b, { insured: a.insured, treatment: a.treatment, scheme: a.scheme, date: today(now) });
  if (!found) return undefined;
  const ins = regionName(a.insured);
  const tr = regionName(a.treatment);
  const text = found.direct ? m.aside.maternityDirect(ins, tr) : m.aside.maternityPayFirst(ins, tr, found.directIn.map(regionName).join("、"));
  return { text, source: found.source.title };
}
