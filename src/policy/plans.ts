/**
 * Plans kept per scenario shape. Everything an estimate needs apart from the three amounts of
 * the bill (regions, version, rules, visitor rule, citations, fixed wording) depends only on
 * the rest of the scenario, and people ask the same shape again and again with other amounts
 * ("那如果花5万呢"). The policy book is immutable, so a plan never goes stale within a book.
 */
import type { PolicyBook } from "./book.ts";
import type { InputError } from "./evaluate.ts";
import { hasClassB, resolveCase } from "./resolve.ts";
import type { Scenario } from "./scenario.ts";
import { PersonStatus, Scheme, Setting, Visitor } from "./terms.ts";
import { planSettlement, type Plan } from "./settle.ts";

/** Enough for every common shape; a plan is a few kilobytes, so the cache stays under ~10 MB. */
export const PLAN_CACHE_LIMIT = 2048;

const SCHEMES: readonly string[] = Scheme.options;
const STATUSES: readonly (string | undefined)[] = [undefined, ...PersonStatus.options];
const SETTINGS: readonly string[] = Setting.options;
const VISITORS: readonly string[] = Visitor.options;
const MATERNITY = [undefined, false, true];

/**
 * A scenario's shape: every field except the amounts of the bill, as insured region, treatment
 * region, date and one number for the small choices. Nested maps keyed by these cost less than
 * one long joined key, which must be built and hashed on every estimate. The presence of 乙类
 * (given or not, zero or not) and of 目录外 (given or not) changes the plan's assumptions, so
 * they are part of the shape. A
 * scenario with money already paid this year is not cached: those are amounts too.
 */
export function shapeOf(s: Scenario): [insured: string, treatment: string, date: string, choices: number] | null {
  const y = s.yearToDate;
  if (y && (y.fundPaid !== undefined || y.deductiblePaid !== undefined)) return null;
  const b = s.costs.classB;
  let n = SCHEMES.indexOf(s.insured.scheme);
  n = n * STATUSES.length + STATUSES.indexOf(s.insured.status);
  n = n * SETTINGS.length + SETTINGS.indexOf(s.treatment.setting);
  n = n * 3 + (s.treatment.hospitalLevel - 1);
  n = n * VISITORS.length + VISITORS.indexOf(s.visitor);
  n = n * 3 + MATERNITY.indexOf(s.maternity);
  n = n * 3 + (b === undefined ? 0 : hasClassB(s) ? 2 : 1);
  // Left out, the plan says so among its assumptions; given (zero or not), it does not.
  n = n * 2 + (s.costs.outOfCatalog === undefined ? 0 : 1);
  // yearToDate absent, or present with admissions absent or 0..365.
  n = n * 368 + (y === undefined ? 0 : y.admissions === undefined ? 1 : y.admissions + 2);
  // The age picks a ratio band (深圳 居民 60+): absent, or 0..150.
  n = n * 152 + (s.insured.age === undefined ? 0 : s.insured.age + 1);
  return [s.insured.region, s.treatment.region, s.treatment.date, n];
}

type Plans = Map<string, Map<string, Map<string, Map<number, Plan>>>>;
interface Cache {
  plans: Plans;
  size: number;
}
const caches = new WeakMap<PolicyBook, Cache>();

function child<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) map.set(key, (v = make()));
  return v;
}

type Planned = { ok: true; value: Plan } | { ok: false; errors: InputError[] };

/** The plan for a scenario's shape, made once; `cache: false` always makes a fresh one. */
export function planFor(book: PolicyBook, s: Scenario, cache = true): Planned {
  const shape = cache ? shapeOf(s) : null;
  let cached: Cache | undefined;
  if (shape) {
    cached = caches.get(book);
    const hit = cached?.plans.get(shape[0])?.get(shape[1])?.get(shape[2])?.get(shape[3]);
    if (hit) return { ok: true, value: hit };
  }
  const resolved = resolveCase(book, s);
  if (!resolved.ok) return resolved;
  const plan = planSettlement(book, resolved.value);
  if (shape) {
    if (!cached) caches.set(book, (cached = { plans: new Map(), size: 0 }));
    // Full: start again. The shapes in use come back within a few estimates.
    if (cached.size >= PLAN_CACHE_LIMIT) {
      cached.plans.clear();
      cached.size = 0;
    }
    const byDate = child(child(cached.plans, shape[0], () => new Map()), shape[1], () => new Map());
    child(byDate, shape[2], () => new Map<number, Plan>()).set(shape[3], plan);
    cached.size++;
  }
  return { ok: true, value: plan };
}
