/**
 * Settlement, explained: resolve the parameters of the arithmetic for a case (prepare), run
 * the kernel (arithmetic.ts), then describe every step with its rule and source.
 * Order: 自费 → 乙类先行自付 → visitor's first-pay share → 起付线 → ratio (by level or by
 * progressive bands, with retiree and visitor adjustments) → annual cap → supplementary
 * layers. All money is Decimal; rounding points are listed in money.ts.
 */
import { policyText, type LevelKey } from "../messages/policy.ts";
import type { PolicyBook } from "./book.ts";
import { settleArithmetic, type Band as KernelBand, type Layer, type SettlementInput, type SettlementResult } from "./arithmetic.ts";
import { D, ZERO, HUNDRED, fmt, max0, min, positive, toFen, type Money } from "./money.ts";
import type { AppliedVisitorRule, Case } from "./resolve.ts";
import type { Estimate, Step, StepKind } from "./scenario.ts";
import type { Confidence, RatioTable, RegionPolicy, SettingRules, TypicalPolicy } from "./schema.ts";

type AnyPolicy = RegionPolicy | TypicalPolicy;
type Level = "1" | "2" | "3";

const CONFIDENCE_ORDER: Record<Confidence, number> = { low: 0, medium: 1, high: 2 };

/** Decimal values of policy figures, made once per figure string. */
const decimalCache = new Map<string | number, Money>();
function dec(value: string | number): Money {
  let d = decimalCache.get(value);
  if (!d) {
    d = new D(value);
    decimalCache.set(value, d);
  }
  return d;
}

/** Where a level has no figure of its own, the next higher level is used: the conservative side. */
const NEAREST: Record<Level, Level[]> = { "1": ["1", "2", "3"], "2": ["2", "3", "1"], "3": ["3", "2", "1"] };

/** A table entry for the hospital level, or the nearest level that has one. */
function atLevel<T>(table: Partial<Record<Level, T>>, level: Level): T | undefined {
  for (const l of NEAREST[level]) {
    const v = table[l];
    if (v !== undefined) return v;
  }
  return undefined;
}

interface Band extends KernelBand {
  rate: Money; // percent, before adjustments
  /** The band's bounds as shown in the explanation, formatted once. */
  label: [string, string | null];
}

const bandCache = new WeakMap<RatioTable, Partial<Record<Level, Band[]>>>();

/** A ratio table as bands for one level; built once per table and level, then reused. */
function bandsOf(table: RatioTable, level: Level): Band[] {
  let perLevel = bandCache.get(table);
  if (!perLevel) {
    perLevel = {};
    bandCache.set(table, perLevel);
  }
  return (perLevel[level] ??= buildBands(table, level));
}

function buildBands(table: RatioTable, level: Level): Band[] {
  if ("byLevel" in table) {
    const rate = atLevel(table.byLevel, level) ?? 0;
    return [{ lo: ZERO, hi: null, rate: dec(rate), label: ["0.00", null] }];
  }
  const out: Band[] = [];
  let lo = ZERO;
  for (const band of table.bands) {
    const rate = band.byLevel ? atLevel(band.byLevel, level) : band.rate;
    const hi = band.upTo === null ? null : dec(band.upTo);
    out.push({ lo, hi, rate: dec(rate ?? 0), label: [fmt(lo), hi === null ? null : fmt(hi)] });
    if (hi === null) break;
    lo = hi;
  }
  return out;
}

class Explainer {
  readonly steps: Step[] = [];
  lowest: Confidence = "high";
  oldestYear = Infinity;

  constructor(private readonly book: PolicyBook) {}

  /** `add` with the citation in one object. */
  addRef(kind: StepKind, what: string, amount: Money | null, rule: string, ref: Ref): void {
    this.add(kind, what, amount, rule, ref.policy, ref.source, ref.quote);
  }

  add(kind: StepKind, what: string, amount: Money | null, rule: string, policy: AnyPolicy | null, source: string, quote?: string): void {
    const ref = this.book.sourceRef(policy, source, quote);
    if (CONFIDENCE_ORDER[ref.confidence] < CONFIDENCE_ORDER[this.lowest]) this.lowest = ref.confidence;
    // National principles stay in force for years; only a region's own figures go stale.
    if (policy && policy.code !== "typical" && typeof ref.year === "number" && ref.year < this.oldestYear) this.oldestYear = ref.year;
    this.steps.push({ kind, what, amount: amount === null ? null : fmt(amount), rule, source: ref });
  }
}

interface RateAdjust {
  apply(rate: Money): Money;
  detail: string;
  /** Rates seen by `apply`, before and after the visitor's adjustment, for the step's `rates`. */
  seen: { before: string; applied: string }[];
}

