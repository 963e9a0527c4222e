/**
 * Settlement, explained: resolve the parameters of the arithmetic for a case (prepare), run
 * the kernel (arithmetic.ts), then record every step with its figures and source, as data
 * (src/messages/explain.ts words them).
 * Order: 自费 → 乙类先行自付 → visitor's first-pay share → 起付线 → ratio (by level or by
 * progressive bands, with retiree and visitor adjustments) → annual cap → supplementary
 * layers. All money is Decimal; rounding points are listed in money.ts.
 */
import { poolingCode, shortName } from "../places/divisions.ts";
import { decideDirectSettlement } from "./direct.ts";
import { noRegistrationOf } from "./zones.ts";
import { earliestDay, monthsBefore } from "./age.ts";
import type { PolicyBook } from "./book.ts";
import { settleArithmetic, type Band as KernelBand, type Layer, type SettlementInput, type SettlementResult } from "./arithmetic.ts";
import { D, ZERO, HUNDRED, fmt, max0, min, positive, toFen, type Money } from "./money.ts";
import type { AppliedVisitorRule, Case } from "./resolve.ts";
import type { Assumption, BandPart, Estimate, RatioAdjust, Scenario, SourceRef, Step, StepKind, StepParams, TemplatePart, VisitorCut, Warning } from "./scenario.ts";
import type { Confidence, RatioTable, RegionPolicy, SettingRules, TypicalPolicy } from "./schema.ts";

type AnyPolicy = RegionPolicy | TypicalPolicy;
type Level = "1" | "2" | "3";

const CONFIDENCE_ORDER: Record<Confidence, number> = { low: 0, medium: 1, high: 2 };

/** Decimal values of policy figures (never a person's amounts), made once per figure. */
const decimalCache = new Map<string | number, Money>();
function dec(value: string | number): Money {
  let d = decimalCache.get(value);
  if (!d) {
    d = new D(value);
    decimalCache.set(value, d);
  }
  return d;
}

const figureText = new Map<string | number, string>();
/** A policy figure as shown ("350000.00"), formatted once per figure. */
function fmtFigure(value: string | number): string {
  let text = figureText.get(value);
  if (text === undefined) {
    text = fmt(dec(value));
    figureText.set(value, text);
  }
  return text;
}

/**
 * The levels looked at for a hospital level, itself first: where it has no figure of its own,
 * the order of national.yaml `defaults.levelFallback` (the next higher level first, the
 * conservative side).
 */
type LevelOrder = readonly Level[];

