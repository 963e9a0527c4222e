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
const MONEY = /^\d{1,12}(\.\d{1,2})?$/;
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

export interface Step {
  kind: StepKind;
  /** What was computed, in plain Chinese. */
  what: string;
  /** Amount in 元 as a string with two decimals, or null for a step that decides without money. */
  amount: string | null;
  /** The rule applied, e.g. "三级医院起付线 1200 元" or "85% × 0.8". */
  rule: string;
  source: SourceRef;
  /** Ratio steps: each band's rate in percent before and after the visitor's adjustment. */
  rates?: { before: string; applied: string }[];
}

export interface Estimate {
  total: string;
  fundPays: string;
  seriousIllnessPays: string;
  youPay: string;
  jurisdiction: Jurisdiction;
  /** `kind`: why, as src/policy/direct.ts decides it (the words are in `reason`). */
  directSettlement: { possible: boolean; kind: DirectReason; reason: string };
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
   * date ("old") or show no date ("unknown"). The warnings say the same in words.
   */
  dataAge: { source: string; title: string; published: string; age: "old" | "unknown" }[];
  /** Assumptions the evaluator made for fields that were not given. */
  assumptions: string[];
  warnings: string[];
}
