/**
 * The domain's words, defined once: every scheme, status, setting, level, visitor kind,
 * registration category, claim reason and jurisdiction the project knows. The policy files'
 * schema, the evaluator's scenario, the flows' answers and the language layer take their
 * enums from here, so a new kind of visitor is added in one place and the type checker finds
 * every switch that must learn it.
 */
import { z } from "./zod.ts";
import { poolingCode, sameProvince } from "../places/divisions.ts";

/** 职工医保 / 城乡居民医保. */
export const Scheme = z.enum(["employee", "resident"]);
export type Scheme = z.infer<typeof Scheme>;

/** 在职 / 退休 (only employees retire: 居民医保 has no retirees' rules). */
export const PersonStatus = z.enum(["working", "retired"]);
export type PersonStatus = z.infer<typeof PersonStatus>;

/** 住院 / 普通门诊 / 门诊慢特病. */
export const Setting = z.enum(["inpatient", "outpatient", "chronic_outpatient"]);
export type Setting = z.infer<typeof Setting>;

/** Hospital level as the policy tables key it (一级, 二级, 三级). */
export const LevelKey = z.enum(["1", "2", "3"]);
export type LevelKey = z.infer<typeof LevelKey>;
/** Hospital level as a person or a scenario gives it. */
export const HospitalLevel = z.literal([1, 2, 3], { error: "医院级别应为 1、2 或 3（一级、二级、三级）" });
export type HospitalLevel = z.infer<typeof HospitalLevel>;

/**
 * How a person is treated away from home: the four registered kinds of 医保发〔2022〕22号
 * (long-term residents of every sort settle alike), plus not registered at all.
 */
export const Visitor = z.enum(["long_term", "referral", "emergency", "temporary_other", "unregistered"]);
export type Visitor = z.infer<typeof Visitor>;
/** The temporary kinds a place may cut, each with a national ceiling. */
export const CutVisitor = z.enum(["referral", "emergency", "temporary_other"]);
export type CutVisitor = z.infer<typeof CutVisitor>;

/** The registration categories of the 2023 service list (备案类别). */
export const Category = z.enum(["retiree_relocated", "long_term_resident", "stationed_worker", "referral", "emergency", "temporary_other"]);
export type Category = z.infer<typeof Category>;

/** 长期 or 临时 registration. */
export const Term = z.enum(["long", "temporary"]);
export type Term = z.infer<typeof Term>;

/** Why a bill was not settled directly (the manual-claim flow's first question). */
export const ClaimReason = z.enum(["unregistered", "not_networked", "system", "maternity", "other"]);
export type ClaimReason = z.infer<typeof ClaimReason>;

/** Same 统筹区, another 统筹区 of the same province, or another province. */
export const Jurisdiction = z.enum(["same_pool", "intra_province", "cross_province"]);
export type Jurisdiction = z.infer<typeof Jurisdiction>;

/** Where a visitor rule applies. */
export const Scope = z.enum(["any", "intra_province", "cross_province"]);
export type Scope = z.infer<typeof Scope>;

/** Which catalogue (目录) decides what is covered. */
export const Catalogue = z.enum(["insured", "treatment"]);
export type Catalogue = z.infer<typeof Catalogue>;

/** The visitor kind a registration category settles as: the three long-term categories settle alike. */
export function visitorOf(category: Category): Visitor {
  if (category === "referral" || category === "emergency" || category === "temporary_other") return category;
  return "long_term";
}

/** 长期 or 临时, from the category. */
export function termOf(category: Category): Term {
  return visitorOf(category) === "long_term" ? "long" : "temporary";
}

/** Same 统筹区, same province, or another province, from two region codes (any level; compared as 统筹区). */
export function jurisdictionBetween(insured: string, treatment: string): Jurisdiction {
  const a = poolingCode(insured);
  const b = poolingCode(treatment);
  if (a === b) return "same_pool";
  return sameProvince(a, b) ? "intra_province" : "cross_province";
}
