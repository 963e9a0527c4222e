/**
 * Evaluator throughput: explained estimates (validation, region and version look-up, every
 * step with its source, rounding) against the bare settlement formula in decimal.js and the
 * same formula in plain numbers.
 */
import { Decimal } from "decimal.js";
import { evaluate, getPolicyBook, type ScenarioInput } from "../src/policy/index.ts";
import { fmtRate, opsPerSecond } from "./timing.ts";

const book = getPolicyBook();
const regions = [...book.regions.values()].filter((r) => r.schemes.employee).map((r) => r.name);
const treatments = ["上海", "北京", "广州", "合肥", "苏州", "杭州"];
const visitors = ["long_term", "referral", "emergency", "temporary_other", "unregistered"] as const;

const scenarios: ScenarioInput[] = [];
for (let i = 0; i < 512; i++) {
  const total = 5000 + ((i * 7919) % 200000);
  scenarios.push({
    insured: { region: regions[i % regions.length] ?? "苏州", scheme: "employee", status: i % 3 === 0 ? "retired" : "working" },
    treatment: { region: treatments[i % treatments.length]!, setting: "inpatient", hospitalLevel: ((i % 3) + 1) as 1 | 2 | 3, date: "2026-03-01" },
    visitor: visitors[i % visitors.length]!,
    costs: { total: String(total), classB: String(Math.floor(total / 4)), outOfCatalog: String(Math.floor(total / 10)) },
  });
}

/** The worked check's formula, bare: 自费, 乙类 first-pay, deductible, ratio, cap, rounding. */
const DD = Decimal.clone({ rounding: Decimal.ROUND_HALF_UP });
const bareInputs = scenarios.map((s) => s.costs as { total: string; classB: string; outOfCatalog: string });
const share = new DD("0.1");
const deductible = new DD(1200);
const ratio = new DD("0.85");
const cap = new DD(400000);
function bareDecimal(i: number): string {
  const c = bareInputs[i & 511]!;
  // Parsing the amounts is part of the formula: the explained path parses them too.
  const x = { total: new DD(c.total), b: new DD(c.classB), out: new DD(c.outOfCatalog) };
  const first = x.b.times(share).toDecimalPlaces(2);
  const eligible = x.total.minus(x.out).minus(first);
  const above = eligible.minus(deductible);
  let fund = above.isNegative() ? new DD(0) : above.times(ratio);
  if (fund.greaterThan(cap)) fund = cap;
  fund = fund.toDecimalPlaces(2);
  return x.total.minus(fund).toFixed(2);
}

const plainInputs = scenarios.map((s) => ({ total: Number(s.costs.total), b: Number(s.costs.classB), out: Number(s.costs.outOfCatalog) }));
function plainNumbers(i: number): number {
  const x = plainInputs[i & 511]!;
  const first = Math.round(x.b * 0.1 * 100) / 100;
  const above = x.total - x.out - first - 1200;
  const fund = Math.round(Math.min(above < 0 ? 0 : above * 0.85, 400000) * 100) / 100;
  return x.total - fund;
}

export async function run(): Promise<void> {
  const failures = scenarios.filter((s) => !evaluate(s, book).ok).length;
  const explained = opsPerSecond((i) => evaluate(scenarios[i & 511], book));
  const bare = opsPerSecond(bareDecimal);
  const plain = opsPerSecond(plainNumbers);
  console.log(`scenarios: ${scenarios.length} over ${regions.length} regions with data (${failures} rejected)`);
  console.log(`explained estimates/s        ${fmtRate(explained)}   (goal ≥ 50,000)`);
  console.log(`bare decimal.js formula/s    ${fmtRate(bare)}`);
  console.log(`plain-number formula/s       ${fmtRate(plain)}`);
  console.log(`explained vs bare decimal    ${(bare / explained).toFixed(2)}× slower   (goal ≤ 2×)`);
  console.log(`bare decimal vs plain        ${(plain / bare).toFixed(0)}× slower`);
}
