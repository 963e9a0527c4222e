/**
 * tuning-qa5: phone-typed messages for the fourth fresh-user round's reading faults (QA4), each
 * fault in wordings of its own: a registration cancelled, expired, pending or made for another
 * place; discharge said in other words; a denial after its cue (转诊没办下来, 急诊没有, 退休还没);
 * the writer's own facts beside the patient's; place roles said plainly; job and scheme words;
 * chronic-disease care; hospital words; city typos and pinyin. Tuned on, like the other tuning parts.
 */
import { describe, expect, it } from "vitest";
import { evaluate, loadSet, summary } from "./metrics.ts";

describe("evaluation set: tuning-qa5", () => {
  const scores = evaluate(loadSet("./tuning-qa5.jsonl"));
  it("has at least 20 messages and gets every one right", () => {
    console.log(summary("tuning-qa5", scores), `exact ${((scores.n - scores.failures.length) / scores.n * 100).toFixed(1)}%`);
    for (const f of scores.failures) console.log(`  ${f.text}\n    want ${f.want}\n    got  ${f.got}`);
    expect(scores.n).toBeGreaterThanOrEqual(20);
    expect(scores.failures).toEqual([]);
  });
});
