import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { buildIntentModel } from "../../src/language/data/generate-intent-model.ts";
import { classify, features } from "../../src/language/classifier.ts";
import { parse } from "../../src/language/index.ts";

describe("fallback intent classifier", () => {
  it("intent-model.json is what the generator builds from the tuning set", () => {
    const stored = JSON.parse(readFileSync(new URL("../../src/language/data/intent-model.json", import.meta.url), "utf8"));
    expect(stored).toEqual(buildIntentModel());
  });

  it("is trained on the tuning part only", () => {
    const holdout = readFileSync(new URL("./holdout.jsonl", import.meta.url), "utf8").split("\n").filter(Boolean).length;
    const model = buildIntentModel();
    const tuning = readFileSync(new URL("./tuning.jsonl", import.meta.url), "utf8").split("\n").filter(Boolean)
      .filter((l) => !(JSON.parse(l) as { expecting?: string }).expecting).length;
    expect(model.n).toBe(tuning);
    expect(holdout).toBeGreaterThan(0);
  });

  it("reads characters and pairs, ignoring punctuation", () => {
    expect(features("备案，吗")).toEqual(["备", "备案", "案", "案吗", "吗"]);
    expect(classify("")).toBeUndefined();
  });

  it("is not consulted for text that is not about insurance", () => {
    expect(parse("今天吃什么呢").intent).toBe("out_of_scope");
  });
});

describe("the classifier's lookup by character code", () => {
  it("gives exactly what naive Bayes over features() gives, on every evaluation message", () => {
    const model = JSON.parse(readFileSync(new URL("../../src/language/data/intent-model.json", import.meta.url), "utf8")) as {
      n: number; vocabulary: number; docs: Record<string, number>; totals: Record<string, number>; counts: Record<string, Record<string, number>>;
    };
    const intents = Object.keys(model.docs);
    // The plain textbook form, feature strings and all, summed in the same order.
    const reference = (text: string) => {
      const fs = features(text);
      if (fs.length === 0) return undefined;
      const scores = intents.map((i) => Math.log((model.docs[i] ?? 1) / model.n) + fs.length * Math.log(0.5 / ((model.totals[i] ?? 0) + 0.5 * model.vocabulary)));
      for (const f of fs) intents.forEach((i, k) => {
        const c = model.counts[i]?.[f];
        if (c !== undefined) scores[k] = (scores[k] as number) + Math.log((c + 0.5) / 0.5);
      });
      let best = 0;
      scores.forEach((x, k) => { if (x > (scores[best] as number)) best = k; });
      const z = scores.reduce((a, x) => a + Math.exp(x - (scores[best] as number)), 0);
      return { intent: intents[best], probability: 1 / z };
    };
    const texts = ["tuning.jsonl", "holdout.jsonl", "holdout2.jsonl"].flatMap((f) =>
      readFileSync(new URL(`./${f}`, import.meta.url), "utf8").split("\n").filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text));
    texts.push("𠀀𠀁看病", "，。！", "医保🙂报销");
    for (const text of texts) expect(classify(text), text).toEqual(reference(text));
  });
});