/** A table entry for the hospital level, or the first level of its order that has one. */
function atLevel<T>(table: Partial<Record<Level, T>>, order: LevelOrder): T | undefined {
  for (const l of order) {
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

const bandCache = new WeakMap<RatioTable, Map<string, Band[]>>();

/** A ratio table as bands for one level and look-up order; built once per table, level and order (plan time only), then reused. */
function bandsOf(table: RatioTable, order: LevelOrder): Band[] {
  let perOrder = bandCache.get(table);
  if (!perOrder) {
    perOrder = new Map();
    bandCache.set(table, perOrder);
  }
  const key = order.join("");
  let bands = perOrder.get(key);
  if (!bands) perOrder.set(key, (bands = buildBands(table, order)));
  return bands;
}

function buildBands(table: RatioTable, order: LevelOrder): Band[] {
  if ("byLevel" in table) {
    const rate = atLevel(table.byLevel, order) ?? 0;
    return [{ lo: ZERO, hi: null, rate: dec(rate), label: ["0.00", null] }];
  }
  const out: Band[] = [];
  let lo = ZERO;
  for (const band of table.bands) {
    const rate = band.byLevel ? atLevel(band.byLevel, order) : band.rate;
    const hi = band.upTo === null ? null : dec(band.upTo);
    out.push({ lo, hi, rate: dec(rate ?? 0), label: [fmt(lo), hi === null ? null : fmt(hi)] });
    if (hi === null) break;
    lo = hi;
  }
  return out;
}

/** Whose figures a step cites. */
interface Ref {
  policy: AnyPolicy | null;
  source: string;
  quote?: string | undefined;
}

/** A citation resolved once, when the plan is made: the source, and whether its age matters. */
interface Cite {
  ref: SourceRef;
  /**
   * A figure of a region or of the template, whose age the estimate reports. National
   * principles are the framework's rules, in force until replaced; their dates are shown in
   * the step's source, not warned about on every estimate.
   */
  figure: boolean;
}

function cite(book: PolicyBook, ref: Ref): Cite {
  return { ref: book.sourceRef(ref.policy, ref.source, ref.quote), figure: !!ref.policy };
}

/** Cut-off day per limit and treatment date: figures published before it are older than the limit. */
const cutoffs = new Map<number, Map<string, string>>();
function cutoffFor(date: string, months: number): string {
  let byDate = cutoffs.get(months);
  if (!byDate) cutoffs.set(months, (byDate = new Map()));
  let day = byDate.get(date);
  if (day === undefined) {
    day = monthsBefore(date, months);
    if (byDate.size < 4000) byDate.set(date, day);
  }
  return day;
}

/** The sources among `used` that may be older than the limit on `date`, or show no date. */
function dataAgeOf(used: readonly SourceRef[], date: string, months: number): Estimate["dataAge"] {
  const out: Estimate["dataAge"] = [];
  let cutoff: string | undefined;
  for (const ref of used) {
    if (out.some((x) => x.source === ref.id && x.title === ref.title)) continue;
    const day = earliestDay(ref.published);
    if (day === null) out.push({ source: ref.id, title: ref.title, published: ref.published, age: "unknown" });
    else if (day < (cutoff ??= cutoffFor(date, months))) out.push({ source: ref.id, title: ref.title, published: ref.published, age: "old" });
  }
  return out;
}

class Explainer {
  readonly steps: Step[] = [];
  lowest: Confidence = "high";
  /** Sources of the figures used, each once, in the order first used. */
  readonly figureSources: SourceRef[] = [];

  /** `amount` may come formatted already, where the same figure is shown more than once. */
  add(kind: StepKind, amount: Money | string | null, params: StepParams, cited: Cite): Step {
    const ref = cited.ref;
    // The estimate's confidence is its figures': a national principle's page (省内 "参保地目录",
    // one C-grade page) is shown with its grade in the source list, not as a doubt on the numbers.
    if (cited.figure && CONFIDENCE_ORDER[ref.confidence] < CONFIDENCE_ORDER[this.lowest]) this.lowest = ref.confidence;
    if (cited.figure && !this.figureSources.includes(ref)) this.figureSources.push(ref);
    const step: Step = { kind, amount: amount === null || typeof amount === "string" ? amount : fmt(amount), params, source: ref };
    this.steps.push(step);
    return step;
  }
}

interface RateAdjust {
  apply(rate: Money): Money;
  stated: RatioAdjust;
  /** Rates seen by `apply`, before and after the visitor's adjustment, for the step's `rates`. */
  seen: { before: string; applied: string }[];
}

/** Retiree and visitor adjustments of a ratio, with the national ceiling on visitor cuts. */
function rateAdjust(book: PolicyBook, c: Case, rules: SettingRules, usesSchedule: boolean): RateAdjust {
  const retiredAdjust = c.retired && (usesSchedule ? rules.retiredAdjust?.alsoUnderSchedules : !rules.ratio.retired) ? rules.retiredAdjust : undefined;
  const rule = c.visitor.rule;
  const ceiling = ceilingFor(book, c);
  const applies = c.jurisdiction !== "same_pool";
  const stated: RatioAdjust = {};
  if (retiredAdjust?.ratioPlusPoints) stated.retiredPoints = retiredAdjust.ratioPlusPoints;
  if (retiredAdjust?.personalShareFactor) stated.retiredFactor = retiredAdjust.personalShareFactor;
  if (applies && rule.kind === "points") stated.visitor = { visitor: settledAs(c), cut: pointsCut(c, rule.points) };
  if (applies && rule.kind === "multiplier") stated.visitor = { visitor: settledAs(c), cut: { factor: rule.factor } };
  if (applies && rule.kind === "same" && sameBySource(c)) stated.visitor = { visitor: settledAs(c), cut: { same: true } };
  let clampedWarned = false;
  const seen: { before: string; applied: string }[] = [];

  return {
    stated,
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
          c.warnings.push({ kind: "cut_clamped", visitor: settledAs(c), points: fmt(before.minus(rate)), ceiling });
          clampedWarned = true;
        }
        rate = before.minus(dec(ceiling));
      }
      seen.push({ before: before.toString(), applied: rate.toString() });
      return rate;
    },
  };
}

/** A retiree's deductible where the source gives a reduction instead of a table (not below its floor). */
function retiredDeductible(amount: Money, adj: NonNullable<SettingRules["retiredAdjust"]>): { amount: Money; minus: string } {
  const floor = adj.deductibleMin ? dec(adj.deductibleMin) : ZERO;
  const lowered = amount.minus(dec(adj.deductibleMinus ?? 0));
  return {
    amount: lowered.lessThan(floor) ? (amount.lessThan(floor) ? amount : floor) : lowered,
    minus: String(adj.deductibleMinus ?? "0"),
  };
}

interface Deductible {
  amount: Money;
  perYear: boolean;
  /** Set by the visitor's separate schedule. */
  schedule: boolean;
  retiredMinus?: string;
  alreadyPaid?: string;
}