/** Retiree and visitor adjustments of a ratio, with the national ceiling on visitor cuts. */
function rateAdjust(book: PolicyBook, c: Case, rules: SettingRules, usesSchedule: boolean): RateAdjust {
  const retiredAdjust = c.retired && !rules.ratio.retired && !usesSchedule ? rules.retiredAdjust : undefined;
  const rule = c.visitor.rule;
  const ceilingKind = c.visitor.entry?.visitor ?? (c.scenario.visitor === "unregistered" ? "temporary_other" : c.scenario.visitor);
  const ceiling = ceilingKind === "referral" || ceilingKind === "emergency" || ceilingKind === "temporary_other" ? book.national.cutCeilings[ceilingKind] : null;
  const applies = c.jurisdiction !== "same_pool";
  let detail = "";
  if (retiredAdjust?.ratioPlusPoints) detail += policyText.ratio.retiredPoints(String(retiredAdjust.ratioPlusPoints));
  if (retiredAdjust?.personalShareFactor) detail += policyText.ratio.retiredFactor(String(retiredAdjust.personalShareFactor));
  if (applies && rule.kind === "points") detail += policyText.ratio.visitorCut(c.scenario.visitor, policyText.ratio.points(String(rule.points)));
  if (applies && rule.kind === "multiplier") detail += policyText.ratio.visitorCut(c.scenario.visitor, policyText.ratio.multiplier(String(rule.factor)));
  let clampedWarned = false;
  const seen: { before: string; applied: string }[] = [];

  return {
    detail,
    seen,
    apply(base: Money): Money {
      let rate = base;
      if (retiredAdjust) {
        if (retiredAdjust.ratioPlusPoints) rate = rate.plus(dec(retiredAdjust.ratioPlusPoints));
        if (retiredAdjust.personalShareFactor) rate = HUNDRED.minus(HUNDRED.minus(rate).times(dec(retiredAdjust.personalShareFactor)));
        if (retiredAdjust.maxRatio !== undefined) rate = min(rate, dec(retiredAdjust.maxRatio));
        rate = min(rate, HUNDRED);
      }
      const before = rate;
      if (!applies) {
        seen.push({ before: before.toString(), applied: rate.toString() });
        return rate;
      }
      if (rule.kind === "points") rate = max0(rate.minus(dec(rule.points)));
      else if (rule.kind === "multiplier") rate = rate.times(dec(rule.factor));
      if (ceiling !== null && before.minus(rate).greaterThan(dec(ceiling))) {
        if (!clampedWarned) {
          c.warnings.push(policyText.warnings.cutClamped(c.scenario.visitor, fmt(before.minus(rate)), ceiling));
          clampedWarned = true;
        }
        rate = before.minus(dec(ceiling));
      }
      seen.push({ before: before.toString(), applied: rate.toString() });
      return rate;
    },
  };
}

function deductibleFor(c: Case, rules: SettingRules, level: Level): { amount: Money; extra: string; perYear: boolean } {
  const rule = c.visitor.rule;
  const nth = (c.scenario.yearToDate?.admissions ?? 0) + 1;
  if (c.jurisdiction !== "same_pool" && rule.kind === "schedule") {
    const v = atLevel(rule.deductible, level);
    return { amount: dec(v ?? 0), extra: policyText.deductible.schedule, perYear: false };
  }
  const d = rules.deductible;
  if (!d) return { amount: ZERO, extra: "", perYear: false };
  const table = c.retired && d.retired ? d.retired : d.working;
  const entry = atLevel(table, level);
  const value = entry === undefined ? 0 : Array.isArray(entry) ? entry[Math.min(nth, entry.length) - 1] ?? 0 : entry;
  let amount = dec(value);
  let extra = "";
  const adj = rules.retiredAdjust;
  if (c.retired && !d.retired && adj?.deductibleMinus) {
    const floor = adj.deductibleMin ? dec(adj.deductibleMin) : ZERO;
    const lowered = amount.minus(dec(adj.deductibleMinus));
    amount = lowered.lessThan(floor) ? (amount.lessThan(floor) ? amount : floor) : lowered;
    extra += policyText.deductible.retiredAdjust(adj.deductibleMinus);
  }
  const perYear = d.per === "year";
  const paid = c.scenario.yearToDate?.deductiblePaid;
  if (perYear && paid) {
    amount = max0(amount.minus(dec(paid)));
    extra += policyText.deductible.alreadyPaid(fmt(dec(paid)));
  }
  return { amount, extra, perYear };
}

