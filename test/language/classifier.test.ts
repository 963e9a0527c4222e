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
