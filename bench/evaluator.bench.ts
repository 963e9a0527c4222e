/**
 * Evaluator throughput: explained estimates (validation, region and version look-up, every
 * step with its figures and source as data, rounding), the same with every step worded,
 * against the bare settlement formula in decimal.js and the same formula in plain numbers. The explained figure is the usual case, a shape whose plan is
 * cached (plans.ts); the first-time figure makes every look-up again.
 */
import { explainEstimate } from "../src/messages/explain.ts";
import { settleArithmetic } from "../src/policy/arithmetic.ts";
import { evaluate, getPolicyBook, type ScenarioInput } from "../src/policy/index.ts";
import { shapeOf } from "../src/policy/plans.ts";
import { resolveCase } from "../src/policy/resolve.ts";
import { Scenario } from "../src/policy/scenario.ts";
import { planSettlement, settlementInput } from "../src/policy/settle.ts";
import { fmtRate, opsPerSecond } from "./timing.ts";

const book = getPolicyBook();
const regions = [...book.regions.values()].filter((r) => r.schemes.employee).map((r) => r.name);
const treatments = ["上海", "北京", "广州", "合肥", "苏州", "杭州"];
const visitors = ["long_term", "referral", "emergency", "temporary_other", "unregistered"] as const;

// 512 scenarios the evaluator settles: care not registered is refused (no figure) where the
// insured place has no rule for it, and a refusal is not the throughput measured here.
const scenarios: ScenarioInput[] = [];
const prepared: { costs: Scenario["costs"]; plan: ReturnType<typeof planSettlement>; input: ReturnType<typeof settlementInput> }[] = [];
for (let i = 0; scenarios.length < 512; i++) {
  if (i > 4096) throw new Error("bench: fewer than 512 scenarios settle");
  const total = 5000 + ((i * 7919) % 200000);
  const s: ScenarioInput = {
    insured: { region: regions[i % regions.length] ?? "苏州", scheme: "employee", status: i % 3 === 0 ? "retired" : "working" },
    treatment: { region: treatments[i % treatments.length]!, setting: "inpatient", hospitalLevel: ((i % 3) + 1) as 1 | 2 | 3, date: "2026-03-01" },
    visitor: visitors[i % visitors.length]!,
    costs: { total: String(total), classB: String(Math.floor(total / 4)), outOfCatalog: String(Math.floor(total / 10)) },
  };
  /*
   * The bare formula: the evaluator's own arithmetic kernel on parameters resolved once at
   * set-up (no look-up, no explanation), parsing the three amounts each time as the
   * explained path does.
   */
  const parsed = Scenario.parse(s);
  const resolved = resolveCase(book, parsed);
  if (!resolved.ok || !evaluate(s, book).ok) continue;
  const plan = planSettlement(book, resolved.value);
  scenarios.push(s);
  prepared.push({ costs: parsed.costs, plan, input: settlementInput(plan, parsed.costs) });
}
function bareDecimal(i: number): string {
  const p = prepared[i & 511]!;
  return settleArithmetic(settlementInput(p.plan, p.costs)).youPay.toFixed(2);
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

/** Median of a few numbers. */
function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Five rounds, the four measurements interleaved within each round, so that a slow moment of
 * the machine hits all of them alike; the ratio is taken within each round, then the median.
 */
const ROUNDS = 5;

export async function run(): Promise<void> {
  const shapes = new Set(scenarios.map((s) => JSON.stringify(shapeOf(Scenario.parse(s))))).size;
  const failures = scenarios.filter((s) => !evaluate(s, book).ok).length;
  const rounds = { explained: [] as number[], worded: [] as number[], firstTime: [] as number[], bare: [] as number[], plain: [] as number[], ratio: [] as number[] };
  for (let k = 0; k < ROUNDS; k++) {
    const explained = opsPerSecond((i) => evaluate(scenarios[i & 511], book), 600);
    const bare = opsPerSecond(bareDecimal, 600);
    rounds.explained.push(explained);
    rounds.bare.push(bare);
    rounds.ratio.push(bare / explained);
    rounds.worded.push(
      opsPerSecond((i) => {
        const r = evaluate(scenarios[i & 511], book);
        return r.ok ? explainEstimate(r.estimate) : r;
      }, 300),
    );
    rounds.firstTime.push(opsPerSecond((i) => evaluate(scenarios[i & 511], book, { cache: false }), 300));
    rounds.plain.push(opsPerSecond(plainNumbers, 300));
  }
  const bare = median(rounds.bare);
  const plain = median(rounds.plain);
  const ratios = rounds.ratio.map((r) => r.toFixed(2)).join(", ");
  console.log(`scenarios: ${scenarios.length} over ${regions.length} regions with data (${failures} rejected); medians of ${ROUNDS} interleaved rounds`);
  console.log(`explained estimates/s        ${fmtRate(median(rounds.explained))}   (goal ≥ 50,000; plans of the ${shapes} shapes cached, amounts vary)`);
  console.log(`  … every step also worded  ${fmtRate(median(rounds.worded))}   (the JSON API's form: src/messages/explain.ts)`);
  console.log(`  … of a shape not seen yet  ${fmtRate(median(rounds.firstTime))}   (plan cache off: every look-up made again)`);
  console.log(`bare decimal.js formula/s    ${fmtRate(bare)}`);
  console.log(`plain-number formula/s       ${fmtRate(plain)}`);
  console.log(`explained vs bare decimal    ${median(rounds.ratio).toFixed(2)}× slower   (goal ≤ 2×; rounds: ${ratios})`);
  console.log(`bare decimal vs plain        ${(plain / bare).toFixed(0)}× slower`);
}