function directSettlement(c: Case): Estimate["directSettlement"] {
  const t = policyText.directSettlement;
  if (c.scenario.maternity) return { possible: false, reason: t.maternity };
  if (c.jurisdiction === "same_pool") return { possible: true, reason: t.samePool };
  if (c.rules.value.notCovered || c.visitor.rule.kind === "not_covered") return { possible: false, reason: t.notCovered };
  if (c.visitor.freeZone) return { possible: true, reason: t.freeZone };
  if (c.scenario.visitor === "unregistered") return { possible: false, reason: t.unregistered };
  return { possible: true, reason: t.yes };
}


const NO_LAYERS: Layer[] = [];

/** Whose figures a step cites. */
interface Ref {
  policy: AnyPolicy | null;
  source: string;
  quote?: string | undefined;
}

/** Everything the arithmetic needs and everything the explanation says about it. */
export interface Prepared {
  input: SettlementInput;
  bands: Band[];
  adjust: RateAdjust;
  deductible: { amount: Money; extra: string; perYear: boolean; ref: Ref | null };
  ratioRef: Ref;
  usesSchedule: boolean;
  firstPayShare: number;
  classBShare: number | null;
}

function ceilingFor(book: PolicyBook, c: Case): number | null {
  const kind = c.visitor.entry?.visitor ?? (c.scenario.visitor === "unregistered" ? "temporary_other" : c.scenario.visitor);
  return kind === "referral" || kind === "emergency" || kind === "temporary_other" ? book.national.cutCeilings[kind] : null;
}

/** The look-ups: from a resolved case to the kernel's parameters. */
export function prepareSettlement(book: PolicyBook, c: Case): Prepared {
  const s = c.scenario;
  const level = String(s.treatment.hospitalLevel) as Level;
  const rules = c.rules.value;
  const rp = c.rules.policy;
  const visitor = c.visitor;
  const away = c.jurisdiction !== "same_pool";
  const usesSchedule = away && visitor.rule.kind === "schedule";
  const visitorRef: Ref = { policy: visitor.policy, source: visitor.source, quote: visitor.quote };

  let firstPayShare = 0;
  if (away && visitor.rule.kind === "first_pay") {
    const ceiling = ceilingFor(book, c);
    firstPayShare = ceiling !== null && visitor.rule.share > ceiling ? ceiling : visitor.rule.share;
    if (firstPayShare !== visitor.rule.share) c.warnings.push(policyText.warnings.cutClamped(s.visitor, String(visitor.rule.share), ceiling ?? 0));
  }

  const d = deductibleFor(c, rules, level);
  const deductibleRef: Ref | null = usesSchedule
    ? visitorRef
    : rules.deductible
      ? { policy: rp, source: rules.deductible.source, quote: rules.deductible.quote }
      : null;

  const table: RatioTable =
    usesSchedule && visitor.rule.kind === "schedule"
      ? { byLevel: visitor.rule.ratio }
      : c.retired && rules.ratio.retired
        ? rules.ratio.retired
        : rules.ratio.working;
  const adjust = rateAdjust(book, c, rules, usesSchedule);
  const bands = bandsOf(table, level);
  const rates: Money[] = [];
  for (const band of bands) rates.push(adjust.apply(band.rate));

  let capRemaining: Money | null = null;
  if (rules.cap) {
    const used = s.yearToDate?.fundPaid ? dec(s.yearToDate.fundPaid) : ZERO;
    capRemaining = max0(dec(rules.cap.amount).minus(used));
  }
  const layers: Layer[] = !rules.supplementary ? NO_LAYERS : rules.supplementary.map((layer) => ({
    kind: layer.kind,
    deductible: dec(layer.deductible),
    bands: layer.bands.map((b) => ({ hi: b.upTo === null ? null : dec(b.upTo), rate: dec(b.rate) })),
    cap: layer.cap ? dec(layer.cap) : null,
  }));

  const classB = s.costs.classB ? dec(s.costs.classB) : ZERO;
  return {
    input: {
      total: dec(s.costs.total),
      outOfCatalog: s.costs.outOfCatalog ? dec(s.costs.outOfCatalog) : ZERO,
      classB,
      classBShare: c.classBShare && s.costs.classB ? dec(c.classBShare.value) : ZERO,
      firstPayShare: dec(firstPayShare),
      deductible: d.amount,
      bands,
      rates,
      capRemaining,
      notCovered: !!rules.notCovered || (away && visitor.rule.kind === "not_covered"),
      layers,
    },
    bands,
    adjust,
    deductible: { ...d, ref: deductibleRef },
    ratioRef: usesSchedule ? visitorRef : { policy: rp, source: rules.ratio.source, quote: rules.ratio.quote },
    usesSchedule,
    firstPayShare,
    classBShare: c.classBShare ? c.classBShare.value : null,
  };
}

