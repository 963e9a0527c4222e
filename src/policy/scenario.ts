/**
 * The evaluator's input (Scenario) and output (Estimate). The field names are part of the
 * project's public contract (CLI JSON, HTTP API, flows): keep them.
 */
import { z } from "./zod.ts";
import type { Confidence } from "./schema.ts";
import type { DirectReason } from "./direct.ts";
import { HospitalLevel, PersonStatus, Scheme, Setting, Visitor, type Jurisdiction } from "./terms.ts";

export type { Jurisdiction };

/** A money amount typed by a person or a front end: a non-negative decimal string, max 2 decimals. */
export const MONEY = /^\d{1,12}(\.\d{1,2})?$/;
const MONEY_ERROR = "应为不小于 0 的金额，最多两位小数，且不超过 12 位整数";
// Branches in order of likelihood: a clean string passes the first at once (a transform on
// every amount cost more than the rest of the validation); spaces around it, or a JSON number.
export const MoneyInput = z.union(
  [
    z.string().regex(MONEY),
    z.string().trim().regex(MONEY),
    z.number().transform((n) => String(n)).pipe(z.string().regex(MONEY, MONEY_ERROR)),
  ],
  { error: MONEY_ERROR },
);

/**
 * The longest region a person or client may name (longer than any real name or code). Regions
 * key the look-up and plan caches, so an unbounded one could pin memory from outside; they are
 * trimmed first, so that padding does not make a new key either.
 */
export const MAX_REGION = 64;
const Region = z
  .string()
  .trim()
  .min(1, { error: "请填写地区（地级市名称或 6 位区划代码）" })
  .max(MAX_REGION, { error: `地区名称过长（最多 ${MAX_REGION} 个字符）` });

export const Scenario = z
  .strictObject({
    insured: z.strictObject({
      region: Region,
      scheme: Scheme,
      status: PersonStatus.optional(),
      /** The patient's age in years, where said: some places pay by age band (深圳 居民 60周岁及以上 95%). */
      age: z.number().int().min(0).max(150).optional(),
    }),
    treatment: z.strictObject({
      region: Region,
      setting: Setting,
      hospitalLevel: HospitalLevel,
      // zod's ISO date knows month lengths and leap years (2025-02-29 is refused).
      date: z.iso.date({ error: "日期应为有效的 YYYY-MM-DD，例如 2026-03-01" }),
    }),
    visitor: Visitor,
    costs: z.strictObject({
      total: MoneyInput,
      classB: MoneyInput.optional(),
      outOfCatalog: MoneyInput.optional(),
    }),
    yearToDate: z
      .strictObject({
        admissions: z.number().int().min(0).max(365).optional(),
        fundPaid: MoneyInput.optional(),
        deductiblePaid: MoneyInput.optional(),
      })
      .optional(),
    /** Childbirth: settled through maternity insurance, never as ordinary inpatient care. */
    maternity: z.boolean().optional(),
  })
  .superRefine((s, ctx) => {
    // Compared only once every amount is valid: a bad one has its own message already.
    if (![s.costs.total, s.costs.classB ?? "0", s.costs.outOfCatalog ?? "0"].every((v) => typeof v === "string" && MONEY.test(v))) return;
    const total = Number(s.costs.total);
    const b = Number(s.costs.classB ?? 0);
    const out = Number(s.costs.outOfCatalog ?? 0);
    // Comparison only, never arithmetic on money: the evaluator redoes it in Decimal.
    if (b > total) ctx.addIssue({ code: "custom", path: ["costs", "classB"], message: "乙类金额不能大于总费用" });
    if (out > total) ctx.addIssue({ code: "custom", path: ["costs", "outOfCatalog"], message: "目录外金额不能大于总费用" });
    if (b + out > total) ctx.addIssue({ code: "custom", path: ["costs"], message: "乙类与目录外金额之和不能大于总费用" });
  });
export type ScenarioInput = z.input<typeof Scenario>;
export type Scenario = z.output<typeof Scenario>;

export interface SourceRef {
  id: string;
  title: string;
  issuer?: string;
  url?: string;
  /** As the page shows it: "YYYY-MM-DD", "YYYY-MM", "YYYY" or "unknown" (schema.ts PublishedDate). */
  published: string;
  /** When the copy the figures were read from was taken. */
  retrieved: string;
  dateNote?: string;
  confidence: Confidence;
  quote?: string;
}

export type StepKind =
  | "jurisdiction"
  | "out_of_catalog"
  | "class_b_first_pay"
  | "visitor_first_pay"
  | "deductible"
  | "ratio"
  | "band"
  | "cap"
  | "supplementary"
  | "not_covered"
  | "summary";

