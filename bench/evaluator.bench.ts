/**
 * Evaluator throughput: explained estimates (validation, region and version look-up, every
 * step with its source, rounding) against the bare settlement formula in decimal.js and the
 * same formula in plain numbers.
 */
import { settleArithmetic } from "../src/policy/arithmetic.ts";
import { evaluate, getPolicyBook, type ScenarioInput } from "../src/policy/index.ts";
import { D } from "../src/policy/money.ts";
import { resolveCase } from "../src/policy/resolve.ts";
import { Scenario } from "../src/policy/scenario.ts";
import { prepareSettlement } from "../src/policy/settle.ts";
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

/**
 * The bare formula: the evaluator's own arithmetic kernel on parameters resolved once at
 * set-up (no look-up, no explanation), parsing the three amounts each time as the
 * explained path does.
 */
const prepared = scenarios.map((s) => {
  const parsed = Scenario.parse(s);
  const resolved = resolveCase(book, parsed);
  if (!resolved.ok) throw new Error("bench scenario rejected");
  return { costs: s.costs as { total: string; classB: string; outOfCatalog: string }, input: prepareSettlement(book, resolved.value).input };
});
function bareDecimal(i: number): string {
  const p = prepared[i & 511]!;
  const r = settleArithmetic({ ...p.input, total: new D(p.costs.total), classB: new D(p.costs.classB), outOfCatalog: new D(p.costs.outOfCatalog) });
  return r.youPay.toFixed(2);
}

const plainInputs = scenarios.map((s) => ({ total: Number(s.costs.total), b: Number(s.costs.classB), out: Number(s.costs.outOfCatalog) }));
/** The same kernel in plain numbers (floats: for speed comparison only, never for money). */
const plainParams = prepared.map(({ input }) => ({
  share: input.classBShare.toNumber(),
  first: input.firstPayShare.toNumber(),
  d: input.deductible.toNumber(),
  bands: input.bands.map((b, k) => ({ lo: b.lo.toNumber(), hi: b.hi === null ? Infinity : b.hi.toNumber(), rate: input.rates[k]!.toNumber() })),
  cap: input.capRemaining === null ? Infinity : input.capRemaining.toNumber(),
}));
function plainNumbers(i: number): number {
  const x = plainInputs[i & 511]!;
  const p = plainParams[i & 511]!;
  const classBFirst = Math.round(x.b * p.share) / 100;
  const eligible = x.total - x.out - classBFirst;
  const base = eligible - Math.round(eligible * p.first) / 100;
  let fund = 0;
  for (const band of p.bands) {
    const lo = Math.max(band.lo, p.d);
    const hi = Math.min(band.hi, base);
    if (hi > lo) fund += ((hi - lo) * band.rate) / 100;
  }
  fund = Math.round(Math.min(fund, p.cap) * 100) / 100;
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