function noteWarnings(c: Case): void {
  const s = c.scenario;
  const away = c.jurisdiction !== "same_pool";
  const w = policyText.warnings;
  if (c.visitor.assumption && away) c.assumptions.push(c.visitor.assumption);
  if (!away) c.warnings.push(w.samePool);
  else if (s.visitor === "unregistered" && !c.visitor.freeZone) c.warnings.push(w.unregistered);
  else if (s.visitor === "emergency") c.warnings.push(w.emergency);
  if (s.maternity) c.warnings.push(w.maternity);
  if (s.treatment.setting === "outpatient" && away) c.warnings.push(w.outpatientCheck);
  if (s.treatment.setting === "chronic_outpatient" && away) c.warnings.push(w.chronicNeedsRecognition);
  if (c.visitor.entry?.ambiguity) c.warnings.push(w.ambiguity(c.visitor.entry.ambiguity));
  if (s.insured.scheme === "employee" && s.treatment.setting === "inpatient" && s.yearToDate?.admissions === undefined) {
    c.assumptions.push(policyText.assumptions.admissions);
  }
  if (s.costs.classB === undefined) c.assumptions.push(policyText.classB.noAmount);
}

const principleCache = new WeakMap<object, Record<string, Ref>>();

/** The national principle cited for the jurisdiction step, looked up once per national file. */
function principleRefFor(national: PolicyBook["national"], id: "cross_province" | "intra_province"): Ref {
  let refs = principleCache.get(national);
  if (!refs) {
    refs = {};
    for (const key of ["cross_province", "intra_province"]) {
      const principle = national.principles.find((x) => x.id === key);
      refs[key] = { policy: null, source: principle?.source ?? national.cutCeilings.source, quote: principle?.quote };
    }
    principleCache.set(national, refs);
  }
  return refs[id]!;
}

function explainLayers(ex: Explainer, layers: NonNullable<SettingRules["supplementary"]>, r: SettlementResult, rp: AnyPolicy | null): void {
  for (let k = 0; k < layers.length; k++) {
    const layer = layers[k]!;
    const out = r.layers[k];
    if (!out || !positive(out.base)) continue;
    const parts: string[] = [];
    let lo = ZERO;
    for (let j = 0; j < out.amounts.length; j++) {
      const amount = out.amounts[j]!;
      const band = layer.bands[j]!;
      const hi = band.upTo === null ? null : dec(band.upTo);
      if (positive(amount)) parts.push(policyText.ratio.band(fmt(lo), hi === null ? null : fmt(hi), fmt(amount), String(band.rate)));
      if (hi) lo = hi;
    }
    ex.addRef("supplementary", layer.label, out.paid, policyText.supplementary.rule(fmt(out.base), parts.join("；")), { policy: rp, source: layer.source, quote: layer.quote });
  }
}

