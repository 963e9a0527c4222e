/**
 * What the flows remember: the person's answers, one small record shared by every flow, and
 * the zod schema each answer passes before it is stored. Derived facts (same 统筹区? which
 * visitor kind follows from the category?) are computed from these, never stored.
 */
import { z } from "zod";
import { divisionByCode, PROVINCE_REGIONS, poolingCode } from "../src/places/divisions.ts";
import { Category, ClaimReason, HospitalLevel, jurisdictionBetween, PersonStatus, Scheme, Setting, Visitor, visitorOf, type Jurisdiction } from "../src/policy/terms.ts";

export { visitorOf, type Jurisdiction };

export const CATEGORY_IDS = Category.options;
export type CategoryId = Category;

export const VISITORS = Visitor.options;
export type VisitorKind = Visitor;

/** Why a bill was not settled directly (the manual-claim flow's first question). */
export const CLAIM_REASONS = ClaimReason.options;

/** A region a person may name: a prefecture-level city, a municipality, or a province answered as one region (海南, 西藏). */
export const PoolCode = z
  .string()
  .regex(/^\d{6}$/)
  .refine((code) => {
    const d = divisionByCode(code);
    // A city of a province that pools as one (三亚 in 海南) is still named as itself.
    return !!d && (d.level === "city" || PROVINCE_REGIONS.has(code));
  }, "应为地级市、直辖市或按省备案的省");

/** A monthly spend is costed as a year of it: outpatient deductibles and caps are yearly. */
export const MONTHS_A_YEAR = 12;

/** Money as the evaluator reads it: non-negative, at most 2 decimals, at most 12 integer digits. */
export const Money = z.string().regex(/^\d{1,12}(\.\d{1,2})?$/);

export const Answers = z.strictObject({
  insured: PoolCode.optional(),
  treatment: PoolCode.optional(),
  scheme: Scheme.optional(),
  status: PersonStatus.optional(),
  setting: Setting.optional(),
  level: HospitalLevel.optional(),
  category: Category.optional(),
  visitor: Visitor.optional(),
  total: Money.optional(),
  /** null: the person does not know; the estimate states what it assumed instead. */
  classB: Money.nullable().optional(),
  outOfCatalog: Money.nullable().optional(),
  why: ClaimReason.optional(),
  /** Hospital stays earlier this year (今年第二次住院 → 1): the deductible of a later stay may be lower. */
  admissions: z.number().int().min(0).max(365).optional(),
  /** What the fund already paid this year (今年已经报了48万): it counts against the annual cap. */
  fundPaid: Money.optional(),
  /** Childbirth (生孩子, 顺产): settled through maternity insurance, not as ordinary inpatient care. */
  maternity: z.boolean().optional(),
  /**
   * The patient lives or works at the place of treatment (在东莞打工): when the registration is
   * not said, the estimate takes a long-term one rather than a short trip, and says so.
   */
  livesThere: z.boolean().optional(),
  /** A level said not to be the one (不是三甲): the estimate asks the level rather than assume this one. */
  notLevel: HospitalLevel.optional(),
  /** 灵活就业 said with no scheme: 职工医保 is taken as an assumption, said with the estimate. */
  flexible: z.boolean().optional(),
  /**
   * The registration was read from words that do not quite say it: 突然住院 (an emergency only the
   * hospital certifies) or 长期 alone (a long-term registration not said to be made). Said as an
   * assumption; gone when the registration is answered again.
   */
  visitorGuess: z.enum(["sudden", "longWord", "livesThere"]).optional(),
  /**
   * A part of the bill said as a share (其中一半是自费药): the words, said back beside the figure
   * worked out from them; `vague` (大部分是自费的): no figure, the part is asked. Gone when the
   * part is answered with a figure.
   */
  shareWords: z.strictObject({ slot: z.enum(["classB", "outOfCatalog"]), words: z.string().max(12), vague: z.boolean().optional() }).optional(),
  /** Two people said, each with a scheme (我是职工 她是居民): the one not worked out yet, offered with the estimate. */
  otherScheme: Scheme.optional(),
  /** A monthly spend (一个月500): the month's figure; the total is a year of it (MONTHS_A_YEAR), said back so. */
  perMonth: Money.optional(),
  /** Staying with family at the place of care (在郑州我哥家住), for how long not said: the registration is asked, not assumed. */
  withFamily: z.boolean().optional(),
  /** The bill said as a range (六七万): its words, said back beside the middle taken as the total. */
  totalWords: z.string().max(16).optional(),
  /** The patient's age as said (65岁), or a student: set against the age band the policy data computes with. */
  age: z.strictObject({ years: z.number().int().min(1).max(119).optional(), student: z.literal(true).optional() }).optional(),
  /** Hurt at work (在工地上干活摔了): 工伤保险 pays first; said with the estimate. */
  workInjury: z.boolean().optional(),
  /** 今年起付线已经交过了: a later stay this year; a yearly 起付线 is taken off in full. */
  deductibleMet: z.boolean().optional(),
});
export type Answers = z.infer<typeof Answers>;
export type Slot = keyof Answers;

