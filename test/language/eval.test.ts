/**
 * The evaluation set: intent accuracy and slot micro P/R/F1 on the tuning part and on the
 * holdout part (written first, frozen, never looked at while tuning). Both must reach 95%.
 * More blind parts (holdout2: written after the first parser version; holdout3 and holdout4:
 * written after later tuning rounds; all frozen, their failures never read) measure how the rules generalise to
 * phrasing they were not written for; they guard against regressions with a lower floor.
 */
import { describe, expect, it } from "vitest";
import { evaluate, loadSet, summary } from "./metrics.ts";

const GOAL = 0.95;

describe.each([
  ["tuning", "./tuning.jsonl"],
  ["holdout", "./holdout.jsonl"],
])("evaluation set: %s", (name, file) => {
  const set = loadSet(file);
  const scores = evaluate(set);

  it("is big enough to mean something", () => {
    expect(set.length).toBeGreaterThanOrEqual(name === "tuning" ? 300 : 100);
  });

  it(`reaches intent accuracy and slot F1 of ${GOAL * 100}%`, () => {
    console.log(summary(name, scores));
    expect(scores.intentAccuracy).toBeGreaterThanOrEqual(GOAL);
    expect(scores.f1).toBeGreaterThanOrEqual(GOAL);
  });
});

// Phone-typed messages written after the blind part was scored (restated amounts, negations,
// typos of places, short corrections, general questions); tuned on, like tuning.jsonl.
// tuning6: a later round the same way (several amounts in one message, 3w5/一万出头/1万8千5,
// negations, 不是X是Y corrections, new people, general questions asked in passing); its
// exact match (every slot and the intent right) is held too.
// tuning7: 249 messages written in one sitting before any rule was tuned on them (first pass:
// intent 88.4%, slot F1 98.8%, exact 84.7%), covering every kind of issue 10 evenly.
// tuning8: 257 more written the same way (first pass: intent 90.3%, slot F1 97.8%, exact 84.0%).
describe.each([
  ["tuning5", "./tuning5.jsonl", 60],
  ["tuning6", "./tuning6.jsonl", 100],
  ["tuning7", "./tuning7.jsonl", 200],
  ["tuning8", "./tuning8.jsonl", 200],
] as const)("evaluation set: %s", (name, file, size) => {
  const scores = evaluate(loadSet(file));
  it(`has at least ${size} messages and reaches intent accuracy and slot F1 of ${GOAL * 100}%`, () => {
    console.log(summary(name, scores), `exact ${((scores.n - scores.failures.length) / scores.n * 100).toFixed(1)}%`);
    expect(scores.n).toBeGreaterThanOrEqual(size);
    expect(scores.intentAccuracy).toBeGreaterThanOrEqual(GOAL);
    expect(scores.f1).toBeGreaterThanOrEqual(GOAL);
    expect((scores.n - scores.failures.length) / scores.n).toBeGreaterThanOrEqual(0.9);
  });
});

// tuning9: 139 phone-typed questions next to their neighbours (补备案 beside 直接结算, 回去报销
// beside 结算, 要不要提前备案, 备案能取消不), what a word means (起付线是啥意思), thanks, the tax
// deduction for serious illness, students' insurance and vague short questions, written in one
// sitting before any rule was tuned on them (first pass: intent 66.2%, slot F1 95.2%, exact 65.5%).
// Held where the round left it; its slots are few, so the exact match is held higher than F1.
describe("evaluation set: tuning9", () => {
  const scores = evaluate(loadSet("./tuning9.jsonl"));
  it("has at least 120 messages and reaches intent accuracy 99%, slot F1 97%, exact match 98%", () => {
    console.log(summary("tuning9", scores), `exact ${((scores.n - scores.failures.length) / scores.n * 100).toFixed(1)}%`);
    expect(scores.n).toBeGreaterThanOrEqual(120);
    expect(scores.intentAccuracy).toBeGreaterThanOrEqual(0.99);
    expect(scores.f1).toBeGreaterThanOrEqual(0.97);
    expect((scores.n - scores.failures.length) / scores.n).toBeGreaterThanOrEqual(0.98);
  });
});

// tuning10: 136 phone-typed messages written in one sitting before any rule was tuned on them, about
// slots: a figure on top of another (另外还有5000的药), 押金 beside the bill, two totals, a stay
// counted in days, the role of a corrected place (医保其实是在无锡, 从上海改成杭州, 要是三亚呢),
// corrections without a change word (按在职算, 三级的呢), the current scheme, students, the visitor
// kind in cancel/change questions, new people, facts said both ways. First pass: intent 86.0%,
// slot P 91.2% / R 88.6% / F1 89.9%, exact 63.2%. Its floor is where the round left it; the
// intents it still misses (押金 with a bill, 垫 read as a manual claim) belong to the intent rules.
describe("evaluation set: tuning10", () => {
  const scores = evaluate(loadSet("./tuning10.jsonl"));
  it("has at least 120 messages and holds intent 92%, slot F1 98.5%, exact 90%", () => {
    console.log(summary("tuning10", scores), `exact ${((scores.n - scores.failures.length) / scores.n * 100).toFixed(1)}%`);
    expect(scores.n).toBeGreaterThanOrEqual(120);
    expect(scores.intentAccuracy).toBeGreaterThanOrEqual(0.92);
    expect(scores.f1).toBeGreaterThanOrEqual(0.985);
    expect((scores.n - scores.failures.length) / scores.n).toBeGreaterThanOrEqual(0.9);
  });
});

describe.each([
  ["holdout2", "./holdout2.jsonl"],
  ["holdout3", "./holdout3.jsonl"],
  ["holdout4", "./holdout4.jsonl"],
])("blind generalisation check: %s", (name, file) => {
  const scores = evaluate(loadSet(file));
  it("stays above its floor (intent 80%, slot F1 95%)", () => {
    console.log(summary(`${name} (blind)`, scores));
    expect(scores.n).toBeGreaterThanOrEqual(40);
    expect(scores.intentAccuracy).toBeGreaterThanOrEqual(0.8);
    expect(scores.f1).toBeGreaterThanOrEqual(0.95);
  });
});

// tuning11: the reading faults a QA round found playing fresh users (numbers to call read as a
// bill, making up the registration after discharge, a deposit said alone, paying first as a
// claim, 退休后到外地定居 as its own category), several phrasings each. On main before the fixes:
// intent 76.9%, slot F1 88.5%, exact 65.4%. Held whole.
describe("evaluation set: tuning11", () => {
  const scores = evaluate(loadSet("./tuning11.jsonl"));
  it("has at least 20 messages and gets every one right", () => {
    console.log(summary("tuning11", scores), `exact ${((scores.n - scores.failures.length) / scores.n * 100).toFixed(1)}%`);
    expect(scores.n).toBeGreaterThanOrEqual(20);
    expect(scores.failures).toEqual([]);
  });
});