function deductibleFor(c: Case, rules: SettingRules, order: LevelOrder): Deductible {
  const rule = c.visitor.rule;
  const nth = (c.scenario.yearToDate?.admissions ?? 0) + 1;
  if (c.jurisdiction !== "same_pool" && rule.kind === "schedule" && rule.deductible) {
    const v = atLevel(rule.deductible, order);
    const adj = rules.retiredAdjust;
    if (c.retired && adj?.alsoUnderSchedules && adj.deductibleMinus) {
      const { amount, minus } = retiredDeductible(dec(v ?? 0), adj);
      return { amount, perYear: false, schedule: true, retiredMinus: minus };
    }
    return { amount: dec(v ?? 0), perYear: false, schedule: true };
  }
  const d = rules.deductible;
  if (!d) return { amount: ZERO, perYear: false, schedule: false };
  const table = c.retired && d.retired ? d.retired : d.working;
  const entry = atLevel(table, order);
  const value = entry === undefined ? 0 : Array.isArray(entry) ? entry[Math.min(nth, entry.length) - 1] ?? 0 : entry;
  const out: Deductible = { amount: dec(value), perYear: d.per === "year", schedule: false };
  const adj = rules.retiredAdjust;
  if (c.retired && !d.retired && adj?.deductibleMinus) {
    const lowered = retiredDeductible(out.amount, adj);
    out.amount = lowered.amount;
    out.retiredMinus = lowered.minus;
  }
  const paid = c.scenario.yearToDate?.deductiblePaid;
  if (out.perYear && paid) {
    const already = new D(paid);
    out.amount = max0(out.amount.minus(already));
    out.alreadyPaid = fmt(already);
  }
  return out;
}

/** The visitor the figures are for: not registering where none is needed (成都 普通门诊) settles as other temporary care. */
function settledAs(c: Case): Scenario["visitor"] {
  return c.visitor.noRegistration ? "temporary_other" : c.scenario.visitor;
}

function directSettlement(c: Case): Estimate["directSettlement"] {
  const d = decideDirectSettlement({
    jurisdiction: c.jurisdiction,
    visitor: c.scenario.visitor,
    // The zone's own rule is the case's visitor rule when the zone decided.
    zoneRule: c.visitor.freeZone ? c.visitor.rule : undefined,
    maternity: c.scenario.maternity,
    notCovered: c.rules.value.notCovered || c.visitor.rule.kind === "not_covered",
    noRegistration: !!c.visitor.noRegistration || (c.policy.code !== "typical" && !!noRegistrationOf(c.version, c.jurisdiction, c.scenario.treatment.setting)),
    emergencyRegisters: !!c.emergencyRegistration,
  });
  return { possible: d.possible, kind: d.reason };
}


const NO_LAYERS: Layer[] = [];

const NOT_COVERED: Warning = Object.freeze({ kind: "not_covered" });
const CAP_REACHED: Warning = Object.freeze({ kind: "cap_reached" });
const MONTHLY_CAP_REACHED: Warning = Object.freeze({ kind: "monthly_cap_reached" });
const LOW_CONFIDENCE: Warning = Object.freeze({ kind: "low_confidence" });


const layerCache = new WeakMap<NonNullable<SettingRules["supplementary"]>, Layer[]>();

/** The kernel's form of a policy's supplementary layers, built once per policy table. */
function layersOf(supplementary: NonNullable<SettingRules["supplementary"]>): Layer[] {
  let layers = layerCache.get(supplementary);
  if (!layers) {
    layers = supplementary.map((layer) => ({
      kind: layer.kind,
      deductible: dec(layer.deductible),
      bands: layer.bands.map((b) => ({ hi: b.upTo === null ? null : dec(b.upTo), rate: dec(b.rate) })),
      cap: layer.cap ? dec(layer.cap) : null,
    }));
    layerCache.set(supplementary, layers);
  }
  return layers;
}

/**
 * Everything about a case that does not depend on the bill: the kernel's parameters, the
 * explanation's fixed parts and the citations, resolved once. evaluate() keeps plans per
 * scenario shape (plans.ts), so a repeated question costs only the arithmetic and its record.
 */
export interface Plan {
  /** The resolved case; read only from here on. */
  c: Case;
  params: Omit<SettlementInput, "total" | "outOfCatalog" | "classB">;
  /** Each band's bounds as shown: a band the deductible cuts into starts at the deductible. */
  bandLabels: [lo: string, hi: string | null][];
  /** Each band's rate before and after the visitor's adjustment. */
  rates: { before: string; applied: string }[];
  /** The same, applied only. */
  appliedRates: string[];
  /** The ratio's adjustments, as its step states them. */
  adjust: RatioAdjust;
  deductible: { amount: Money; cite: Cite | null };
  cites: { principle: Cite; ratio: Cite; visitor: Cite; rules: Cite; cap: Cite | null; classB: Cite | null };
  /** Step parameters that do not depend on the bill, made once (frozen: shared by every estimate of the plan). */
  fixed: FixedParams;
  directSettlement: Estimate["directSettlement"];
  /** The insured region's own data was used, even where `c.typical` says the table was the template's. */
  regionData: boolean;
  /** The template's figures this estimate uses (a visitor schedule's 起付线 and 比例 replace the table's). */
  templateParts: readonly TemplatePart[];
  usesSchedule: boolean;
  firstPayShare: number;
  /** Said when a figure used is older than national.yaml's `defaults.staleAfterMonths`. */
  dataAgeWarning: Warning & { kind: "data_age" };
  /** What planning assumed and warned about; settle copies these before adding its own. */
  assumptions: readonly Assumption[];
  warnings: readonly Warning[];
}