export const SLOTS = Object.keys(Answers.shape) as Slot[];

/** Whether a name from outside (a button, a stored value) is one of the answers; own properties only, so "constructor" or "__proto__" is not. */
export function isSlot(name: string): name is Slot {
  return Object.hasOwn(Answers.shape, name);
}
export const AMOUNT_SLOTS: readonly Slot[] = ["total", "classB", "outOfCatalog"];
export const REGION_SLOTS: readonly Slot[] = ["insured", "treatment"];

export function jurisdictionOf(a: Answers): Jurisdiction | undefined {
  if (!a.insured || !a.treatment) return undefined;
  return jurisdictionBetween(a.insured, a.treatment);
}

/**
 * Checks an answer patch before it is stored: each value on its own (zod), then the
 * amounts against each other (乙类 or 目录外 cannot exceed the total). Comparison only; the
 * evaluator does the money arithmetic in Decimal.
 */
export function checkPatch(current: Answers, patch: unknown): Answers | undefined {
  if (typeof patch !== "object" || patch === null || Array.isArray(patch)) return undefined;
  // One answer is checked by a guard, then by the action that stores it, then for what to say
  // about it: the same patch against the same answers gives the same result, checked once.
  const memo = checkedPatches.get(patch);
  if (memo && memo.current === current) return memo.result;
  const result = check(current, patch);
  if (result) Object.freeze(result);
  checkedPatches.set(patch, { current, result });
  return result;
}

/** The last check of each patch object (patches are events' data, never changed once sent). */
const checkedPatches = new WeakMap<object, { current: Answers; result: Answers | undefined }>();

function check(current: Answers, patch: object): Answers | undefined {
  // Each value on its own: a bad one is dropped, the good ones in the same message still count.
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    // Keys can come from a forged button: only the answers' own names, never an inherited property.
    if (!isSlot(key)) continue;
    const parsed = (Answers.shape[key] as z.ZodType).safeParse(value);
    if (parsed.success && parsed.data !== undefined) data[key] = parsed.data;
  }
  if (Object.keys(data).length === 0) return undefined;
  const checked = Answers.safeParse(data);
  if (!checked.success) return undefined;
  const ok = checked.data;
  // A new total is checked against the amounts in the same message only; older 乙类/目录外
  // amounts that no longer fit are dropped when it is stored (see withPatch).
  const merged = ok.total !== undefined ? { ...ok } : { ...current, ...ok };
  const total = merged.total === undefined ? undefined : Number(merged.total);
  if (total !== undefined) {
    const b = merged.classB ? Number(merged.classB) : 0;
    const o = merged.outOfCatalog ? Number(merged.outOfCatalog) : 0;
    if (b > total || o > total || b + o > total) return undefined;
  }
  return ok;
}

/** The answers after storing a checked patch; amounts that no longer fit under a new total are forgotten. */
export function withPatch(current: Answers, patch: Answers): Answers {
  const next: Answers = { ...current, ...patch };
  if (patch.total !== undefined) {
    const total = Number(patch.total);
    if (next.classB && Number(next.classB) > total) delete next.classB;
    if (next.outOfCatalog && Number(next.outOfCatalog) > total) delete next.outOfCatalog;
    if (next.classB && next.outOfCatalog && Number(next.classB) + Number(next.outOfCatalog) > total) delete next.outOfCatalog;
  }
  return next;
}
