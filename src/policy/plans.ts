/**
 * Plans kept per scenario shape. Everything an estimate needs apart from the three amounts of
 * the bill (regions, version, rules, visitor rule, citations, fixed wording) depends only on
 * the rest of the scenario, and people ask the same shape again and again with other amounts
 * ("那如果花5万呢"). The policy book is immutable, so a plan never goes stale within a book.
 */
import type { PolicyBook } from "./book.ts";
import type { InputError } from "./evaluate.ts";
import { resolveCase } from "./resolve.ts";
import type { Scenario } from "./scenario.ts";
import { planSettlement, type Plan } from "./settle.ts";

/** Enough for every common shape; a plan is a few kilobytes, so the cache stays under ~10 MB. */
export const PLAN_CACHE_LIMIT = 2048;

/** A valid amount (digits and a dot) that is zero: "0", "0.00". */
const ZERO_AMOUNT = /^[0.]*$/;

const caches = new WeakMap<PolicyBook, Map<string, Plan>>();

/**
 * Every field of the scenario except the amounts of the bill. The presence of 乙类 (given or
 * not, zero or not) changes the plan's assumptions, so it is part of the shape too. Fields are
 * joined with U+0001: no resolvable region name or valid date holds a control character.
 */
export function shapeKey(s: Scenario): string {
  const b = s.costs.classB;
  const y = s.yearToDate;
  const i = s.insured;
  const t = s.treatment;
  const shapeOfClassB = b === undefined ? "" : ZERO_AMOUNT.test(b) ? "0" : "+";
  // A template rather than [..].join: this runs on every estimate.
  return `${i.region}\u0001${i.scheme}\u0001${i.status}\u0001${t.region}\u0001${t.setting}\u0001${t.hospitalLevel}\u0001${t.date}\u0001${s.visitor}\u0001${s.maternity}\u0001${shapeOfClassB}\u0001${y === undefined ? "-" : `${y.admissions}\u0001${y.fundPaid}\u0001${y.deductiblePaid}`}`;
}

type Planned = { ok: true; value: Plan } | { ok: false; errors: InputError[] };

/** The plan for a scenario's shape, made once; `cache: false` always makes a fresh one. */
export function planFor(book: PolicyBook, s: Scenario, cache = true): Planned {
  let plans: Map<string, Plan> | undefined;
  let key = "";
  if (cache) {
    plans = caches.get(book);
    if (!plans) caches.set(book, (plans = new Map()));
    key = shapeKey(s);
    const hit = plans.get(key);
    if (hit) return { ok: true, value: hit };
  }
  const resolved = resolveCase(book, s);
  if (!resolved.ok) return resolved;
  const plan = planSettlement(book, resolved.value);
  if (plans) {
    // Oldest first out: a Map iterates in insertion order.
    if (plans.size >= PLAN_CACHE_LIMIT) plans.delete(plans.keys().next().value!);
    plans.set(key, plan);
  }
  return { ok: true, value: plan };
}