interface FixedParams {
  jurisdiction: StepParams;
  outOfCatalog: StepParams;
  deductible: StepParams;
  /** The visitor's adjustment as a step of its own, where its source differs from the ratio's. */
  visitorCut: StepParams | null;
  /** The cap step, not reached and reached. */
  cap: [open: StepParams, reached: StepParams] | null;
  notCovered: StepParams;
}

function fixedParams(c: Case, d: Deductible, usesSchedule: boolean, capRemaining: Money | null, visitorSource: string, ratioSource: string): FixedParams {
  const s = c.scenario;
  const rules = c.rules.value;
  const visitor = c.visitor.rule;
  let visitorCut: StepParams | null = null;
  const stated = visitor.kind === "points" || visitor.kind === "multiplier" || (visitor.kind === "same" && sameBySource(c));
  if (!usesSchedule && c.jurisdiction !== "same_pool" && stated && visitorSource !== ratioSource) {
    const cut: VisitorCut = visitor.kind === "points" ? pointsCut(c, visitor.points) : visitor.kind === "multiplier" ? { factor: visitor.factor } : { same: true };
    visitorCut = { kind: "visitor_cut", visitor: settledAs(c), cut };
  }
  let cap: FixedParams["cap"] = null;
  if (rules.cap && capRemaining) {
    const per = rules.cap.per;
    const used = per === "year" && s.yearToDate?.fundPaid ? fmt(new D(s.yearToDate.fundPaid)) : "0.00";
    const figures = { per, cap: fmtFigure(capAmount(c, rules)), used, remaining: fmt(capRemaining) };
    cap = [Object.freeze({ kind: "cap", ...figures, capped: false }), Object.freeze({ kind: "cap", ...figures, capped: true })];
  }
  const deductible: StepParams = {
    kind: "deductible",
    nth: (s.yearToDate?.admissions ?? 0) + 1,
    perYear: d.perYear,
    level: Number(figureLevel(c)) as 1 | 2 | 3,
    amount: fmt(d.amount),
    retiredTable: c.retired && !!rules.deductible?.retired,
    schedule: d.schedule,
    ...(d.retiredMinus !== undefined ? { retiredMinus: d.retiredMinus } : {}),
    ...(d.alreadyPaid !== undefined ? { alreadyPaid: d.alreadyPaid } : {}),
  };
  return {
    jurisdiction: Object.freeze({ kind: "jurisdiction", jurisdiction: c.jurisdiction, insured: c.insured.name, treatment: c.treatment.name, catalogue: c.catalogue }),
    outOfCatalog: Object.freeze({ kind: "out_of_catalog", catalogue: c.catalogue }),
    deductible: Object.freeze(deductible),
    visitorCut: visitorCut && Object.freeze(visitorCut),
    cap,
    notCovered: Object.freeze({ kind: "not_covered", setting: s.treatment.setting }),
  };
}

/** The cap that applies to this person: the retirees' own where the source gives one. */
function capAmount(c: Case, rules: SettingRules): string {
  const cap = rules.cap!;
  return c.retired && cap.retired ? cap.retired : cap.amount;
}

/**
 * "No cut" as a rule of the place's own data (a region's or province's entry, or a free zone), said
 * with its source; the national principle for long-term residents goes without saying.
 */
function sameBySource(c: Case): boolean {
  return c.visitor.rule.kind === "same" && (c.visitor.entry !== null || c.visitor.freeZone);
}

/** A cut in points, marked when it is the national ceiling standing in for a rule the place's data lacks. */
function pointsCut(c: Case, points: number): VisitorCut {
  return c.visitor.assumption?.kind === "visitor_unknown_rule" ? { points, ceiling: true } : { points };
}

function ceilingFor(book: PolicyBook, c: Case): number | null {
  const kind = c.visitor.entry?.visitor ?? (c.scenario.visitor === "unregistered" ? "temporary_other" : c.scenario.visitor);
  return kind === "referral" || kind === "emergency" || kind === "temporary_other" ? book.national.cutCeilings[kind] : null;
}

/** The level whose figures settle the bill: the hospital's, unless the visitor rule names one (临沂: 市内三级). */
function figureLevel(c: Case): Level {
  const rule = c.visitor.rule;
  if (c.jurisdiction !== "same_pool" && rule.kind === "first_pay" && rule.settleAtLevel) return rule.settleAtLevel;
  return String(c.scenario.treatment.hospitalLevel) as Level;
}