/** A ratio's adjustments, as the step states them after its figures. */
export interface RatioAdjust {
  /** Retirees: this many points more (天津 "在在职职工基础上…提高3个百分点"). */
  retiredPoints?: number;
  /** Retirees: their own share is this multiple of a working person's. */
  retiredFactor?: number;
  /** The visitor's cut, where it is stated with the ratio (its source is the ratio's). */
  visitor?: { visitor: Visitor; cut: VisitorCut };
}

/**
 * `ceiling`: the insured place's own cut is not known and the national ceiling (医保发〔2022〕22号:
 * at most 10 or 20 points) stands in for it — the most a place may cut, not its rule. `same`: the
 * place's data says this kind of visitor keeps the local ratio (南京 备案了的临时外出), said with its source.
 */
export type VisitorCut = { points: number; ceiling?: true } | { factor: number } | { same: true };

/** One band of a progressive table as the bill filled it: bounds as shown, amount in it, rate applied. */
export interface BandPart {
  lo: string;
  hi: string | null;
  amount: string;
  rate: string;
}

/**
 * What a step computed, as data: its kind and the figures it used. The words for each kind
 * are in src/messages (explain.ts); nothing here is worded.
 */
export type StepParams =
  | { kind: "jurisdiction"; jurisdiction: Jurisdiction; insured: string; treatment: string; catalogue: "insured" | "treatment" }
  | { kind: "out_of_catalog"; catalogue: "insured" | "treatment" }
  /** `whose`: the policy whose share was used, or null for the catalogue's place; `template`: it is the typical template. */
  | { kind: "class_b_first_pay"; classB: string; share: number; whose: string | null; template: boolean; catalogue: "insured" | "treatment" }
  | { kind: "visitor_first_pay"; visitor: Visitor; base: string; share: number }
  | {
      kind: "deductible";
      /** This stay's number in the year (1 = first). */
      nth: number;
      perYear: boolean;
      level: HospitalLevel;
      amount: string;
      /** The retirees' own table was used. */
      retiredTable: boolean;
      /** The visitor's separate schedule set it. */
      schedule: boolean;
      /** A retiree's reduction from the working figure. */
      retiredMinus?: string;
      /** Already paid this year, taken off. */
      alreadyPaid?: string;
    }
  | { kind: "ratio"; base: string; rate: string; adjust: RatioAdjust }
  | { kind: "band"; bands: BandPart[]; adjust: RatioAdjust }
  /** The visitor's cut as a step of its own, where its source is not the ratio's. */
  | { kind: "visitor_cut"; visitor: Visitor; cut: VisitorCut }
  | { kind: "cap"; per: "year" | "month"; cap: string; used: string; remaining: string; capped: boolean }
  /** `label`: the layer's own name in its policy file (大病保险…). */
  | { kind: "supplementary"; label: string; base: string; bands: BandPart[] }
  | { kind: "not_covered"; setting: Setting }
  | { kind: "summary"; fund: string; serious: string | null; you: string };

export interface Step {
  kind: StepKind;
  /** Amount in 元 as a string with two decimals, or null for a step that decides without money. */
  amount: string | null;
  /** What the step did and with which figures; worded by src/messages/explain.ts. */
  params: StepParams;
  source: SourceRef;
  /** Ratio steps: each band's rate in percent before and after the visitor's adjustment. */
  rates?: { before: string; applied: string }[];
}

/** What the evaluator assumed where the scenario or the data was silent. Worded in src/messages. */
export type Assumption =
  | { kind: "status" }
  | { kind: "admissions" }
  | { kind: "fund_paid" }
  | { kind: "deductible_paid" }
  | { kind: "class_b_amount" }
  | { kind: "out_of_catalog_amount" }
  | { kind: "monthly_cap"; cap: string }
  | { kind: "visitor_unknown_rule"; visitor: Visitor; points: number }
  /**
   * Within one province the national 10/20-point ceilings (a cross-province rule) do not apply and
   * the insured place's data has no cut for this visitor: worked out at its own ratio, said so.
   */
  | { kind: "intra_province_unknown_cut"; visitor: Visitor }
  /**
   * The insured place needs no registration for this setting (成都 普通门诊, M8) and says nothing of a
   * cut: the national ceilings (on 临时外出就医人员, who register) are no figure for it, so the place's
   * own ratio is used, said so.
   */
  | { kind: "no_registration_unknown_cut"; city: string }
  | { kind: "unregistered_as_temporary" }
  | { kind: "province_as_treatment"; name: string }
  | { kind: "schedule_without_deductible"; visitor: Visitor }
  | { kind: "level_borrowed"; level: HospitalLevel; from: HospitalLevel }
  | { kind: "no_retiree_figures" }
  | { kind: "retired_under_schedule"; visitor: Visitor }
  | { kind: "class_b_from_insured" }
  | { kind: "class_b_from_typical" }
  | { kind: "province_file"; city: string; province: string }
  | { kind: "province_table"; city: string; province: string }
  | { kind: "province_rule"; city: string; province: string; visitor: Visitor }
  | { kind: "intra_province_catalogue" }
  /** The city's rule for this visitor is stated for the other scheme only (`schemeOnly`), so it was not used. */
  | { kind: "rule_other_scheme"; city: string; scheme: Scheme; visitor: Visitor }
  /** A reading chosen between two in the source's words (`ambiguity` in the policy file). */
  | { kind: "ambiguity"; text: string }
  /** A reading the figures rest on, stated in the policy file (`assumption`: 石家庄 三级 = 省属三级). */
  | { kind: "reading"; text: string };

