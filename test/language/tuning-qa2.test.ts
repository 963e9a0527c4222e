/**
 * tuning-qa2: messages written the way the fresh-user round typed them (its reading faults, each
 * in several phrasings): work at the insured place, a bare 长期备案, a denial with filler words
 * (没办那个什么备案), retirement still ahead (快退休了) or just reached (现在退了), 不是三甲, a
 * 老家 not named. Tuned on, like the other tuning parts; first pass 52.2% exact (slots of the
 * new phrasings read wrong). Held at every message right, but the intent of one statement.
 */
import { describe, expect, it } from "vitest";
import { evaluate, loadSet, summary } from "./metrics.ts";

describe("evaluation set: tuning-qa2", () => {
  const scores = evaluate(loadSet("./tuning-qa2.jsonl"));
  it("has at least 20 messages and reaches intent 95%, slot F1 99%, exact 95%", () => {
    console.log(summary("tuning-qa2", scores), `exact ${((scores.n - scores.failures.length) / scores.n * 100).toFixed(1)}%`);
    expect(scores.n).toBeGreaterThanOrEqual(20);
    expect(scores.intentAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(scores.f1).toBeGreaterThanOrEqual(0.99);
    expect((scores.n - scores.failures.length) / scores.n).toBeGreaterThanOrEqual(0.95);
  });
});