/** The look-ups: from a case fresh from resolveCase to its plan. Adds to the case's warnings. */
export function planSettlement(book: PolicyBook, c: Case): Plan {
  const s = c.scenario;
  const order = book.national.defaults.levelFallback.order[figureLevel(c)];
  const rules = c.rules.value;
  const rp = c.rules.policy;
  const visitor = c.visitor;
  const away = c.jurisdiction !== "same_pool";
  const usesSchedule = away && visitor.rule.kind === "schedule";
  const visitorCite = cite(book, visitor);

  let firstPayShare = 0;
  if (away && visitor.rule.kind === "first_pay") {
    const ceiling = ceilingFor(book, c);
    firstPayShare = ceiling !== null && visitor.rule.share > ceiling ? ceiling : visitor.rule.share;
    if (firstPayShare !== visitor.rule.share) c.warnings.push({ kind: "cut_clamped", visitor: settledAs(c), points: String(visitor.rule.share), ceiling: ceiling ?? 0 });
  }

  const d = deductibleFor(c, rules, order);
  const deductibleCite: Cite | null = usesSchedule && visitor.rule.kind === "schedule" && visitor.rule.deductible
    ? visitorCite
    : rules.deductible
      ? cite(book, { policy: c.partPolicy?.deductible ?? rp, source: rules.deductible.source, quote: rules.deductible.quote })
      : null;

  const aged = agedRatio(c, rules);
  const table: RatioTable =
    usesSchedule && visitor.rule.kind === "schedule"
      ? { byLevel: visitor.rule.ratio }
      : aged
        ? aged.working
        : c.retired && rules.ratio.retired
        ? rules.ratio.retired
        : (rules.ratio.working ?? (rules.ratio.retired as RatioTable));
  const adjust = rateAdjust(book, c, rules, usesSchedule);
  const bands = bandsOf(table, order);
  const rates: Money[] = [];
  for (const band of bands) rates.push(adjust.apply(band.rate));

  let capRemaining: Money | null = null;
  if (rules.cap) {
    // A year-to-date figure cannot be split by month: a monthly cap starts from nothing paid this month.
    const used = rules.cap.per === "year" && s.yearToDate?.fundPaid ? new D(s.yearToDate.fundPaid) : ZERO;
    const amount = capAmount(c, rules);
    if (rules.cap.per === "month") c.assumptions.push({ kind: "monthly_cap", cap: fmtFigure(amount) });
    capRemaining = used === ZERO ? dec(amount) : max0(dec(amount).minus(used));
  }
  noteWarnings(c, order);
  const ratioRef: Ref = usesSchedule ? visitor : { policy: c.partPolicy?.ratio ?? rp, source: rules.ratio.source, quote: aged?.quote ?? rules.ratio.quote };

  return {
    c,
    params: {
      classBShare: c.classBShare && s.costs.classB ? dec(c.classBShare.value) : ZERO,
      firstPayShare: dec(firstPayShare),
      deductible: d.amount,
      bands,
      rates,
      capRemaining,
      notCovered: !!rules.notCovered || (away && visitor.rule.kind === "not_covered"),
      layers: rules.supplementary ? layersOf(rules.supplementary) : NO_LAYERS,
    },
    bandLabels: bands.map((b) => (b.lo.lessThan(d.amount) && (b.hi === null || b.hi.greaterThan(d.amount)) ? [fmt(d.amount), b.label[1]] : b.label)),
    rates: adjust.seen,
    appliedRates: adjust.seen.map((x) => x.applied),
    adjust: Object.freeze(adjust.stated),
    deductible: { amount: d.amount, cite: deductibleCite },
    cites: {
      principle: cite(book, principleRefFor(book.national, c.jurisdiction, c.insured.code)),
      ratio: cite(book, ratioRef),
      visitor: visitorCite,
      rules: cite(book, { policy: rp, source: c.rules.source, quote: c.rules.quote }),
      cap: rules.cap
        ? cite(book, { policy: c.capPolicy ?? rp, source: rules.cap.source, quote: c.retired && rules.cap.retired ? (rules.cap.retiredQuote ?? rules.cap.quote) : rules.cap.quote })
        : null,
      classB: c.classBShare ? cite(book, c.classBShare) : null,
    },
    fixed: fixedParams(c, d, usesSchedule, capRemaining, visitor.source, ratioRef.source),
    directSettlement: directSettlement(c),
    regionData: c.policy !== book.typical,
    templateParts: templateParts(book, c, usesSchedule),
    usesSchedule,
    firstPayShare,
    dataAgeWarning: Object.freeze({ kind: "data_age" as const, months: book.national.defaults.staleAfterMonths.months }),
    assumptions: c.assumptions.slice(),
    warnings: c.warnings.slice(),
  };
}

/**
 * Which of the 起付线, 比例 and 限额 used are the typical template's: a region's partial figures
 * (昆明 起付) and its visitor schedule (哈尔滨 自由转诊 1500/50%) are its own, and the estimate says
 * exactly which figure is a typical one (QA5 Q7, Q43, Q49).
 */
