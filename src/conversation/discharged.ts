/**
 * Already discharged without a registration (FlowContext.told.discharged): registering before
 * discharge is no longer possible. The way still open comes first — make the registration up,
 * then claim by hand at the insured place (医保发〔2022〕22号, in its words, with its source) —
 * then what such a claim may bring, worked out as a registered temporary visitor.
 */
import type { Answers } from "../../flows/answers.ts";
import type { FlowContext } from "../../flows/common.ts";
import { evaluate } from "../policy/index.ts";
import { chatMoney as short, flowMessages as m } from "../messages/flows.ts";
import { book, regionName, sourceTitle } from "./policy-data.ts";

export function dischargedUnregistered(ctx: FlowContext): boolean {
  return !!ctx.told?.discharged && ctx.a.visitor === "unregistered";
}

/** The national rule for the discharged: make up the registration, then a manual claim at home. */
export function dischargedPath(): string {
  const fact = book()?.national.facts.makeup_after_discharge;
  if (!fact) return m.discharged.pathFallback;
  return m.discharged.path(fact.text, fact.quote, sourceTitle(null, fact.source));
}

/**
 * What a manual claim after making up the registration may bring, as a temporary visitor;
 * `ruleSays` is how the insured place treats the unregistered (nothing, or no data), for the
 * caveat. None when that case cannot be worked out either.
 */
export function madeUpClaim(a: Answers, now: Date, scenarioOf: (a: Answers, now: Date) => unknown, ruleSays: "nothing" | "no_data"): string | undefined {
  const b = book();
  if (!b) return undefined;
  const registered = evaluate(scenarioOf({ ...a, visitor: "temporary_other" }, now), b);
  if (!registered.ok) return undefined;
  const kinds = registered.estimate.assumptions.map((x) => x.kind);
  const cut = kinds.includes("visitor_unknown_rule") ? "ceiling" : kinds.includes("intra_province_unknown_cut") ? "intra" : "own";
  return m.discharged.claim(short(registered.estimate.fundPays), short(registered.estimate.youPay), cut, regionName(a.insured), ruleSays);
}