export function settle(book: PolicyBook, c: Case): Estimate {
  const s = c.scenario;
  const ex = new Explainer(book);
  const rules = c.rules.value;
  const rp = c.rules.policy;
  const visitor: AppliedVisitorRule = c.visitor;
  const national = book.national;
  const p = prepareSettlement(book, c);
  const r = settleArithmetic(p.input);
  noteWarnings(c);

  const principleRef = principleRefFor(national, c.jurisdiction === "cross_province" ? "cross_province" : "intra_province");

  ex.addRef("jurisdiction", policyText.jurisdiction.what(c.jurisdiction, c.insured.name, c.treatment.name), null, policyText.jurisdiction.rule(c.jurisdiction, c.catalogue), principleRef);

  const catalogueName = c.catalogue === "treatment" ? "就医地" : "参保地";
  if (positive(p.input.outOfCatalog)) {
    ex.addRef("out_of_catalog", policyText.outOfCatalog.what, p.input.outOfCatalog, policyText.outOfCatalog.rule(catalogueName), principleRef);
  }
  if (c.classBShare && positive(p.input.classB)) {
    ex.addRef(
      "class_b_first_pay",
      policyText.classB.what,
      r.classBFirst,
      policyText.classB.rule(fmt(p.input.classB), String(c.classBShare.value), c.classBShare.policy?.name ?? catalogueName),
      c.classBShare,
    );
  }

  if (p.input.notCovered) {
    const ref: Ref = visitor.rule.kind === "not_covered" ? visitor : { policy: rp, source: c.rules.source, quote: c.rules.quote };
    ex.addRef("not_covered", policyText.notCovered.what(s.treatment.setting), r.eligible, policyText.warnings.notCovered, ref);
    c.warnings.push(policyText.warnings.notCovered);
  } else {
    if (p.firstPayShare > 0) {
      ex.addRef("visitor_first_pay", policyText.visitorFirstPay.what(s.visitor), r.visitorFirst, policyText.visitorFirstPay.rule(fmt(r.eligible), String(p.firstPayShare)), visitor);
    }
    if (p.deductible.ref) {
      ex.addRef(
        "deductible",
        policyText.deductible.what((s.yearToDate?.admissions ?? 0) + 1, p.deductible.perYear),
        r.deductiblePaid,
        policyText.deductible.rule(s.treatment.hospitalLevel as LevelKey, fmt(p.deductible.amount), c.retired && !!rules.deductible?.retired, p.deductible.extra),
        p.deductible.ref,
      );
    }

    const rates: { before: string; applied: string }[] = [];
    for (let k = 0; k < p.bands.length; k++) {
      rates.push({ before: p.adjust.seen[k]?.before ?? p.bands[k]!.rate.toString(), applied: p.input.rates[k]!.toString() });
    }
    let ruleText: string;
    if (p.bands.length === 1) {
      ruleText = policyText.ratio.rule(fmt(max0(r.base.minus(p.deductible.amount))), rates[0]?.applied ?? "0", p.adjust.detail);
    } else {
      const parts: string[] = [];
      for (let k = 0; k < r.bandAmounts.length; k++) {
        const amount = r.bandAmounts[k]!;
        const band = p.bands[k]!;
        if (positive(amount)) parts.push(policyText.ratio.band(band.label[0], band.label[1], fmt(amount), rates[k]!.applied));
      }
      ruleText = policyText.ratio.bandsRule(parts) + p.adjust.detail;
    }
    ex.addRef(p.bands.length === 1 ? "ratio" : "band", policyText.ratio.what, toFen(r.fundRaw), ruleText, p.ratioRef);
    const ratioStep = ex.steps[ex.steps.length - 1];
    if (ratioStep) ratioStep.rates = rates;
    if (!p.usesSchedule && c.jurisdiction !== "same_pool" && (visitor.rule.kind === "points" || visitor.rule.kind === "multiplier") && visitor.source !== p.ratioRef.source) {
      // The visitor adjustment is a rule of its own: cite it separately so its source is visible.
      const how = visitor.rule.kind === "points" ? policyText.ratio.points(String(visitor.rule.points)) : policyText.ratio.multiplier(String(visitor.rule.factor));
      ex.addRef("ratio", policyText.ratio.visitorStep(s.visitor), null, how, visitor);
    }

    if (rules.cap && p.input.capRemaining) {
      const used = s.yearToDate?.fundPaid ? dec(s.yearToDate.fundPaid) : ZERO;
      if (r.capped) c.warnings.push(policyText.warnings.capReached);
      ex.addRef("cap", policyText.cap.what, r.capped ? r.fund : null, policyText.cap.rule(fmt(dec(rules.cap.amount)), fmt(used), fmt(p.input.capRemaining), r.capped), { policy: rp, source: rules.cap.source, quote: rules.cap.quote });
    }

    if (rules.supplementary) explainLayers(ex, rules.supplementary, r, rp);
  }

  ex.addRef(
    "summary",
    policyText.summary.what,
    r.youPay,
    policyText.summary.rule(fmt(r.fund), r.supplementary.isZero() ? "" : policyText.summary.extra(fmt(r.supplementary)), fmt(r.youPay)),
    { policy: rp, source: c.rules.source },
  );

  if (c.typical) c.warnings.unshift(policyText.warnings.typical(c.insured.name));
  if (ex.lowest === "low") c.warnings.push(policyText.warnings.lowConfidence);
  const treatmentYear = Number(s.treatment.date.slice(0, 4));
  if (ex.oldestYear !== Infinity && treatmentYear - ex.oldestYear > 2) c.warnings.push(policyText.warnings.oldData(String(ex.oldestYear)));

  return {
    total: fmt(p.input.total),
    fundPays: fmt(r.fund),
    seriousIllnessPays: fmt(r.supplementary),
    youPay: fmt(r.youPay),
    jurisdiction: c.jurisdiction,
    directSettlement: directSettlement(c),
    steps: ex.steps,
    policy: {
      region: c.insured.code,
      regionName: c.insured.name,
      scheme: s.insured.scheme,
      version: c.version.version,
      from: c.version.from,
      to: c.version.to,
      typical: c.typical,
      confidence: ex.lowest,
    },
    assumptions: c.assumptions,
    warnings: c.warnings,
  };
}