function templateParts(book: PolicyBook, c: Case, usesSchedule: boolean): TemplatePart[] {
  if (!c.typical) return [];
  const rules = c.rules.value;
  const schedule = usesSchedule && c.visitor.rule.kind === "schedule" ? c.visitor.rule : undefined;
  const out: TemplatePart[] = [];
  if (rules.deductible && !schedule?.deductible && !c.partPolicy?.deductible) out.push("deductible");
  if (!schedule && !c.partPolicy?.ratio) out.push("ratio");
  if (rules.cap && (c.capPolicy ?? book.typical) === book.typical) out.push("cap");
  return out;
}

/** The ratio band of the age said (深圳 居民 60周岁及以上), where the source has one and the age falls in it. */
function agedRatio(c: Case, rules: SettingRules): NonNullable<SettingRules["ratio"]["aged"]> | undefined {
  const aged = rules.ratio.aged;
  const age = c.scenario.insured.age;
  return aged && age !== undefined && age >= aged.fromAge ? aged : undefined;
}

/** The warning naming the template's figures, and whose the others are where not the insured place's file (湖南省 for 长沙). */
function partlyTypical(c: Case, parts: readonly TemplatePart[]): Warning {
  const own = c.partPolicy?.deductible ?? c.partPolicy?.ratio ?? c.capPolicy;
  const whose = own && own !== c.policy && own.code !== "typical" ? { whose: own.name } : {};
  return { kind: "partly_typical", name: c.insured.name, setting: c.scenario.treatment.setting, parts, ...whose };
}

function noteWarnings(c: Case, order: LevelOrder): void {
  const s = c.scenario;
  const away = c.jurisdiction !== "same_pool";
  if (c.visitor.assumption && away) c.assumptions.push(c.visitor.assumption);
  // (In the same pool nothing is said here: the jurisdiction step already says no 备案 is needed.)
  if (away && s.visitor === "unregistered" && !c.visitor.freeZone && !c.visitor.noRegistration) c.warnings.push({ kind: "unregistered" });
  else if (away && s.visitor === "emergency") {
    const own = c.emergencyRegistration;
    c.warnings.push(own ? { kind: "emergency", insuredRule: { name: shortName(c.insured.name), ...(own.withinDays ? { withinDays: own.withinDays } : {}) } } : { kind: "emergency" });
  }
  if (s.maternity) c.warnings.push({ kind: "maternity" });
  if (s.treatment.setting === "outpatient" && away) c.warnings.push({ kind: "outpatient_check" });
  if (s.treatment.setting === "chronic_outpatient" && away) c.warnings.push({ kind: "chronic_needs_recognition" });
  // A reading chosen between two ("降低10%": points or percent) is an assumption of the estimate.
  if (c.visitor.entry?.ambiguity) c.assumptions.push({ kind: "ambiguity", text: c.visitor.entry.ambiguity });
  // Employees' second stays often cost less; for anyone, a table by admission makes it matter.
  const byAdmission = !!c.rules.value.deductible && Object.values(c.rules.value.deductible.working).some(Array.isArray);
  if ((s.insured.scheme === "employee" || byAdmission) && s.treatment.setting === "inpatient" && s.yearToDate?.admissions === undefined) {
    c.assumptions.push({ kind: "admissions" });
  }
  if (s.costs.classB === undefined) c.assumptions.push({ kind: "class_b_amount" });
  if (s.costs.outOfCatalog === undefined) c.assumptions.push({ kind: "out_of_catalog_amount" });
  // What was paid earlier this year matters only where a yearly figure can be used up.
  const paidNothing = !c.rules.value.notCovered && !(away && c.visitor.rule.kind === "not_covered");
  if (paidNothing && c.rules.value.cap?.per === "year" && s.yearToDate?.fundPaid === undefined) c.assumptions.push({ kind: "fund_paid" });
  const scheduleDeductible = away && c.visitor.rule.kind === "schedule" && !!c.visitor.rule.deductible;
  if (paidNothing && !scheduleDeductible && c.rules.value.deductible?.per === "year" && s.yearToDate?.deductiblePaid === undefined) {
    c.assumptions.push({ kind: "deductible_paid" });
  }
  // A reading the figures rest on (石家庄 三级 = 省属三级), for the blocks this estimate uses.
  const usesSchedule = away && c.visitor.rule.kind === "schedule";
  const rules = c.rules.value;
  const readings = [
    usesSchedule && c.visitor.rule.kind === "schedule" && c.visitor.rule.deductible ? undefined : rules.deductible?.assumption,
    usesSchedule ? undefined : (agedRatio(c, rules)?.assumption ?? rules.ratio.assumption),
    rules.cap?.assumption,
    c.retired && !(usesSchedule && c.visitor.rule.kind === "schedule" && c.visitor.rule.deductible) ? rules.deductible?.retiredAssumption : undefined,
    c.retired && !usesSchedule ? rules.ratio.retiredAssumption : undefined,
    // The visitor rule's own reading (大庆 转外: worded for 灵活就业人员), wherever it is used away from home.
    away ? c.visitor.entry?.assumption : undefined,
  ];
  for (const reading of readings) {
    if (reading && !c.assumptions.some((x) => x.kind === "reading" && x.text === reading)) c.assumptions.push({ kind: "reading", text: reading });
  }
  if (away && c.visitor.rule.kind === "schedule" && !c.visitor.rule.deductible && c.rules.value.deductible) {
    c.assumptions.push({ kind: "schedule_without_deductible", visitor: settledAs(c) });
  }
  // atLevel borrows a figure from another level; the step names the asked level, so say which level it came from.
  if (!usesSchedule) {
    const level = figureLevel(c);
    const ratioTable = c.retired && rules.ratio.retired ? rules.ratio.retired : (rules.ratio.working ?? rules.ratio.retired);
    const tables: (Partial<Record<Level, unknown>> | undefined)[] = [
      c.retired && rules.deductible?.retired ? rules.deductible.retired : rules.deductible?.working,
      ratioTable && "byLevel" in ratioTable ? ratioTable.byLevel : undefined,
    ];
    const from = tables
      .map((t) => (t && t[level] === undefined ? order.find((l) => t[l] !== undefined) : undefined))
      .find((l) => l !== undefined);
    if (from) c.assumptions.push({ kind: "level_borrowed", level: Number(level) as 1 | 2 | 3, from: Number(from) as 1 | 2 | 3 });
  }
  if (c.retired) {
    const hasRetireeFigures = usesSchedule
      ? !!rules.retiredAdjust?.alsoUnderSchedules
      : !!(rules.ratio.retired || rules.deductible?.retired || rules.retiredAdjust);
    if (!hasRetireeFigures) c.assumptions.push(usesSchedule ? { kind: "retired_under_schedule", visitor: settledAs(c) } : { kind: "no_retiree_figures" });
  }
}

