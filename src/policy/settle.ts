/**
 * The settlement arithmetic, step by step, each step with the rule and its source.
 * Order: 自费 → 乙类先行自付 → visitor's first-pay share → 起付线 → ratio (by level or by
 * progressive bands, with retiree and visitor adjustments) → annual cap → supplementary
 * layers. All money is Decimal; rounding points are listed in money.ts.
 */
import { policyText, type LevelKey } from "../messages/policy.ts";
import type { PolicyBook } from "./book.ts";
import { D, ZERO, HUNDRED, fmt, max0, min, pct, toFen, type Money } from "./money.ts";
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

interface Band {
  lo: Money;
  hi: Money | null;
  rate: Money; // percent
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

/** Fund share over [from, to) of the settlement base, band by band. */
function fundOverBands(bands: Band[], from: Money, to: Money, adjust: RateAdjust): { fund: Money; parts: string[] } {
  let fund = ZERO;
  const parts: string[] = [];
  for (const band of bands) {
    const rate = adjust.apply(band.rate);
    const lo = band.lo.greaterThan(from) ? band.lo : from;
    const hi = band.hi === null || band.hi.greaterThan(to) ? to : band.hi;
    if (!hi.greaterThan(lo)) continue;
    const amount = hi.minus(lo);
    fund = fund.plus(amount.times(rate).div(HUNDRED));
    parts.push(policyText.ratio.band(band.label[0], band.label[1], fmt(amount), rate.toString()));
  }
  return { fund, parts };
}

/** The point of the settlement base at which the fund, paying band by band from `from`, reaches `limit`. */
function crossingPoint(bands: Band[], from: Money, limit: Money, adjust: RateAdjust): Money | null {
  let paid = ZERO;
  for (const band of bands) {
    const lo = band.lo.greaterThan(from) ? band.lo : from;
    const rate = adjust.apply(band.rate);
    if (rate.isZero()) continue;
    const full = band.hi === null ? null : band.hi.minus(lo).times(rate).div(HUNDRED);
    if (full === null || paid.plus(full).greaterThanOrEqualTo(limit)) {
      return lo.plus(limit.minus(paid).times(HUNDRED).div(rate));
    }
    if (full.isPositive()) paid = paid.plus(full);
  }
  return null;
}

function progressive(bands: { upTo: string | null; rate: number }[], base: Money): { pay: Money; parts: string[] } {
  let pay = ZERO;
  let lo = ZERO;
  const parts: string[] = [];
  for (const band of bands) {
    const hi = band.upTo === null ? null : dec(band.upTo);
    const top = hi === null || hi.greaterThan(base) ? base : hi;
    if (top.greaterThan(lo)) {
      const amount = top.minus(lo);
      pay = pay.plus(amount.times(dec(band.rate)).div(HUNDRED));
      parts.push(policyText.ratio.band(fmt(lo), hi === null ? null : fmt(hi), fmt(amount), String(band.rate)));
    }
    if (hi === null || !base.greaterThan(hi)) break;
    lo = hi;
  }
  return { pay, parts };
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

export function settle(book: PolicyBook, c: Case): Estimate {
  const s = c.scenario;
  const ex = new Explainer(book);
  const level = String(s.treatment.hospitalLevel) as Level;
  const rules = c.rules.value;
  const rp = c.rules.policy;
  const visitor: AppliedVisitorRule = c.visitor;
  const total = dec(s.costs.total);
  const outOfCatalog = s.costs.outOfCatalog ? dec(s.costs.outOfCatalog) : ZERO;
  const classB = s.costs.classB ? dec(s.costs.classB) : null;
  const national = book.national;

  const principle = national.principles.find((p) => p.id === (c.jurisdiction === "cross_province" ? "cross_province" : "intra_province"));
  ex.add(
    "jurisdiction",
    policyText.jurisdiction.what(c.jurisdiction, c.insured.name, c.treatment.name),
    null,
    policyText.jurisdiction.rule(c.jurisdiction, c.catalogue),
    null,
    principle?.source ?? national.cutCeilings.source,
    principle?.quote,
  );
  if (visitor.assumption && c.jurisdiction !== "same_pool") c.assumptions.push(visitor.assumption);
  if (c.jurisdiction === "same_pool") c.warnings.push(policyText.warnings.samePool);
  else if (s.visitor === "unregistered" && !visitor.freeZone) c.warnings.push(policyText.warnings.unregistered);
  else if (s.visitor === "emergency") c.warnings.push(policyText.warnings.emergency);
  if (s.maternity) c.warnings.push(policyText.warnings.maternity);
  if (s.treatment.setting === "outpatient" && c.jurisdiction !== "same_pool") c.warnings.push(policyText.warnings.outpatientCheck);
  if (s.treatment.setting === "chronic_outpatient" && c.jurisdiction !== "same_pool") c.warnings.push(policyText.warnings.chronicNeedsRecognition);
  if (visitor.entry?.ambiguity) c.warnings.push(policyText.warnings.ambiguity(visitor.entry.ambiguity));
  if (s.insured.scheme === "employee" && s.treatment.setting === "inpatient" && s.yearToDate?.admissions === undefined) {
    c.assumptions.push(policyText.assumptions.admissions);
  }

  // 1. 自费: outside the catalogue, the person pays it all.
  const catalogueName = c.catalogue === "treatment" ? "就医地" : "参保地";
  if (outOfCatalog.isPositive()) {
    ex.add("out_of_catalog", policyText.outOfCatalog.what, outOfCatalog, policyText.outOfCatalog.rule(catalogueName), null, principle?.source ?? national.cutCeilings.source, principle?.quote);
  }

  // 2. 乙类先行自付.
  let classBFirst = ZERO;
  if (classB === null) {
    c.assumptions.push(policyText.classB.noAmount);
  } else if (classB.isPositive() && c.classBShare) {
    classBFirst = toFen(classB.times(pct(c.classBShare.value)));
    ex.add(
      "class_b_first_pay",
      policyText.classB.what,
      classBFirst,
      policyText.classB.rule(fmt(classB), String(c.classBShare.value), c.classBShare.policy?.name ?? catalogueName),
      c.classBShare.policy,
      c.classBShare.source,
      c.classBShare.quote,
    );
  }
  const eligible = total.minus(outOfCatalog).minus(classBFirst);

  const notCovered = rules.notCovered || (c.jurisdiction !== "same_pool" && visitor.rule.kind === "not_covered");
  let fundRaw = ZERO;
  let fund = ZERO;
  let supplementaryTotal = ZERO;

  if (notCovered) {
    ex.add("not_covered", policyText.notCovered.what(s.treatment.setting), eligible, policyText.warnings.notCovered, visitor.rule.kind === "not_covered" ? visitor.policy : rp, visitor.rule.kind === "not_covered" ? visitor.source : c.rules.source, visitor.rule.kind === "not_covered" ? visitor.quote : c.rules.quote);
    c.warnings.push(policyText.warnings.notCovered);
  } else {
    // 3. The visitor's first-pay share (先自付/先自理).
    let base = eligible;
    if (c.jurisdiction !== "same_pool" && visitor.rule.kind === "first_pay") {
      const ceilingKind = visitor.entry?.visitor ?? (s.visitor === "unregistered" ? "temporary_other" : s.visitor);
      const ceiling = ceilingKind === "referral" || ceilingKind === "emergency" || ceilingKind === "temporary_other" ? national.cutCeilings[ceilingKind] : null;
      const share = ceiling !== null && visitor.rule.share > ceiling ? ceiling : visitor.rule.share;
      if (share !== visitor.rule.share) c.warnings.push(policyText.warnings.cutClamped(s.visitor, String(visitor.rule.share), ceiling ?? 0));
      const first = toFen(eligible.times(pct(share)));
      ex.add("visitor_first_pay", policyText.visitorFirstPay.what(s.visitor), first, policyText.visitorFirstPay.rule(fmt(eligible), String(share)), visitor.policy, visitor.source, visitor.quote);
      base = eligible.minus(first);
    }

    // 4. 起付线.
    const usesSchedule = c.jurisdiction !== "same_pool" && visitor.rule.kind === "schedule";
    const deductible = deductibleFor(c, rules, level);
    const deductiblePaid = min(base, deductible.amount);
    if (deductible.amount.isPositive() || rules.deductible) {
      const dRule = usesSchedule ? { policy: visitor.policy, source: visitor.source, quote: visitor.quote } : { policy: rp, source: rules.deductible?.source ?? c.rules.source, quote: rules.deductible?.quote };
      const nth = (s.yearToDate?.admissions ?? 0) + 1;
      ex.add(
        "deductible",
        policyText.deductible.what(nth, deductible.perYear),
        deductiblePaid,
        policyText.deductible.rule(s.treatment.hospitalLevel as LevelKey, fmt(deductible.amount), c.retired && !!rules.deductible?.retired, deductible.extra),
        dRule.policy,
        dRule.source,
        dRule.quote,
      );
    }

    // 5. Ratio, by level or by progressive bands.
    const table: RatioTable = usesSchedule && visitor.rule.kind === "schedule"
      ? { byLevel: visitor.rule.ratio }
      : c.retired && rules.ratio.retired
        ? rules.ratio.retired
        : rules.ratio.working;
    const adjust = rateAdjust(book, c, rules, usesSchedule);
    const bands = bandsOf(table, level);
    const over = fundOverBands(bands, deductible.amount, base, adjust);
    fundRaw = over.fund;
    const ratioRef = usesSchedule ? { policy: visitor.policy, source: visitor.source, quote: visitor.quote } : { policy: rp, source: rules.ratio.source, quote: rules.ratio.quote };
    const aboveDeductible = max0(base.minus(deductible.amount));
    const rates = adjust.seen.slice();
    const ruleText = bands.length === 1
      ? policyText.ratio.rule(fmt(aboveDeductible), rates[0]?.applied ?? "0", adjust.detail)
      : policyText.ratio.bandsRule(over.parts) + adjust.detail;
    ex.add(bands.length === 1 ? "ratio" : "band", policyText.ratio.what, toFen(fundRaw), ruleText, ratioRef.policy, ratioRef.source, ratioRef.quote);
    const ratioStep = ex.steps[ex.steps.length - 1];
    if (ratioStep) ratioStep.rates = rates;
    if (!usesSchedule && c.jurisdiction !== "same_pool" && (visitor.rule.kind === "points" || visitor.rule.kind === "multiplier")) {
      // The visitor adjustment is a rule of its own: cite it separately so its source is visible.
      const last = ex.steps[ex.steps.length - 1];
      if (last && visitor.source !== ratioRef.source) {
        ex.add("ratio", policyText.ratio.visitorCut(s.visitor, visitor.rule.kind === "points" ? policyText.ratio.points(String(visitor.rule.points)) : policyText.ratio.multiplier(String(visitor.rule.factor))), null, policyText.visitor(s.visitor), visitor.policy, visitor.source, visitor.quote);
      }
    }

    // 6. Annual cap.
    fund = fundRaw;
    let capRemaining: Money | null = null;
    if (rules.cap) {
      const cap = dec(rules.cap.amount);
      const used = s.yearToDate?.fundPaid ? dec(s.yearToDate.fundPaid) : ZERO;
      capRemaining = max0(cap.minus(used));
      if (fund.greaterThan(capRemaining)) {
        fund = capRemaining;
        c.warnings.push(policyText.warnings.capReached);
      }
      ex.add("cap", policyText.cap.what, toFen(fund), policyText.cap.rule(fmt(cap), fmt(used), fmt(capRemaining)), rp, rules.cap.source, rules.cap.quote);
    }
    fund = toFen(fund);

    // 7. Supplementary layers: 大额补助 above the cap, 大病保险 on the personal share.
    for (const layer of rules.supplementary ?? []) {
      let layerBase = ZERO;
      if (layer.kind === "above_cap") {
        if (capRemaining !== null && fundRaw.greaterThan(capRemaining)) {
          const crossing = crossingPoint(bands, deductible.amount, capRemaining, adjust);
          if (crossing) layerBase = max0(base.minus(crossing));
        }
      } else {
        layerBase = max0(base.minus(fund).minus(dec(layer.deductible)));
      }
      if (!layerBase.isPositive()) continue;
      const { pay, parts } = progressive(layer.bands, layerBase);
      let paid = layer.cap ? min(pay, dec(layer.cap)) : pay;
      paid = toFen(min(paid, max0(base.minus(fund).minus(supplementaryTotal))));
      supplementaryTotal = supplementaryTotal.plus(paid);
      ex.add("supplementary", layer.label, paid, policyText.supplementary.rule(fmt(layerBase), parts.join("；")), rp, layer.source, layer.quote);
    }
  }

  const youPay = total.minus(fund).minus(supplementaryTotal);
  ex.add(
    "summary",
    policyText.summary.what,
    youPay,
    policyText.summary.rule(fmt(fund), supplementaryTotal.isZero() ? "" : policyText.summary.extra(fmt(supplementaryTotal)), fmt(youPay)),
    rp,
    c.rules.source,
  );

  if (c.typical) c.warnings.unshift(policyText.warnings.typical(c.insured.name));
  if (ex.lowest === "low") c.warnings.push(policyText.warnings.lowConfidence);
  const treatmentYear = Number(s.treatment.date.slice(0, 4));
  if (ex.oldestYear !== Infinity && treatmentYear - ex.oldestYear > 2) c.warnings.push(policyText.warnings.oldData(String(ex.oldestYear)));

  return {
    total: fmt(total),
    fundPays: fmt(fund),
    seriousIllnessPays: fmt(supplementaryTotal),
    youPay: fmt(youPay),
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
