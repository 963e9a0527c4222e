/**
 * An estimate in words: the evaluator (src/policy) returns each step, assumption and warning
 * as data (kind and figures); this turns them into the sentences of src/messages/policy.ts.
 * `explainEstimate` gives the estimate's public form (CLI JSON, HTTP API), every step with a
 * `what` and a `rule`; the chat words the pieces it shows one by one with the functions below.
 */
import type { EvaluateResult } from "../policy/evaluate.ts";
import type { Assumption, Estimate, InputProblem, RatioAdjust, SourceRef, Step, StepKind, StepParams, VisitorCut, Warning } from "../policy/scenario.ts";
import { flowMessages } from "./flows.ts";
import { policyText as t } from "./policy.ts";

/** A step as the public contract shows it. */
export interface ExplainedStep {
  kind: StepKind;
  /** What was computed, in plain Chinese. */
  what: string;
  /** Amount in 元 as a string with two decimals, or null for a step that decides without money. */
  amount: string | null;
  /** The rule applied, e.g. "三级医院起付线 1200.00 元". */
  rule: string;
  source: SourceRef;
  rates?: { before: string; applied: string }[];
}

/** The estimate with its steps, assumptions and warnings in words: the public JSON form. */
export interface ExplainedEstimate extends Omit<Estimate, "steps" | "assumptions" | "warnings" | "directSettlement"> {
  directSettlement: Estimate["directSettlement"] & { reason: string };
  steps: ExplainedStep[];
  assumptions: string[];
  warnings: string[];
}

export type ExplainedResult = { ok: true; estimate: ExplainedEstimate } | { ok: false; errors: { field: string; message: string }[] };

const catalogueName = (c: "insured" | "treatment") => (c === "treatment" ? "就医地" : "参保地");

function cutText(cut: VisitorCut): string {
  if ("points" in cut) return cut.ceiling ? t.ratio.ceilingPoints(String(cut.points)) : t.ratio.points(String(cut.points));
  if ("factor" in cut) return t.ratio.multiplier(String(cut.factor));
  return t.ratio.same;
}

function adjustText(a: RatioAdjust): string {
  let detail = "";
  if (a.retiredPoints) detail += t.ratio.retiredPoints(String(a.retiredPoints));
  if (a.retiredFactor) detail += t.ratio.retiredFactor(String(a.retiredFactor));
  if (a.visitor) detail += t.ratio.visitorCut(a.visitor.visitor, cutText(a.visitor.cut));
  return detail;
}

function bandsText(bands: readonly { lo: string; hi: string | null; amount: string; rate: string }[]): string {
  return t.ratio.bandsRule(bands.map((b) => t.ratio.band(b.lo, b.hi, b.amount, b.rate)));
}

/** What a step computed, and the rule it applied, in words. */
export function stepWords(p: StepParams): { what: string; rule: string } {
  switch (p.kind) {
    case "jurisdiction":
      return { what: t.jurisdiction.what(p.jurisdiction, p.insured, p.treatment), rule: t.jurisdiction.rule(p.jurisdiction, p.catalogue) };
    case "out_of_catalog":
      return { what: t.outOfCatalog.what, rule: t.outOfCatalog.rule(catalogueName(p.catalogue)) };
    case "class_b_first_pay":
      return { what: t.classB.what, rule: t.classB.rule(p.classB, String(p.share), p.template ? t.classB.template : (p.whose ?? catalogueName(p.catalogue))) };
    case "visitor_first_pay":
      return { what: t.visitorFirstPay.what(p.visitor), rule: t.visitorFirstPay.rule(p.base, String(p.share)) };
    case "deductible": {
      let extra = p.schedule ? t.deductible.schedule : "";
      if (p.retiredMinus !== undefined) extra += t.deductible.retiredAdjust(p.retiredMinus);
      if (p.alreadyPaid !== undefined) extra += t.deductible.alreadyPaid(p.alreadyPaid);
      return { what: t.deductible.what(p.nth, p.perYear), rule: t.deductible.rule(p.level, p.amount, p.retiredTable, extra) };
    }
    case "ratio":
      return { what: t.ratio.what, rule: t.ratio.rule(p.base, p.rate, adjustText(p.adjust)) };
    case "band":
      return { what: t.ratio.what, rule: bandsText(p.bands) + adjustText(p.adjust) };
    case "visitor_cut":
      return { what: t.ratio.visitorStep(p.visitor), rule: cutText(p.cut) };
    case "cap":
      return p.per === "month"
        ? { what: t.cap.monthlyWhat, rule: t.cap.monthlyRule(p.cap, p.remaining, p.capped) }
        : { what: t.cap.what, rule: t.cap.rule(p.cap, p.used, p.remaining, p.capped) };
    case "supplementary": {
      const [only, ...more] = p.bands;
      const whole = only !== undefined && more.length === 0 && only.lo === "0.00" && only.amount === p.base;
      return { what: p.label, rule: whole ? t.supplementary.whole(p.base, only.rate) : t.supplementary.rule(p.base, bandsText(p.bands)) };
    }
    case "not_covered":
      return { what: t.notCovered.what(p.setting), rule: t.warnings.notCovered };
    case "summary":
      return { what: t.summary.what, rule: t.summary.rule(p.fund, p.serious === null ? "" : t.summary.extra(p.serious), p.you) };
  }
}