/**
 * The national principle cited for the jurisdiction step. One known only from a province's example
 * (省内跨市: 江苏) is cited inside that province only; elsewhere the general rule that the insured
 * place's ratios apply away from home is, and the catalogue used is an assumption of its own.
 */
function principleRefFor(national: PolicyBook["national"], id: Case["jurisdiction"], insured: string): Ref {
  const own = national.principles.find((x) => x.id === id);
  const elsewhere = own?.province !== undefined && own.province.slice(0, 2) !== insured.slice(0, 2);
  const principle = elsewhere ? national.principles.find((x) => x.id === "insured_ratio_example") : own;
  return { policy: null, source: principle?.source ?? national.cutCeilings.source, quote: principle?.quote };
}

/**
 * Each band the bill reached, with its bounds as shown, the amount in it and its rate. Next
 * bands at the same rate read as one (郑州 居民: 2000–8000 元段 at 45%, not three bands of 45%).
 */
function bandParts(amounts: readonly Money[], labels: readonly (readonly [string, string | null])[], rates: readonly string[]): BandPart[] {
  const parts: { lo: string; hi: string | null; amount: Money; rate: string }[] = [];
  for (let k = 0; k < amounts.length; k++) {
    const amount = amounts[k]!;
    if (!positive(amount)) continue;
    const [lo, hi] = labels[k]!;
    const last = parts[parts.length - 1];
    if (last && last.rate === rates[k] && last.hi === lo) {
      last.hi = hi;
      last.amount = last.amount.plus(amount);
    } else parts.push({ lo, hi, amount, rate: rates[k]! });
  }
  return parts.map((x) => ({ lo: x.lo, hi: x.hi, amount: fmt(x.amount), rate: x.rate }));
}

function explainLayers(book: PolicyBook, ex: Explainer, layers: NonNullable<SettingRules["supplementary"]>, r: SettlementResult, rp: AnyPolicy | null): void {
  for (let k = 0; k < layers.length; k++) {
    const layer = layers[k]!;
    const out = r.layers[k];
    if (!out || !positive(out.base)) continue;
    const labels: [string, string | null][] = [];
    const rates: string[] = [];
    let lo = ZERO;
    for (const band of layer.bands) {
      const hi = band.upTo === null ? null : dec(band.upTo);
      labels.push([fmt(lo), hi === null ? null : fmt(hi)]);
      rates.push(String(band.rate));
      if (hi) lo = hi;
    }
    const params: StepParams = { kind: "supplementary", label: layer.label, base: fmt(out.base), bands: bandParts(out.amounts, labels, rates) };
    ex.add("supplementary", out.paid, params, cite(book, { policy: rp, source: layer.source, quote: layer.quote }));
  }
}

/** The bill's three amounts as the kernel takes them, parsed afresh: they are a person's input, never cached. */
export function settlementInput(plan: Plan, costs: Scenario["costs"]): SettlementInput {
  const p = plan.params;
  return {
    total: new D(costs.total),
    outOfCatalog: costs.outOfCatalog ? new D(costs.outOfCatalog) : ZERO,
    classB: costs.classB ? new D(costs.classB) : ZERO,
    classBShare: p.classBShare,
    firstPayShare: p.firstPayShare,
    deductible: p.deductible,
    bands: p.bands,
    rates: p.rates,
    capRemaining: p.capRemaining,
    notCovered: p.notCovered,
    layers: p.layers,
  };
}