/** A figure of the settlement table that may come from the typical template. */
export type TemplatePart = "deductible" | "ratio" | "cap";

/** What the person should know about the estimate. Worded in src/messages. */
export type Warning =
  | { kind: "typical"; name: string }
  /**
   * The region's own data with some of the template's figures: `parts` names them (南昌 普通门诊: its
   * own cap on the template's 起付线 and 比例; 昆明 住院: its own 起付线 on the template's 比例 and 限额).
   * `whose`: the other figures are this file's, not the insured place's own (长沙 居民: 湖南省).
   */
  | { kind: "partly_typical"; name: string; setting: Setting; parts: readonly TemplatePart[]; whose?: string }
  | { kind: "low_confidence" }
  /** The estimate's `dataAge` lists the sources. */
  | { kind: "data_age"; months: number }
  | { kind: "unregistered" }
  /** `insuredRule`: the insured place asks the emergency to register before discharge (emergency.ts). */
  | { kind: "emergency"; insuredRule?: { name: string; withinDays?: number } }
  | { kind: "maternity" }
  | { kind: "cut_clamped"; visitor: Visitor; points: string; ceiling: number }
  | { kind: "not_covered" }
  | { kind: "cap_reached" }
  | { kind: "monthly_cap_reached" }
  | { kind: "chronic_needs_recognition" }
  | { kind: "outpatient_check" };

export interface Estimate {
  total: string;
  fundPays: string;
  seriousIllnessPays: string;
  youPay: string;
  jurisdiction: Jurisdiction;
  /** `kind`: why, as src/policy/direct.ts decides it. */
  directSettlement: { possible: boolean; kind: DirectReason };
  steps: Step[];
  policy: {
    region: string;
    regionName: string;
    scheme: Scheme;
    version: string;
    from: string;
    to: string | null;
    /** True when any part of the rules came from the typical template. */
    typical: boolean;
    /** True when the region's own sourced data was used (all of it, or, with `typical`, all but the settlement table). */
    regionData: boolean;
    confidence: Confidence;
  };
  /**
   * Sources of figures this estimate used that may be older than 24 months on the treatment
   * date ("old") or show no date ("unknown"). A `data_age` warning says so.
   */
  dataAge: { source: string; title: string; published: string; age: "old" | "unknown" }[];
  /** Assumptions the evaluator made for fields that were not given, or data that is missing. */
  assumptions: Assumption[];
  warnings: Warning[];
}

/** Why an input cannot be estimated. Worded in src/messages. */
export type InputProblem =
  /** The scenario failed validation; `message` is the validator's. */
  | { kind: "invalid"; message: string }
  | { kind: "unknown_region"; which: "insured" | "treatment"; text: string }
  | { kind: "ambiguous_region"; which: "insured" | "treatment"; text: string; options: string[] }
  | { kind: "province_not_pool"; which: "insured" | "treatment"; text: string }
  | { kind: "no_policy_on_date"; name: string; date: string; earliest: string }
  | { kind: "no_setting_data"; name: string; scheme: Scheme; setting: Setting; sourceTitle: string }
  /** Care not registered where the insured place has no rule for it nor for temporary visitors (the national ceilings do not bound it). */
  | { kind: "no_unregistered_rule"; name: string; scheme: Scheme; sourceTitle: string }
  /** Childbirth: paid by maternity benefits (often fixed sums), not by the inpatient rules; no data on them. */
  /** `direct`: the insured place's data settles childbirth in `treatment` directly (成都 in 德阳). */
  | { kind: "maternity_no_data"; name: string; scheme: Scheme; sourceTitle: string; direct?: boolean; treatment?: string }
  /** The policy data could not be loaded. */
  | { kind: "data_unavailable" };
