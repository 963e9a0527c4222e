/**
 * The common scenario, checked by hand: plain strings already trimmed, amounts as strings, no
 * field left undefined. Such an input is what every front end sends, and checking it here costs
 * a fraction of the zod schema (a fifth of an estimate). Anything else — a number for an
 * amount, spaces to trim, an unknown or undefined field, a wrong value of any kind — returns
 * undefined, and the schema (scenario.ts) judges it and words what is wrong: it stays the one
 * definition of a valid scenario. test/policy/quick-scenario.test.ts checks that whatever this
 * accepts, the schema accepts with the same value.
 */
import { z } from "./zod.ts";
import { MAX_REGION, MONEY, type Scenario } from "./scenario.ts";
import { PersonStatus, Scheme, Setting, Visitor } from "./terms.ts";

const SCHEMES = new Set<unknown>(Scheme.options);
const STATUSES = new Set<unknown>(PersonStatus.options);
const SETTINGS = new Set<unknown>(Setting.options);
const VISITORS = new Set<unknown>(Visitor.options);
const DATE = z.regexes.date;

const TOP = new Set(["insured", "treatment", "visitor", "costs", "yearToDate", "maternity"]);
const INSURED = new Set(["region", "scheme", "status"]);
const TREATMENT = new Set(["region", "setting", "hospitalLevel", "date"]);
const COSTS = new Set(["total", "classB", "outOfCatalog"]);
const YEAR = new Set(["admissions", "fundPaid", "deductiblePaid"]);

type Plain = Record<string, unknown>;

/** A plain object whose own keys are all in `keys` and none undefined; else null. */
function object(x: unknown, keys: Set<string>): Plain | null {
  if (typeof x !== "object" || x === null || Array.isArray(x)) return null;
  const o = x as Plain;
  for (const k in o) {
    if (!keys.has(k) || o[k] === undefined) return null;
  }
  return o;
}

function region(x: unknown): x is string {
  return typeof x === "string" && x.length > 0 && x.length <= MAX_REGION && x.trim() === x;
}

function money(x: unknown): x is string {
  return typeof x === "string" && MONEY.test(x);
}

/** The validated scenario, or undefined: then ask the schema. */
export function quickScenario(input: unknown): Scenario | undefined {
  const o = object(input, TOP);
  if (!o) return undefined;
  const insured = object(o.insured, INSURED);
  const treatment = object(o.treatment, TREATMENT);
  const costs = object(o.costs, COSTS);
  if (!insured || !treatment || !costs) return undefined;
  if (!region(insured.region) || !SCHEMES.has(insured.scheme) || ("status" in insured && !STATUSES.has(insured.status))) return undefined;
  const level = treatment.hospitalLevel;
  if (!region(treatment.region) || !SETTINGS.has(treatment.setting) || (level !== 1 && level !== 2 && level !== 3)) return undefined;
  if (typeof treatment.date !== "string" || !DATE.test(treatment.date)) return undefined;
  if (!VISITORS.has(o.visitor)) return undefined;
  const { total, classB, outOfCatalog } = costs;
  if (!money(total) || (classB !== undefined && !money(classB)) || (outOfCatalog !== undefined && !money(outOfCatalog))) return undefined;
  // The schema's comparisons (scenario.ts): only ever compared, never computed with.
  const t = Number(total);
  const b = classB === undefined ? 0 : Number(classB);
  const out = outOfCatalog === undefined ? 0 : Number(outOfCatalog);
  if (b > t || out > t || b + out > t) return undefined;
  let yearToDate: Scenario["yearToDate"];
  if ("yearToDate" in o) {
    const y = object(o.yearToDate, YEAR);
    if (!y) return undefined;
    const n = y.admissions;
    if (n !== undefined && !(typeof n === "number" && Number.isInteger(n) && n >= 0 && n <= 365)) return undefined;
    if ((y.fundPaid !== undefined && !money(y.fundPaid)) || (y.deductiblePaid !== undefined && !money(y.deductiblePaid))) return undefined;
    yearToDate = {};
    if (n !== undefined) yearToDate.admissions = n;
    if (y.fundPaid !== undefined) yearToDate.fundPaid = y.fundPaid as string;
    if (y.deductiblePaid !== undefined) yearToDate.deductiblePaid = y.deductiblePaid as string;
  }
  if ("maternity" in o && typeof o.maternity !== "boolean") return undefined;

  // New objects, as the schema gives: a cached plan keeps the scenario, and the caller's object may change later.
  const out_: Scenario = {
    insured: { region: insured.region, scheme: insured.scheme as Scenario["insured"]["scheme"] },
    treatment: { region: treatment.region, setting: treatment.setting as Scenario["treatment"]["setting"], hospitalLevel: level, date: treatment.date },
    visitor: o.visitor as Scenario["visitor"],
    costs: { total },
  };
  if ("status" in insured) out_.insured.status = insured.status as Scenario["insured"]["status"];
  if (classB !== undefined) out_.costs.classB = classB;
  if (outOfCatalog !== undefined) out_.costs.outOfCatalog = outOfCatalog;
  if (yearToDate) out_.yearToDate = yearToDate;
  if ("maternity" in o) out_.maternity = o.maternity as boolean;
  return out_;
}