export function assumptionText(a: Assumption): string {
  const x = t.assumptions;
  switch (a.kind) {
    case "status":
      return x.status;
    case "admissions":
      return x.admissions;
    case "fund_paid":
      return x.fundPaid;
    case "deductible_paid":
      return x.deductiblePaid;
    case "class_b_amount":
      return t.classB.noAmount;
    case "out_of_catalog_amount":
      return t.outOfCatalog.noAmount;
    case "monthly_cap":
      return x.monthlyCap(a.cap);
    case "visitor_unknown_rule":
      return x.visitorUnknownRule(a.visitor, a.points);
    case "unregistered_as_temporary":
      return x.unregisteredAsTemporary;
    case "province_as_treatment":
      return x.provinceAsTreatment(a.name);
    case "schedule_without_deductible":
      return x.scheduleWithoutDeductible(a.visitor);
    case "level_borrowed":
      return x.levelBorrowed(a.level, a.from);
    case "no_retiree_figures":
      return x.noRetireeFigures;
    case "retired_under_schedule":
      return x.retiredUnderSchedule(a.visitor);
    case "class_b_from_insured":
      return x.classBFromInsured;
    case "class_b_from_typical":
      return x.classBFromTypical;
    case "province_file":
      return x.provinceFile(a.city, a.province);
    case "province_table":
      return x.provinceTable(a.city, a.province);
    case "province_rule":
      return x.provinceRule(a.city, a.province, t.visitor(a.visitor));
    case "rule_other_scheme":
      return x.ruleOtherScheme(a.city, a.scheme, t.visitor(a.visitor));
    case "intra_province_catalogue":
      return x.intraProvinceCatalogue;
    case "intra_province_unknown_cut":
      return x.intraProvinceUnknownCut(a.visitor);
    case "no_registration_unknown_cut":
      return x.noRegistrationUnknownCut(a.city);
    case "ambiguity":
      return t.warnings.ambiguity(a.text);
    case "reading":
      return a.text;
  }
}

/** A warning in words; `dataAge` is the estimate's, for the `data_age` warning. */
export function warningText(w: Warning, dataAge: Estimate["dataAge"]): string {
  const x = t.warnings;
  switch (w.kind) {
    case "typical":
      return x.typical(w.name);
    case "partly_typical":
      return x.partlyTypical(w.name, w.setting, w.parts);
    case "low_confidence":
      return x.lowConfidence;
    case "data_age":
      return x.dataAge(dataAge, w.months);
    case "unregistered":
      return x.unregistered;
    case "emergency":
      return w.insuredRule ? x.emergencyLocal(w.insuredRule.name, w.insuredRule.withinDays) : x.emergency;
    case "maternity":
      return x.maternity;
    case "cut_clamped":
      return x.cutClamped(w.visitor, w.points, w.ceiling);
    case "not_covered":
      return x.notCovered;
    case "cap_reached":
      return x.capReached;
    case "monthly_cap_reached":
      return x.monthlyCapReached;
    case "chronic_needs_recognition":
      return x.chronicNeedsRecognition;
    case "outpatient_check":
      return x.outpatientCheck;
  }
}

/** The mark after a source, in a numbered list of sources, whose figures may be outdated. */
export function sourceAgeMark(x: Estimate["dataAge"][number], months: number): string {
  return t.warnings.sourceAgeMark(x, months);
}

/** Why an input cannot be estimated, in words. */
export function problemText(p: InputProblem): string {
  const e = t.errors;
  switch (p.kind) {
    case "invalid":
      return p.message;
    case "unknown_region":
      return e.unknownRegion(e[p.which], p.text);
    case "ambiguous_region":
      return e.ambiguousRegion(e[p.which], p.text, p.options.join("、"));
    case "province_not_pool":
      return e.provinceNotPool(e[p.which], p.text);
    case "no_policy_on_date":
      return e.noPolicyOnDate(p.name, p.date, p.earliest);
    case "no_setting_data":
      return e.noSettingData(p.name, p.scheme, p.setting, p.sourceTitle);
    case "no_unregistered_rule":
      return e.noUnregisteredRule(p.name, p.scheme, p.sourceTitle);
    case "maternity_no_data":
      return e.maternityNoData(p.name, p.scheme, p.sourceTitle, p.direct, p.treatment);
    case "data_unavailable":
      return flowMessages.dataUnavailable;
  }
}

export function explainStep(s: Step): ExplainedStep {
  const { what, rule } = stepWords(s.params);
  const out: ExplainedStep = { kind: s.kind, what, amount: s.amount, rule, source: s.source };
  if (s.rates) out.rates = s.rates;
  return out;
}

export function explainEstimate(e: Estimate): ExplainedEstimate {
  return {
    total: e.total,
    fundPays: e.fundPays,
    seriousIllnessPays: e.seriousIllnessPays,
    youPay: e.youPay,
    jurisdiction: e.jurisdiction,
    directSettlement: { possible: e.directSettlement.possible, kind: e.directSettlement.kind, reason: t.directSettlementReason(e.directSettlement.kind) },
    steps: e.steps.map(explainStep),
    policy: e.policy,
    dataAge: e.dataAge,
    assumptions: e.assumptions.map(assumptionText),
    warnings: e.warnings.map((w) => warningText(w, e.dataAge)),
  };
}

export function explainResult(r: EvaluateResult): ExplainedResult {
  return r.ok ? { ok: true, estimate: explainEstimate(r.estimate) } : { ok: false, errors: r.errors.map((x) => ({ field: x.field, message: problemText(x.problem) })) };
}
