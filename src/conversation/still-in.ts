/**
 * Not registered and still in hospital (还在住院, 怎么办 under such an estimate): the one thing to do
 * now is to register before discharge — the bill is then settled directly — with what that brings,
 * worked out as a registered temporary visitor, and the national rule's source (QA4 Q94, Q3).
 */
import type { Answers } from "../../flows/answers.ts";
import { evaluate } from "../policy/index.ts";
import { chatMoney as short, flowMessages as m } from "../messages/flows.ts";
import { book, sourceTitle } from "./policy-data.ts";
import { scenarioOf } from "./results.ts";

/** The lead with the national rule's source, then the figure once registered (when it can be worked out). */
export function makeUpNow(a: Answers, now: Date): string | undefined {
  const b = book();
  const fact = b?.national.facts.makeup_registration;
  if (!b || !fact) return undefined;
  const lines = [m.stillIn.lead(sourceTitle(null, fact.source) ?? "")];
  if (a.total && a.insured && a.treatment) {
    const registered = evaluate(scenarioOf({ ...a, visitor: "temporary_other" }, now), b);
    if (registered.ok) lines.push(m.stillIn.figure(short(registered.estimate.fundPays), short(registered.estimate.youPay)));
  }
  return lines.join("\n");
}