/**
 * The estimate for a bill under a plan. `costs` must be the costs of a scenario of the same
 * shape as the plan's (only the amounts may differ): plans.ts keys plans so that they are.
 */
export function settle(book: PolicyBook, plan: Plan, costs: Scenario["costs"]): Estimate {
  const c = plan.c;
  const s = c.scenario;
  const ex = new Explainer();
  const rules = c.rules.value;
  const visitor: AppliedVisitorRule = c.visitor;
  const cites = plan.cites;
  const assumptions = plan.assumptions.slice();
  const warnings = plan.warnings.slice();
  const input = settlementInput(plan, costs);
  const r = settleArithmetic(input);
  const fundPays = fmt(r.fund);
  const youPay = fmt(r.youPay);
  const seriousIllnessPays = fmt(r.supplementary);

  const fixed = plan.fixed;
  ex.add("jurisdiction", null, fixed.jurisdiction, cites.principle);

  if (positive(input.outOfCatalog)) ex.add("out_of_catalog", input.outOfCatalog, fixed.outOfCatalog, cites.principle);
  if (c.classBShare && cites.classB && positive(input.classB)) {
    const params: StepParams = { kind: "class_b_first_pay", classB: fmt(input.classB), share: c.classBShare.value, whose: c.classBShare.policy?.name ?? null, template: c.classBShare.policy?.code === "typical", catalogue: c.catalogue };
    ex.add("class_b_first_pay", r.classBFirst, params, cites.classB);
  }

  if (input.notCovered) {
    ex.add("not_covered", r.eligible, fixed.notCovered, visitor.rule.kind === "not_covered" ? cites.visitor : cites.rules);
    warnings.push(NOT_COVERED);
  } else {
    if (plan.firstPayShare > 0) {
      ex.add("visitor_first_pay", r.visitorFirst, { kind: "visitor_first_pay", visitor: settledAs(c), base: fmt(r.eligible), share: plan.firstPayShare }, cites.visitor);
    }
    const d = plan.deductible;
    if (d.cite) ex.add("deductible", r.deductiblePaid, fixed.deductible, d.cite);

    const rates = plan.rates;
    const oneBand = plan.bandLabels.length === 1;
    // One band from zero: what lies in it is exactly the cost above the deductible.
    const params: StepParams = oneBand
      ? { kind: "ratio", base: fmt(r.bandAmounts[0] ?? ZERO), rate: rates[0]?.applied ?? "0", adjust: plan.adjust }
      : { kind: "band", bands: bandParts(r.bandAmounts, plan.bandLabels, plan.appliedRates), adjust: plan.adjust };
    const step = ex.add(oneBand ? "ratio" : "band", r.capped ? toFen(r.fundRaw) : fundPays, params, cites.ratio);
    step.rates = rates.slice();
    // The visitor adjustment is a rule of its own: cited separately so its source is visible.
    if (fixed.visitorCut) ex.add("ratio", null, fixed.visitorCut, cites.visitor);

    if (fixed.cap && cites.cap) {
      if (r.capped) warnings.push(rules.cap?.per === "month" ? MONTHLY_CAP_REACHED : CAP_REACHED);
      ex.add("cap", r.capped ? r.fund : null, fixed.cap[r.capped ? 1 : 0], cites.cap);
    }

    if (rules.supplementary) explainLayers(book, ex, rules.supplementary, r, c.rules.policy);
  }

  ex.add("summary", youPay, { kind: "summary", fund: fundPays, serious: r.supplementary.isZero() ? null : seriousIllnessPays, you: youPay }, cites.rules);

  const typical = c.typical && plan.templateParts.length > 0;
  if (typical) warnings.unshift(plan.regionData ? partlyTypical(c, plan.templateParts) : { kind: "typical", name: c.insured.name });
  if (ex.lowest === "low") warnings.push(LOW_CONFIDENCE);
  const dataAge = dataAgeOf(ex.figureSources, s.treatment.date, plan.dataAgeWarning.months);
  if (dataAge.length > 0) warnings.push(plan.dataAgeWarning);

  return {
    total: fmt(input.total),
    fundPays,
    seriousIllnessPays,
    youPay,
    jurisdiction: c.jurisdiction,
    directSettlement: plan.directSettlement,
    steps: ex.steps,
    policy: {
      // The 统筹区 whose rules these are: 三亚's are 海南's (460000), named as the person said it.
      region: poolingCode(c.insured.code),
      regionName: c.insured.name,
      scheme: s.insured.scheme,
      version: c.version.version,
      from: c.version.from,
      to: c.version.to,
      typical,
      regionData: plan.regionData,
      confidence: ex.lowest,
    },
    dataAge,
    assumptions,
    warnings,
  };
}
